import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken, type Claims } from '@ufp/kit/auth';
import { loadLocalKeys } from '@ufp/local/keys';
import { startLocal, type LocalPlatform } from '@ufp/local/server';

export interface BenchPlatform {
  platform: LocalPlatform;
  /** Calls a procedure through the app (queries by GET, mutations by POST), throwing on a non-2xx answer. */
  call(claims: Claims, path: string, input: unknown, kind?: 'query' | 'mutation'): Promise<Record<string, any>>;
  /** POSTs a raw body (JSON text or a multipart form) to a procedure. */
  post(claims: Claims, path: string, body: string | FormData): Promise<Record<string, any>>;
  /** A signed token for the claims (for load over HTTP). */
  token(claims: Claims): Promise<string>;
}

export const benchOperator: Claims = { sub: 'op', roles: ['platform_operator'] };
export const benchAdmin: Claims = { sub: 'admin', roles: ['federation_admin'], tenantId: '321281' };

/**
 * A fresh local platform (its own DynamoDB Local JVM on disk, as `pnpm dev` runs) with the county tenant
 * 兴化 (321281) created, for the length of `run`; stopped and removed afterwards.
 */
export async function withBenchPlatform<T>(run: (b: BenchPlatform) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ufp-bench-'));
  // One tenant at hundreds of calls a second is what a bench measures and what fairness refuses: limits out of
  // reach, so the figures include the limiter's local counting but never a 429.
  const platform = await startLocal({ port: 0, dataDir, seed: 'none', log: () => {}, fairUse: { perTenant: 1e9, perPublicClient: 1e9 } });
  try {
    const { signing } = await loadLocalKeys(dataDir);
    const tokens = new Map<string, string>();
    const token = async (claims: Claims) => {
      const key = JSON.stringify(claims);
      if (!tokens.has(key)) tokens.set(key, await signLocalToken(signing, claims));
      return tokens.get(key)!;
    };
    const answer = async (path: string, res: Response) => {
      const body = (await res.json()) as { result?: { data: Record<string, any> }; error?: unknown };
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
      return body.result!.data;
    };
    const post: BenchPlatform['post'] = async (claims, path, body) => {
      const headers: Record<string, string> = { authorization: `Bearer ${await token(claims)}` };
      if (typeof body === 'string') headers['content-type'] = 'application/json';
      return answer(path, await platform.runtime.app.request(`/trpc/${path}`, { method: 'POST', headers, body }));
    };
    const call: BenchPlatform['call'] = async (claims, path, input, kind = 'mutation') => {
      if (kind === 'mutation') return post(claims, path, JSON.stringify(input));
      const headers = { authorization: `Bearer ${await token(claims)}` };
      return answer(path, await platform.runtime.app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }));
    };
    await call(benchOperator, 'platform.tenants.create', { id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321281' });
    return await run({ platform, call, post, token });
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
