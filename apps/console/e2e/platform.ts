// The local platform (API + built console + DynamoDB Local) as a child process group, started on a
// fresh data dir and stopped by PID. Free of vitest hooks, so the e2e global setup can use it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

// The demo seed (several competitions held to final results) takes about a minute on a loaded 2-core machine.
const HEALTH_TIMEOUT_MS = 180_000;
const LOG_LIMIT = 64 * 1024;

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Platform {
  url: string;
  pid: number;
  dataDir: string;
  logs(): string;
  /**
   * Stops the process group and removes the data dir. `graceful` lets the platform shut down on its own
   * first (SIGTERM to Node only: the relay checkpoints, DynamoDB Local closes its file); `keepData` keeps the dir.
   */
  stop(opts?: { graceful?: boolean; keepData?: boolean }): Promise<void>;
}

function appendLog(buf: { text: string }, chunk: Buffer): void {
  buf.text += chunk.toString('utf8');
  if (buf.text.length > LOG_LIMIT) buf.text = buf.text.slice(-LOG_LIMIT);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => child.once('exit', () => res()));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the whole group: node, tsx and the DynamoDB Local JVM
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * `node --import tsx apps/local/src/main.ts` on a free port with a fresh data dir and the demo seed, or on a
 * copy of `from`: a data dir an earlier platform seeded and stopped (the e2e global setup seeds one for every file).
 */
export async function startPlatform(options: { from?: string } = {}): Promise<Platform> {
  if (!existsSync(join(repoRoot, 'apps/console/dist/index.html'))) {
    throw new Error('apps/console/dist is missing: run `pnpm --filter @ufp/console build` (pnpm test:e2e does).');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'ufp-e2e-'));
  if (options.from) {
    await cp(options.from, dataDir, { recursive: true });
    await rm(join(dataDir, '.lock'), { force: true });
  }
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/local/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED: 'demo' },
    detached: true, // own process group, so the JVM it starts can be killed with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the local platform');
  const out = { text: '' };
  const err = { text: '' };
  child.stdout?.on('data', (c: Buffer) => appendLog(out, c));
  child.stderr?.on('data', (c: Buffer) => appendLog(err, c));

  let stopped = false;
  const stop = async (opts: { graceful?: boolean; keepData?: boolean } = {}) => {
    if (stopped) return;
    stopped = true;
    if (opts.graceful) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    } else killGroup(pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), opts.graceful ? 30_000 : 10_000));
    if ((await Promise.race([exited(child), timer])) === 'timeout') killGroup(pid, 'SIGKILL');
    // The JVM may outlive its parent briefly: make sure nothing of the group is left.
    killGroup(pid, 'SIGKILL');
    if (!opts.keepData) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };
  const logs = () => `--- stderr ---\n${err.text}\n--- stdout ---\n${out.text}`;

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`local platform exited early (code ${child.exitCode}, signal ${child.signalCode})\n${logs()}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return { url, pid, dataDir, logs, stop };
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`local platform not healthy within ${HEALTH_TIMEOUT_MS / 1000}s (last: ${last})\n${logs()}`);
}
