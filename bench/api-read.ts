import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { localDocumentClient } from '@ufp/db/table';
import { freePort, startDynamoLocal } from '@ufp/local/dynamo-local';
import { load, ms, pct, type LoadResult } from './load.js';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);

function startChild(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}\n${out}`)));
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
    setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
  });

/** Authenticated tRPC reads against the running platform, beside a bare Hono route, same run. */
export async function benchApiRead(): Promise<Record<string, LoadResult>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ufp-bench-'));
  const [platformPort, barePort] = [await freePort(), await freePort()];
  // The bench owns the DynamoDB Local JVM (disk-backed, as in `pnpm dev`) so it can also
  // measure the store's own ceiling, with no API in front of it.
  const ddb = await startDynamoLocal({ dbPath: join(dataDir, 'dynamodb') });
  // Fairness limits out of reach: one tenant at hundreds of calls a second is the load, not an abuse to refuse.
  const unlimited = { FAIR_USE_PER_TENANT: '1000000000', FAIR_USE_PER_PUBLIC_CLIENT: '1000000000' };
  const platform = await startChild('apps/local/src/main.ts', { PORT: String(platformPort), DATA_DIR: dataDir, SEED: 'demo', DDB_ENDPOINT: ddb.endpoint, ...unlimited }, /running at/);
  const bare = await startChild('bench/bare-server.ts', { PORT: String(barePort) }, /ready/);
  try {
    const base = `http://127.0.0.1:${platformPort}`;
    const login = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'demo-admin-321281', roles: ['federation_admin'], tenantId: '321281' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${base}/trpc/units.list`, { headers })).json()) as { result: { data: { items: { unitId: string }[] } } };
    const unitId = list.result.data.items[0]!.unitId;
    const input = encodeURIComponent(JSON.stringify({ unitId }));

    // Warm-up, not measured: DynamoDB Local's JVM compiles its hot paths in the first seconds of load, and the store's
    // own figure below is taken last — without this the API was measured against a colder JVM than the store.
    await load(`${base}/trpc/units.get?input=${input}`, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS, headers });
    await storeCeiling(ddb.endpoint, unitId, WARM_UP_SECONDS);

    const results: Record<string, LoadResult> = {};
    results['bare Hono JSON route'] = await load(`http://127.0.0.1:${barePort}/`, { connections: CONNECTIONS, seconds: SECONDS });
    results['units.get (JWT + tRPC + DynamoDB Local)'] = await load(`${base}/trpc/units.get?input=${input}`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    results['units.list (page of 50)'] = await load(`${base}/trpc/units.list`, { connections: CONNECTIONS, seconds: SECONDS, headers });
    results['units.get, 4 connections'] = await load(`${base}/trpc/units.get?input=${input}`, { connections: 4, seconds: SECONDS, headers });
    results['DynamoDB Local GetItem alone (SDK, no API)'] = await storeCeiling(ddb.endpoint, unitId);

    console.log(`\nAPI reads — ${CONNECTIONS} concurrent connections, ${SECONDS} s each, loopback`);
    console.log('| target | requests | errors | req/s | p50 | p99 |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(results)) {
      console.log(`| ${name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} |`);
    }
    const bareR = results['bare Hono JSON route']!;
    const getR = results['units.get (JWT + tRPC + DynamoDB Local)']!;
    console.log(`overhead ratio units.get / bare: p50 ×${(getR.p50 / bareR.p50).toFixed(1)}, throughput ×${(bareR.rps / getR.rps).toFixed(1)}`);
    const storeR = results['DynamoDB Local GetItem alone (SDK, no API)']!;
    const throughput = getR.rps / storeR.rps;
    const tail = getR.p99 / storeR.p99;
    console.log(`units.get beside the store's own GetItem, same run: throughput ${throughput.toFixed(2)}× (target ≥ 0.6×: ${throughput >= 0.6 ? 'met' : 'NOT met'}), p99 ${tail.toFixed(2)}× (target ≤ 2×: ${tail <= 2 ? 'met' : 'NOT met'})`);
    return results;
  } finally {
    await stopChild(platform);
    await stopChild(bare);
    await ddb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same consistent GetItem units.get makes, straight from the SDK: the store's ceiling here. */
async function storeCeiling(endpoint: string, unitId: string, forSeconds = SECONDS): Promise<LoadResult> {
  const doc = localDocumentClient(endpoint);
  const latencies: number[] = [];
  const end = performance.now() + forSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await doc.send(new GetCommand({ TableName: 'federation', Key: { pk: 'T#321281#UNIT', sk: unitId }, ConsistentRead: true }));
        latencies.push(performance.now() - t);
      }
    }),
  );
  doc.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors: 0, seconds, rps: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApiRead();
