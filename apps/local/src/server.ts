import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { serve, type ServerType } from '@hono/node-server';
import { compose, type LoadedComposition } from '@ufp/api/compose';
import { registered } from '@ufp/api/modules';
import { createRuntime, type Runtime, type RuntimeConfig } from '@ufp/api/runtime';
import type { ModuleDefinition } from '@ufp/kit/module';
import { AdjustableClock } from '@ufp/core/clock';
import { keys as tableKeys, tenantPrefix, platformPrefix } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import { ensureTable, localDocumentClient } from '@ufp/db/table';
import { FileCheckpointStore } from '@ufp/events/checkpoint';
import { LocalBus } from '@ufp/events/local-bus';
import { StreamRelay } from '@ufp/events/stream-relay';
import { blobRoutes } from './blob-routes.js';
import { ConsumerFaults } from './consumer-faults.js';
import { LocalBlobStore } from './blob-store.js';
import { devRoutes } from './dev-routes.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { SupervisedDynamoLocal, type StoreStatus } from './store-supervisor.js';
import { HmacDigestSigner } from '@ufp/core/audit/hmac-signer';
import { loadLocalKeys } from './keys.js';
import { LocalScheduler } from './scheduler.js';
import { seedDemo } from './seed.js';
import { staticSite } from './static-site.js';

export interface LocalOptions {
  /** The modules to run (default: the registered ones); tests add a fixture module. */
  modules?: readonly ModuleDefinition[];
  port: number;
  dataDir: string;
  seed: 'demo' | 'none';
  /** Use an already running DynamoDB endpoint instead of starting a JVM (tests, bench). */
  ddbEndpoint?: string;
  tableName?: string;
  consoleDist?: string;
  log?: (line: string) => void;
  /** Test seams: replace a consumer (e.g. one that fails) and shorten its retries. */
  consumerOverrides?: RuntimeConfig['consumerOverrides'];
  retryPolicy?: RuntimeConfig['retryPolicy'];
  /** Test seam: dead-letter holders besides the table (the AWS SQS source, its clients mocked). */
  queuedDeadLetters?: RuntimeConfig['queuedDeadLetters'];
  /** Proxies in front that append x-forwarded-for (TRUSTED_PROXY_HOPS); 0: the header is ignored. */
  trustedProxyHops?: number;
  /** How young an audit entry may be and still be sealed by the tick (default 5 minutes; tests use 0). */
  auditSealMarginMs?: number;
  /** Per-tenant fairness limits (`FAIR_USE_PER_TENANT`, `FAIR_USE_PER_PUBLIC_CLIENT`); defaults as in AWS. */
  fairUse?: RuntimeConfig['fairUse'];
  /** Restarts of a DynamoDB Local that exits unexpectedly, per outage (default 3; 0: none). */
  maxStoreRestarts?: number;
  /** Waits before the restart attempts (default 0.5 s, 2 s, 5 s). */
  storeRestartBackoffMs?: readonly number[];
  /**
   * DynamoDB Local is down for good (its restarts used up). `pnpm dev` exits non-zero; without a handler
   * the platform stays up answering 503 and `/health` says why.
   */
  onStoreFailure?: (err: Error) => void;
}

export interface LocalPlatform {
  url: string;
  /** The DynamoDB Local this platform started and supervises (absent with `ddbEndpoint`). */
  store?: SupervisedDynamoLocal;
  runtime: Runtime<LoadedComposition>;
  relay: StreamRelay;
  bus: LocalBus;
  scheduler: LocalScheduler;
  clock: AdjustableClock;
  stop(): Promise<void>;
}

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/**
 * Everything `pnpm dev` runs, in one process: DynamoDB Local, table bootstrap, the stream
 * relay, the in-process bus with all consumers, the daily scheduler, the API and the console.
 */
export async function startLocal(opts: LocalOptions): Promise<LocalPlatform> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // One platform per data dir: a second one refuses; a JVM orphaned by a killed run is stopped first.
  const lock = await acquireDataDirLock(dataDir, log, { ownsStore: !opts.ddbEndpoint });
  const running: Running = {};
  try {
    return await startOnLockedDir(opts, dataDir, log, lock, running);
  } catch (err) {
    running.scheduler?.stop();
    await running.relay?.stop();
    await running.store?.stop();
    lock.release();
    throw err;
  }
}

/** What a start that fails half-way has to stop again. */
interface Running {
  store?: SupervisedDynamoLocal;
  relay?: StreamRelay;
  scheduler?: LocalScheduler;
}

/** The demo seed of this data dir was interrupted: its data is half there, and seeding again would collide with it. */
export class DataDirHalfSeededError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `数据目录 ${dataDir} 的演示数据上次没有初始化完成（启动被中断）。请删除该目录后重新运行 pnpm dev（或用 DATA_DIR 指定新目录）。\n` +
        `The demo data in ${dataDir} was not fully seeded last time (the start was interrupted). Delete the directory and run pnpm dev again (or choose a new one with DATA_DIR).`,
    );
    this.name = 'DataDirHalfSeededError';
  }
}

