import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lazilyRegistered } from '@ufp/api/lazy-modules';
import { createRuntime } from '@ufp/api/runtime';
import { HmacDigestSigner } from '@ufp/core/audit/hmac-signer';
import { LocalKeyProvider } from '@ufp/core/pii/keyring';
import { localDocumentClient } from '@ufp/db/table';

describe('the production runtime (as the Lambda entry point builds it)', () => {
  const runtime = createRuntime({
    composition: lazilyRegistered(),
    tableName: 'unused',
    ddb: localDocumentClient(process.env.DDB_ENDPOINT ?? 'http://127.0.0.1:1'),
    keys: new LocalKeyProvider(randomBytes(32)),
    blindIndexKey: randomBytes(32),
    auditSigner: new HmacDigestSigner(randomBytes(32)),
    auth: { kind: 'jwks', jwksUrl: 'https://issuer.example/.well-known/jwks.json', issuer: 'https://issuer.example', audience: 'ufp-api' },
  });

  it.each([
    ['POST', '/auth/dev-login'],
    ['POST', '/dev/clock'],
    ['POST', '/dev/tick'],
    ['GET', '/dev/users'],
  ])('has no local-only route %s %s', async (method, path) => {
    const res = await runtime.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(res.status).toBe(404);
  });

  it('refuses a token from the local dev signer with 401', async () => {
    const { generateLocalSigningKeys, signLocalToken } = await import('@ufp/kit/auth');
    const token = await signLocalToken(await generateLocalSigningKeys(), { sub: 'x', roles: ['federation_admin'], tenantId: '321281' });
    const res = await runtime.app.request('/trpc/units.list', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });
});
