import { Agent, request } from 'node:http';

/**
 * A small closed-loop load generator: `connections` workers each issue requests back to back, over kept-alive
 * sockets with `node:http` (not `fetch`, whose per-request objects cost the generator as much CPU as a light
 * handler costs the server, on the same two cores the server and DynamoDB Local share).
 */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export async function load(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string>; warmupSeconds?: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const hit = () =>
    new Promise<boolean>((resolve) => {
      const req = request(url, { agent, headers: opts.headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve((res.statusCode ?? 0) < 400));
        res.on('error', () => resolve(false));
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  const runFor = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const ok = await hit().catch(() => false);
          if (record) latencies.push(performance.now() - t);
          if (!ok) errors++;
        }
      }),
    );
    return { latencies, errors };
  };
  await runFor(opts.warmupSeconds ?? 1, false);
  const started = performance.now();
  const { latencies, errors } = await runFor(opts.seconds, true);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