async function startOnLockedDir(opts: LocalOptions, dataDir: string, log: (line: string) => void, lock: DataDirLock, running: Running): Promise<LocalPlatform> {
  const fresh = !existsSync(join(dataDir, '.initialised'));
  const seedingMarker = join(dataDir, '.seeding');
  if (fresh && existsSync(seedingMarker)) throw new DataDirHalfSeededError(dataDir);
  let store: SupervisedDynamoLocal | undefined;
  let endpoint = opts.ddbEndpoint;
  if (!endpoint) {
    log('starting DynamoDB Local (127.0.0.1 only) …');
    store = running.store = new SupervisedDynamoLocal({
      dbPath: join(dataDir, 'dynamodb'),
      maxRestarts: opts.maxStoreRestarts,
      backoffMs: opts.storeRestartBackoffMs,
      log,
      onRestarted: (ddb) => {
        if (ddb.process.pid) lock.recordJvm(ddb.process.pid);
      },
      onGaveUp: (err) => opts.onStoreFailure?.(err),
    });
    const ddb = await store.start();
    if (ddb.process.pid) lock.recordJvm(ddb.process.pid);
    endpoint = store.endpoint;
  }
  const doc = localDocumentClient(endpoint);
  const tableName = opts.tableName ?? 'federation';
  const { streamArn } = await ensureTable(doc, tableName);

  const keys = await loadLocalKeys(dataDir);
  const clock = new AdjustableClock();
  // Evidence files under $DATA_DIR/blobs, behind signed expiring URLs (the local S3).
  const blobs = new LocalBlobStore(join(dataDir, 'blobs'), createHmac('sha256', keys.blindIndexKey).update('blob-url-signing').digest(), clock);
  let relay: StreamRelay | undefined;
  let bus: LocalBus | undefined;
  let scheduler: LocalScheduler | undefined;
  const faults = new ConsumerFaults();

  const composition: LoadedComposition = opts.modules ? compose(opts.modules) : registered;
  const runtime: Runtime<LoadedComposition> = createRuntime({
    tableName,
    ddb: doc,
    keys: keys.pii,
    blindIndexKey: keys.blindIndexKey,
    auditSigner: new HmacDigestSigner(keys.auditDigestKey),
    auth: { kind: 'local', keys: keys.signing },
    clock,
    consumerOverrides: opts.consumerOverrides,
    wrapConsumer: faults.wrap,
    // A parked event goes back through the local bus (the consumer's rule), as in AWS through EventBridge.
    redeliver: (handler, envelope) => bus!.redeliver(handler, envelope),
    retryPolicy: opts.retryPolicy,
    queuedDeadLetters: opts.queuedDeadLetters,
    blobs,
    trustedProxyHops: opts.trustedProxyHops,
    auditSealMarginMs: opts.auditSealMarginMs,
    fairUse: opts.fairUse,
    composition,
    // While the supervised JVM is down (or restarting), calls are answered 503 without waiting for it.
    storeStatus: store ? () => store!.status() : undefined,
    health: async () => {
      const started = Date.now();
      const supervised: StoreStatus = store?.status() ?? { ok: true, restarts: 0 };
      let reason = supervised.ok ? undefined : supervised.reason;
      if (!reason) {
        try {
          await getItem(runtime.deps.table, tableKeys.lastTick);
        } catch (err) {
          reason = `DynamoDB did not answer: ${(err as Error).name}: ${(err as Error).message}`.slice(0, 300);
        }
      }
      const storeOk = reason === undefined;
      const storeMs = Date.now() - started;
      const tenants = storeOk ? await runtime.deps.tenants.list() : [];
      const owners = [platformPrefix, ...tenants.map((t) => tenantPrefix(t.id))];
      const deadLetters = storeOk ? (await Promise.all(owners.map((o) => runtime.deps.deadLetters.count(o)))).reduce((a, b) => a + b, 0) : null;
      const pollAge = relay?.lastPollAt ? Date.now() - relay.lastPollAt : null;
      return {
        // A relay that has not polled for 30 s is stuck (a busy machine can delay a poll by seconds).
        ok: storeOk && pollAge !== null && pollAge < 30_000,
        store: { ok: storeOk, reason, restarts: supervised.restarts, latencyMs: storeMs, table: tableName },
        relay: { lagMs: pollAge, relayed: relay?.relayed ?? 0 },
        bus: { published: bus?.published ?? 0, redelivered: bus?.redelivered ?? 0, deadLetters },
        scheduler: { lastTickAt: scheduler?.lastTickAt ?? null },
        clock: clock.now().toISOString(),
      };
    },
    devRoutes: (app) => {
      devRoutes(() => ({ signing: keys.signing, clock, scheduler: scheduler!, users: runtime.deps.users, tenants: runtime.deps.tenants, faults }))(app);
      blobRoutes(blobs)(app);
    },
    staticSite: staticSite(opts.consoleDist ?? join(repoRoot, 'apps/console/dist')),
  });

  bus = new LocalBus(composition.ruleTable, runtime.runner);
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  relay = running.relay = new StreamRelay({
    streams,
    streamArn,
    checkpoints: new FileCheckpointStore(join(dataDir, 'relay-checkpoint.json')),
    publish: (envelope) => bus!.publish(envelope),
    onError: (err) => log(`relay error: ${(err as Error).message}`),
  });
  await relay.start();
  scheduler = running.scheduler = new LocalScheduler(clock, (envelope) => bus!.publish(envelope));
  scheduler.start();

  if (fresh && opts.seed === 'demo') {
    log('seeding demo data (province 32, 泰州 3212, 兴化 321281, 靖江 321282) …');
    writeFileSync(seedingMarker, new Date().toISOString());
    await seedDemo(runtime.app, runtime.deps.table, keys.signing, composition.seeds);
  }
  writeFileSync(join(dataDir, '.initialised'), new Date().toISOString());
  rmSync(seedingMarker, { force: true });

  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: runtime.app.fetch, port: opts.port, hostname: '127.0.0.1' }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://localhost:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      scheduler?.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await relay?.stop();
      streams.destroy();
      doc.destroy();
      await store?.stop();
      lock.release();
    })());

  return { url, store, runtime, relay, bus, scheduler, clock, stop };
}
