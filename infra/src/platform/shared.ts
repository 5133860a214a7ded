/**
 * Small helpers shared by the platform's parts. Partition-neutral on purpose: names come from
 * `Stack.of(scope).region`/`urlSuffix`, never from a literal `amazonaws.com` or `arn:aws:`.
 */
import { Token, type Stack } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';

/**
 * The partition as a plain string when the stack's region is known at synth time (it is for
 * `infra:synth`, the tests and SST, which all bind a region). `Stack.partition` itself is
 * the `AWS::Partition` pseudo-parameter unless partition literals are enabled.
 */
export function partitionName(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.region) ? undefined : RegionInfo.get(stack.region).partition;
}

/** `service.region.urlSuffix` — the kms:ViaService value, right in both partitions. */
export function viaService(stack: Stack, service: string): string {
  return `${service}.${stack.region}.${stack.urlSuffix}`;
}

/** `daily-tick` → `DailyTick`: construct ids derived from rule and handler names. */
export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
