import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicProcedures } from '@ufp/api/public-procedures';
import { appRouter } from '@ufp/api/router';
import { startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

// Infra opens an API Gateway route without the JWT authorizer for exactly the procedures listed in
// `public-procedures.ts`; every other path needs a token at the gateway. This walks the whole router
// and calls every procedure without a token: the ones that do not answer 401 must be that list.
let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(async () => p?.dispose());

describe('public procedures', () => {
  it('are exactly the procedures that answer a caller without a token, with their query/mutation type', async () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>);
    expect(procedures.length).toBeGreaterThan(50);
    const open: { path: string; type: string }[] = [];
    for (const [path, procedure] of procedures) {
      const type = procedure._def.type;
      const res =
        type === 'query'
          ? await p.runtime.app.request(`/trpc/${path}?input=${encodeURIComponent('{}')}`)
          : await p.runtime.app.request(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, path).not.toBe(500);
      if (res.status !== 401) open.push({ path, type });
    }
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(open.sort(byPath)).toEqual([...publicProcedures].sort(byPath));
  });
});
