/**
 * The only place the Lambda entry points read `process.env`. Values are set by the CDK
 * construct (infra/src/platform-construct.ts); names are listed in docs/deploy.md.
 */
import { fairUseSettingsFromEnv, type FairUseSettings } from '@ufp/kit/fair-use';

export interface FunctionEnv {
  /** Set by the Lambda runtime itself (reserved variable). */
  region: string;
  tableName: string;
  eventBusName: string | undefined;
  evidenceBucket: string | undefined;
  /** Absent on functions that were not granted the PII key (consumers by default). */
  piiKmsKeyId: string | undefined;
  /** Absent on functions that were not granted the blind-index secret. */
  blindIndexSecretArn: string | undefined;
  /** The KMS HMAC key that signs (sealing tick) or verifies (API) the audit log's digests. */
  auditMacKeyId: string | undefined;
  /** `userIdClaim`: the claim holding the directory user id (`JWT_USER_ID_CLAIM`, `sub` when unset). */
  jwt: { issuer: string; audience: string; jwksUrl: string; userIdClaim: string | undefined };
  /**
   * The platform's SQS dead-letter queues (`DEAD_LETTER_QUEUES`, a JSON array of {key, url, source,
   * target}) and the table's stream (`TABLE_STREAM_ARN`): only the API function is given them, for
   * the operator's dead-letter page.
   */
  deadLetterQueues: string | undefined;
  tableStreamArn: string | undefined;
  /** Per-tenant fairness limits (`FAIR_USE_PER_TENANT`, `FAIR_USE_PER_PUBLIC_CLIENT`, calls per minute). */
  fairUse: Partial<FairUseSettings>;
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value ? value : undefined;
}

export function readEnv(env: Env = process.env): FunctionEnv {
  return {
    region: required(env, 'AWS_REGION'),
    tableName: required(env, 'TABLE_NAME'),
    eventBusName: optional(env, 'EVENT_BUS_NAME'),
    evidenceBucket: optional(env, 'EVIDENCE_BUCKET'),
    piiKmsKeyId: optional(env, 'PII_KMS_KEY_ID'),
    blindIndexSecretArn: optional(env, 'BLIND_INDEX_SECRET_ARN'),
    auditMacKeyId: optional(env, 'AUDIT_MAC_KEY_ID'),
    deadLetterQueues: optional(env, 'DEAD_LETTER_QUEUES'),
    tableStreamArn: optional(env, 'TABLE_STREAM_ARN'),
    fairUse: fairUseSettingsFromEnv(env),
    jwt: {
      issuer: required(env, 'JWT_ISSUER'),
      audience: required(env, 'JWT_AUDIENCE'),
      jwksUrl: required(env, 'JWKS_URL'),
      userIdClaim: optional(env, 'JWT_USER_ID_CLAIM'),
    },
  };
}

/** The generic consumer entry point serves the handler named here (one Lambda per handler). */
export function readHandlerName(env: Env = process.env): string {
  return required(env, 'HANDLER_NAME');
}
