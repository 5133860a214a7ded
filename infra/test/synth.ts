/** Test helper: synthesizes the platform stack once per region, bundling skipped. */
import { App, type Stack } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { FederationPlatform } from '../src/platform-construct.js';
import { addPlatformStack } from '../src/stack.js';

export interface Synthesized {
  region: string;
  stack: Stack;
  platform: FederationPlatform;
  template: Template;
  json: Record<string, any>;
  annotations: Annotations;
}

export function synthRegion(region: string): Synthesized {
  const app = new App();
  const { stack, platform } = addPlatformStack(app, {
    region,
    stage: 'test',
    // Bundling skipped: the construct takes a Code factory, tests hand it inline code.
    code: (bundle) => Code.fromInline(`export const handler = async () => ${JSON.stringify(bundle)};`),
    nag: true,
  });
  const template = Template.fromStack(stack);
  return { region, stack, platform, template, json: template.toJSON(), annotations: Annotations.fromStack(stack) };
}

export type Resource = { Type: string; Properties: Record<string, any>; [k: string]: unknown };

export function resources(json: Record<string, any>, type?: string): [string, Resource][] {
  return Object.entries(json.Resources as Record<string, Resource>).filter(([, r]) => !type || r.Type === type);
}

/** Logical ids a value references through Ref / Fn::GetAtt, at any depth. */
export function referencedIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedIds(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string') out.add(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v) && typeof v[0] === 'string') out.add(v[0]);
      else referencedIds(v, out);
    }
  }
  return out;
}

export const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
