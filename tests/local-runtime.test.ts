import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, isDynamoLocalFor, isRunning, processStartTime, type LockRecord } from '@ufp/local/data-dir-lock';
import { rollupProjector } from '@ufp/events/consumers/rollup-projector';
import { startDynamoLocal } from '@ufp/local/dynamo-local';
import { adminOf, createTenant, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { DataDirHalfSeededError, startLocal } from '@ufp/local/server';

const repoRoot = resolve(import.meta.dirname, '..');
const year = new Date().getUTCFullYear();

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('timeout', () => (socket.destroy(), done(false)));
    socket.once('error', () => done(false));
  });
}

const nonLoopbackAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

/** A PID that belonged to a process which has exited. */
const deadPid = () => spawnSync('true').pid!;

const readLock = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, '.lock'), 'utf8')) as LockRecord;

describe('a platform whose DynamoDB Local is killed', () => {
  let p: TestPlatform;
  const admin = adminOf('321281');
  const unitInput = (i: number) => ({ name: `重启测试工会${i}`, type: 'regional', memberCount: 1, chair: { name: '王某' } });

  beforeAll(async () => {
    p = await startTestPlatform({ ownDynamoLocal: true, storeRestartBackoffMs: [1_000] });
    await createTenant(p, '321281', '321281');
  });
  afterAll(() => p?.dispose());

  it.skipIf(!nonLoopbackAddress)(`listens on 127.0.0.1 only: not reachable on the machine's network address (${nonLoopbackAddress ?? 'none: skipped'})`, async () => {
    const port = Number(new URL(p.store!.endpoint).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts(nonLoopbackAddress!, port)).toBe(false);
  });

  it('is restarted on the same data: 503 (never 500) while down, health reports it, nothing acknowledged or committed is lost', async () => {
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    let writing = true;
    let i = 0;
    const writer = (async () => {
      while (writing) {
        const res = await p.mutate(admin, 'units.create', unitInput(i++));
        statuses.add(res.status);
        if (res.status === 200) acknowledged.push(res.data.unitId);
        else await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await waitUntil(() => acknowledged.length >= 5, 30_000, 'writes before the kill');

    const firstJvm = p.store!.pid!;
    process.kill(firstJvm, 'SIGKILL');
    await waitUntil(() => !p.store!.status().ok, 5_000, 'the supervisor to notice');

    const health = await p.runtime.app.request('/health');
    expect(health.status).toBe(503);
    const report = (await health.json()) as { ok: boolean; store: { ok: boolean; reason: string; restarts: number } };
    expect(report.ok).toBe(false);
    expect(report.store).toMatchObject({ ok: false, restarts: 0 });
    expect(report.store.reason).toMatch(/DynamoDB Local exited unexpectedly \(SIGKILL\); restarting \(attempt 1 of 3\)/);

    const during = await p.mutate(admin, 'units.create', unitInput(-1));
    expect(during.status).toBe(503);
    expect(during.error?.message).toBe('存储暂不可用，请稍后重试');
    expect(during.error?.data.messageEn).toBe('The data store is temporarily unavailable; please try again shortly');

    await waitUntil(() => p.store!.status().ok, 60_000, 'the restart');
    const secondJvm = p.store!.pid!;
    expect(secondJvm).not.toBe(firstJvm);
    expect(readLock(p.dataDir).jvmPid).toBe(secondJvm);
    await waitUntil(async () => (await p.runtime.app.request('/health')).status === 200, 30_000, 'health to recover');
    const recovered = (await (await p.runtime.app.request('/health')).json()) as { store: { ok: boolean; restarts: number } };
    expect(recovered.store).toMatchObject({ ok: true, restarts: 1 });

    const before = acknowledged.length;
    await waitUntil(() => acknowledged.length >= before + 5, 30_000, 'writes after the restart');
    writing = false;
    await writer;
    expect([...statuses].sort()).toEqual([200, 503]);

    // Every committed event (outbox item) reaches its consumers, and each unit counts once in the rollup.
    await p.settle();
    const stored: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await p.query(admin, 'units.list', { limit: 100, cursor });
      stored.push(...page.data.items.map((u: { unitId: string }) => u.unitId));
      cursor = page.data.nextCursor ?? undefined;
    } while (cursor);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    const overview = await p.query(admin, 'rollups.overview', { year });
    expect(overview.data.totals['units.count']).toBe(stored.length);
  }, 120_000);

  it('with its restarts used up, reports the failure: health says why, calls are 503', async () => {
    const failures: Error[] = [];
    const q = await startTestPlatform({ ownDynamoLocal: true, maxStoreRestarts: 0, onStoreFailure: (err) => failures.push(err) });
    try {
      process.kill(q.store!.pid!, 'SIGKILL');
      await waitUntil(() => failures.length > 0, 10_000, 'the failure report');
      expect(failures[0]!.message).toMatch(/DynamoDB Local exited unexpectedly \(SIGKILL\); not restarted: 0 restart attempt\(s\) used up/);
      const health = await q.runtime.app.request('/health');
      expect(health.status).toBe(503);
      expect(((await health.json()) as { store: unknown }).store).toMatchObject({ ok: false, restarts: 0, reason: failures[0]!.message });
      const call = await q.query(adminOf('321281'), 'units.list', {});
      expect(call.status).toBe(503);
      expect(call.error?.message).toBe('存储暂不可用，请稍后重试');
    } finally {
      await q.dispose();
    }
  }, 60_000);
});

describe('a consumer that fails because the store cannot be reached', () => {
  it('is not dead-lettered: the relay delivers the event again once the store answers', async () => {
    let unreachable = true;
    let failures = 0;
    const p: TestPlatform = await startTestPlatform({
      retryPolicy: { attempts: 2, baseDelayMs: 5 },
      consumerOverrides: {
        rollupProjector: async (envelope, effects) => {
          if (unreachable && envelope['detail-type'] === 'units.unit.created') {
            failures++;
            throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
          }
          return rollupProjector(p.runtime.deps.table)(envelope, effects);
        },
      },
    });
    try {
      await createTenant(p, '321281', '321281');
      const created = await p.mutate(adminOf('321281'), 'units.create', { name: '某某工会', type: 'regional', memberCount: 3, chair: { name: '王某' } });
      expect(created.status).toBe(200);
      await waitUntil(() => failures >= 4, 30_000, 'two failed deliveries'); // the relay came back for it
      unreachable = false;
      await p.settle();
      expect(p.runtime.runner.deadLettered).toBe(0);
      expect((await p.query(adminOf('321281'), 'rollups.overview', { year })).data.totals['units.count']).toBe(1);
    } finally {
      await p.dispose();
    }
  });
});

describe('pnpm dev on a data dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ufp-dev-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** `tsx apps/local/src/main.ts` as `pnpm dev` runs it (without the console build). */
  function dev(env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/local/src/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SEED: 'none', DDB_ENDPOINT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    return { child, output: () => out, exited, ready: () => waitUntil(() => /running at http/.test(out) || child.exitCode !== null, 60_000, 'pnpm dev to start') };
  }

  it('refuses a second run while the first lives; a run killed with -9 leaves no JVM, and the next one takes over', async () => {
    const first = dev();
    await first.ready();
    expect(first.output()).toMatch(/running at http/);
    const lock = readLock(dataDir);
    expect(lock).toMatchObject({ pid: first.child.pid, dataDir: resolve(dataDir) });
    const jvm = lock.jvmPid!;
    expect(isDynamoLocalFor(jvm, join(dataDir, 'dynamodb'))).toBe(true);

    const second = dev();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`数据目录 ${resolve(dataDir)} 正由另一个平台进程使用（PID ${first.child.pid}`);
    expect(second.output()).toContain(`The data directory ${resolve(dataDir)} is in use by another platform process (PID ${first.child.pid}`);
    expect(first.child.exitCode).toBe(null);

    first.child.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => !isRunning(jvm), 15_000, 'the orphaned JVM to exit with its parent');
    expect(readLock(dataDir).pid).toBe(first.child.pid); // stale: left behind by the killed run

    // The next run takes the stale lock over; with no restarts allowed, a dead JVM ends it with a clear message.
    const third = dev({ DDB_LOCAL_MAX_RESTARTS: '0' });
    await third.ready();
    expect(third.output()).toMatch(/running at http/);
    expect(readLock(dataDir).pid).toBe(third.child.pid);
    process.kill(readLock(dataDir).jvmPid!, 'SIGKILL');
    expect(await third.exited).toBe(1);
    expect(third.output()).toContain('DynamoDB Local 已退出且未能重启，平台停止。');
    expect(third.output()).toContain('DynamoDB Local exited and could not be restarted; the platform stops.');
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
  }, 180_000);
});

