import { createHmac } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { systemClock, type Clock } from '@ufp/core/clock';
import type { DigestSigner } from '@ufp/core/audit/chain';
import type { EventEnvelope } from '@ufp/core/events';
import type { BlobStore } from '@ufp/core/evidence/blob-store';
import { createFieldCipher } from '@ufp/core/pii/envelope';
import type { DataKeyProvider } from '@ufp/core/pii/keyring';
import { CursorCodec } from '@ufp/db/cursor';
import { AuditRepository } from '@ufp/db/repositories/audit';
import { DeadLetterRepository } from '@ufp/db/repositories/dead-letters';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import { UnitRepository } from '@ufp/db/repositories/units';
import { UsageCounterRepository } from '@ufp/db/repositories/usage';
import { UserRepository } from '@ufp/db/repositories/users';
import type { Table } from '@ufp/db/table';
import { ConsumerRunner, defaultRetryPolicy, type DeliveryOutcome, type Redeliver, type RetryPolicy } from '@ufp/events/consumer-runner';
import { DeadLetterOffice, TableDeadLetterSource, type DeadLetterSource } from '@ufp/events/dead-letters';
import { dailyTick } from '@ufp/events/consumers/daily-tick';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import { createApp, type AppOptions } from './app.js';
import { createTokenVerifier, type AuthConfig } from '@ufp/kit/auth';
import type { ApiDeps } from '@ufp/kit/deps';
import { FairUse, type FairUseSettings } from '@ufp/kit/fair-use';
import { auditSealTickJob } from '@ufp/events/consumers/audit-seal';
import type { Composition } from './compose.js';
import { installBilingualZodMessages } from '@ufp/kit/zod-bilingual';

export interface RuntimeConfig<C extends Composition = Composition> {
  /** The modules to run: `registered` (modules.ts) loaded, or the API function's `lazilyRegistered()` (lazy-modules.ts). */
  composition: C;
  tableName: string;
  ddb: DynamoDBDocumentClient;
  /** PII envelope keys: LocalKeyProvider locally, KmsKeyProvider in AWS. */
  keys: DataKeyProvider;
  /** Secret for blind indexes and cursor signatures (never stored in the table). */
  blindIndexKey: Buffer;
  /** Signs (sealing job) and verifies (audit.verify) the audit log's digests; its key is never in the table. */
  auditSigner: DigestSigner;
  auth: AuthConfig;
  clock?: Clock;
  retryPolicy?: RetryPolicy;
  /** Extra consumers by handler name, for tests that need a failing or slow consumer. */
  consumerOverrides?: Record<string, ConsumerHandler>;
  /** Wraps every consumer (the local runtime's fault injection for exercising dead letters). */
  wrapConsumer?: (name: string, handler: ConsumerHandler) => ConsumerHandler;
  /** How a parked event reaches its consumer again: the local bus locally; the runner in-process by default (AWS). */
  redeliver?: Redeliver;
  /** Dead letters held outside the table: the SQS dead-letter queues in AWS. */
  queuedDeadLetters?: readonly DeadLetterSource[];
  health?: AppOptions['health'];
  devRoutes?: AppOptions['devRoutes'];
  staticSite?: AppOptions['staticSite'];
  /** Evidence file store: LocalBlobStore locally, S3 in AWS. */
  blobs?: BlobStore;
  trustedProxyHops?: AppOptions['trustedProxyHops'];
  storeStatus?: AppOptions['storeStatus'];
  /** See `auditSealTickJob`: entries younger than this are left for the next seal. */
  auditSealMarginMs?: number;
  /** Per-tenant fairness limits (defaults in `fair-use.ts`; `FAIR_USE_*` in the environment of both runtimes). */
  fairUse?: Partial<FairUseSettings>;
  /** Strict-Transport-Security on every response: AWS only (HTTPS). */
  hsts?: boolean;
}

export interface Runtime<C extends Composition = Composition> {
  /** What was built from the module list. */
  composition: C;
  app: Hono;
  deps: ApiDeps;
  runner: ConsumerRunner;
  /** One entry per handler of the rule table: idempotent, retried, dead-lettered. */
  consumers: Record<string, (envelope: EventEnvelope) => Promise<DeliveryOutcome>>;
}

/** The composition shared by the Lambda entry points and the local server. */
export function createRuntime<C extends Composition>(config: RuntimeConfig<C>): Runtime<C> {
  installBilingualZodMessages();
  const { composition } = config;
  const table: Table = { name: config.tableName, doc: config.ddb };
  const clock = config.clock ?? systemClock;
  const cursors = new CursorCodec(createHmac('sha256', config.blindIndexKey).update('cursor-signing').digest());
  const cipher = createFieldCipher({ keys: config.keys });
  const consumerDeps = { table, clock, cursors, cipher, blindIndexKey: config.blindIndexKey, blobs: config.blobs };
  const wrap = (loaded: Record<string, ConsumerHandler>): Record<string, ConsumerHandler> =>
    config.wrapConsumer ? Object.fromEntries(Object.entries(loaded).map(([name, handler]) => [name, config.wrapConsumer!(name, handler)])) : loaded;
  const handlers = wrap({
    rollupProjector: rollupProjector(table),
    // The tenants' jobs run after the fan-out, in their own consumers: their writes are in the next day's seal.
    dailyTick: dailyTick(table, [auditSealTickJob(table, config.auditSigner, clock, { marginMs: config.auditSealMarginMs })]),
    ...composition.consumers(consumerDeps),
    ...config.consumerOverrides,
  });
  const { loadConsumers } = composition;
  const deadLetters = new DeadLetterRepository(table, cursors);
  const runner = new ConsumerRunner(table, handlers, deadLetters, config.retryPolicy ?? defaultRetryPolicy, loadConsumers && (async () => wrap(await loadConsumers(consumerDeps))));
  const tenants = new TenantRepository(table);
  const parkedLetters = new TableDeadLetterSource({ tenants, letters: deadLetters, runner, redeliver: config.redeliver });
  const deps: ApiDeps = {
    table,
    clock,
    cursors,
    cipher,
    blindIndexKey: config.blindIndexKey,
    auditSigner: config.auditSigner,
    tenants,
    units: new UnitRepository(table, cursors),
    users: new UserRepository(table, cursors),
    audit: new AuditRepository(table, cursors),
    deadLetters,
    parkedLetters,
    deadLetterOffice: new DeadLetterOffice([parkedLetters, ...(config.queuedDeadLetters ?? [])]),
    runner,
    fairUse: new FairUse(new UsageCounterRepository(table), config.fairUse),
    blobs: config.blobs,
    indicators: composition.indicators,
    recounts: () => composition.recounts(),
  };
  const consumers = Object.fromEntries(
    Object.keys(handlers).map((name) => [name, (envelope: EventEnvelope) => runner.deliver(name, envelope)]),
  ) as Runtime['consumers'];
  const app = createApp({
    deps,
    composition,
    verifier: createTokenVerifier(config.auth),
    health: config.health ?? (async () => ({ ok: true })),
    devRoutes: config.devRoutes,
    staticSite: config.staticSite,
    trustedProxyHops: config.trustedProxyHops,
    hsts: config.hsts,
    storeStatus: config.storeStatus,
  });
  return { app, deps, runner, consumers, composition };
}
