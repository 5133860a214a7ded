/**
 * Composition root shared by the API and consumer entry points: turns the Lambda environment
 * into a `RuntimeConfig` and builds the runtime once per execution environment.
 *
 * Nothing here talks to AWS at import time. The runtime is built on the first invocation
 * (clients are created lazily, the blind-index secret is read then), so importing a bundle —
 * as `pnpm bench` does to measure cold module init — makes no network call.
 */
import type { Composition } from '@ufp/api/compose';
import { createRuntime, type Runtime, type RuntimeConfig } from '@ufp/api/runtime';
import { KmsDigestSigner } from '@ufp/db/kms-digest-signer';
import { KmsKeyProvider } from '@ufp/db/kms-key-provider';
import { lazyKmsClient } from '@ufp/db/kms';
import { createDocumentClient } from '@ufp/db/table';
import type { DeadLetterSource } from '@ufp/events/dead-letters';
import { readEnv, type FunctionEnv } from './env.js';
import { EventBridgeRedriver } from './eventbridge-redriver.js';
import { S3BlobStore } from './s3-blob-store.js';
import { parseDeadLetterQueues, SqsDeadLetterSource } from './sqs-dead-letters.js';
import { DynamoStreamRecordReader } from './stream-records.js';

/**
 * A function that was not granted the blind-index secret (the consumers, by default) gets an
 * empty key: `blindIndex()` rejects keys shorter than 32 bytes, so any attempt to compute a
 * lookup hash fails loudly instead of silently producing hashes under a wrong key. The cursor
 * codec `createRuntime` derives from it is never used to answer a client in a consumer. IAM
 * is the real boundary: such a function has no `secretsmanager:GetSecretValue` on the secret
 * and no `kms:Decrypt`/`kms:GenerateDataKey` on the PII key.
 */
const NOT_GRANTED_BLIND_INDEX_KEY = Buffer.alloc(0);

async function readBlindIndexKey(env: FunctionEnv): Promise<Buffer> {
  if (!env.blindIndexSecretArn) return NOT_GRANTED_BLIND_INDEX_KEY;
  // Imported here, not at module init: it is read once per execution environment, on the first call.
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({ region: env.region });
  const out = await client.send(new GetSecretValueCommand({ SecretId: env.blindIndexSecretArn }));
  if (out.SecretString) return Buffer.from(out.SecretString, 'utf8');
  if (out.SecretBinary) return Buffer.from(out.SecretBinary);
  throw new Error('blind-index secret has no value');
}

/**
 * The SQS dead-letter queues (rules, Pipe, consumer failures) for the operator's dead-letter page:
 * only the API function is given their URLs (and the grants on them). Redrive puts events back on
 * the bus with PutEvents; a Pipe letter is read back from the table's stream first.
 */
export function queuedDeadLetters(env: FunctionEnv): DeadLetterSource[] {
  if (!env.deadLetterQueues) return [];
  if (!env.eventBusName || !env.tableStreamArn) throw new Error('DEAD_LETTER_QUEUES needs EVENT_BUS_NAME and TABLE_STREAM_ARN');
  return [
    new SqsDeadLetterSource({
      queues: parseDeadLetterQueues(env.deadLetterQueues),
      region: env.region,
      redriver: new EventBridgeRedriver({ busName: env.eventBusName, region: env.region }),
      streamRecords: new DynamoStreamRecordReader({ streamArn: env.tableStreamArn, region: env.region }),
    }),
  ];
}

export async function buildRuntimeConfig(env: FunctionEnv = readEnv()): Promise<Omit<RuntimeConfig, 'composition'>> {
  const kms = lazyKmsClient({ region: env.region });
  return {
    tableName: env.tableName,
    ddb: createDocumentClient({ region: env.region }),
    // Without PII_KMS_KEY_ID the provider still exists (the interface requires one) but the
    // function's role has no kms:GenerateDataKey/Decrypt on the PII key, so KMS refuses.
    keys: new KmsKeyProvider({ keyId: env.piiKmsKeyId ?? 'alias/pii-not-granted', client: kms }),
    blindIndexKey: await readBlindIndexKey(env),
    // Without AUDIT_MAC_KEY_ID the function was granted neither GenerateMac nor VerifyMac: KMS refuses.
    auditSigner: new KmsDigestSigner(env.auditMacKeyId ?? 'alias/audit-mac-not-granted', kms),
    auth: { kind: 'jwks', jwksUrl: env.jwt.jwksUrl, issuer: env.jwt.issuer, audience: env.jwt.audience, userIdClaim: env.jwt.userIdClaim },
    // Evidence files: presigned S3 URLs on the evidence bucket (only the API function is given EVIDENCE_BUCKET).
    blobs: env.evidenceBucket ? new S3BlobStore({ bucket: env.evidenceBucket, region: env.region }) : undefined,
    queuedDeadLetters: queuedDeadLetters(env),
    fairUse: env.fairUse,
    // API Gateway serves HTTPS only: browsers may pin it.
    hsts: true,
    // No devRoutes: the dev-login route exists only in the local runtime.
  };
}

let runtime: Promise<Runtime> | undefined;

/**
 * The runtime of this execution environment, built on the first call with the entry point's modules (the API
 * function loads its feature modules lazily, a consumer function all of them); a failed build is retried on the
 * next call.
 */
export function getRuntime(composition: Composition): Promise<Runtime> {
  runtime ??= buildRuntimeConfig()
    .then((config) => createRuntime({ ...config, composition }))
    .catch((err: unknown) => {
      runtime = undefined;
      throw err;
    });
  return runtime;
}