describe('the data dir lock', () => {
  let dataDir: string;
  const write = (record: Partial<LockRecord>) => writeFileSync(join(dataDir, '.lock'), JSON.stringify({ startedAt: '2026-01-01T00:00:00.000Z', dataDir, ...record }));
  const sleepers: ChildProcess[] = [];
  const sleeper = () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    sleepers.push(child);
    return child.pid!;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ufp-lock-'));
  });
  afterAll(() => {
    for (const child of sleepers) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the DynamoDB Local that a dead holder left on this data dir before taking over', async () => {
    const dbPath = join(dataDir, 'dynamodb');
    mkdirSync(dbPath, { recursive: true });
    const orphan = await startDynamoLocal({ dbPath, exitWithParent: false });
    const pid = orphan.process.pid!;
    try {
      write({ pid: deadPid(), jvmPid: pid });
      const lock = await acquireDataDirLock(dataDir);
      expect(isRunning(pid)).toBe(false);
      expect(readLock(dataDir).pid).toBe(process.pid);
      lock.release();
      expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 60_000);

  it('never stops a process that merely reuses the recorded JVM PID', async () => {
    const unrelated = sleeper();
    write({ pid: deadPid(), jvmPid: unrelated });
    const lock = await acquireDataDirLock(dataDir);
    expect(isRunning(unrelated)).toBe(true);
    lock.release();
  });

  it('refuses while the holder lives (zh + en), and treats a reused holder PID as gone', async () => {
    const holder = sleeper();
    write({ pid: holder, pidStartTime: processStartTime(holder) });
    const refused = await acquireDataDirLock(dataDir).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toMatch(/^数据目录 .* 正由另一个平台进程使用（PID \d+，启动于 2026-01-01T00:00:00.000Z）。请先停止它（Ctrl-C），或用 DATA_DIR 指定另一个目录。\nThe data directory .* is in use by another platform process/);

    write({ pid: holder, pidStartTime: '1' }); // that PID now belongs to a process started at another time
    const lock = await acquireDataDirLock(dataDir);
    expect(readLock(dataDir).pid).toBe(process.pid);
    lock.release();
  });
});

describe('a data dir whose demo seed was interrupted', () => {
  it('is refused with what to do (zh + en), and the lock is released', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ufp-halfseeded-'));
    try {
      writeFileSync(join(dir, '.seeding'), new Date().toISOString());
      const start = () => startLocal({ port: 0, dataDir: dir, seed: 'demo', ddbEndpoint: process.env.DDB_ENDPOINT, tableName: `half${Date.now()}`, log: () => {} });
      await expect(start()).rejects.toThrow(DataDirHalfSeededError);
      await expect(start()).rejects.toThrow(/请删除该目录后重新运行 pnpm dev[\s\S]*Delete the directory and run pnpm dev again/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
