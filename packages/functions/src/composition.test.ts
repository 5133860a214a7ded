import { describe, expect, it } from 'vitest';
import { buildRuntimeConfig } from './composition.js';
import { readEnv } from './env.js';

describe('API runtime composition (AWS)', () => {
  const base = { AWS_REGION: 'cn-north-1', TABLE_NAME: 't', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWKS_URL: 'https://x/jwks' };

  it('sends HSTS (API Gateway is HTTPS only) and takes the fairness limits the construct sets', async () => {
    const config = await buildRuntimeConfig(readEnv({ ...base, FAIR_USE_PER_TENANT: '3000', FAIR_USE_PER_PUBLIC_CLIENT: '120' }));
    expect(config.hsts).toBe(true);
    expect(config.fairUse).toEqual({ perTenant: 3000, perPublicClient: 120 });
    expect((await buildRuntimeConfig(readEnv(base))).fairUse).toEqual({});
  });

  it('refuses to start with a malformed limit rather than run unlimited', () => {
    expect(() => readEnv({ ...base, FAIR_USE_PER_TENANT: 'unlimited' })).toThrow(/FAIR_USE_PER_TENANT/);
  });
});
