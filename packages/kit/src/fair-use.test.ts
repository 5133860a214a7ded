import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { FairUse, defaultFairUseSettings, fairUseSettingsFromEnv, retryAfterHeaders, tooManyRequests } from './fair-use.js';

describe('fair use settings', () => {
  it('reads FAIR_USE_PER_TENANT and FAIR_USE_PER_PUBLIC_CLIENT as calls per minute, ignoring empty values', () => {
    expect(fairUseSettingsFromEnv({})).toEqual({});
    expect(fairUseSettingsFromEnv({ FAIR_USE_PER_TENANT: '3000', FAIR_USE_PER_PUBLIC_CLIENT: '' })).toEqual({ perTenant: 3000 });
    expect(fairUseSettingsFromEnv({ FAIR_USE_PER_PUBLIC_CLIENT: '60' })).toEqual({ perPublicClient: 60 });
  });

  it('refuses a limit that is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'lots', '1e400']) {
      expect(() => fairUseSettingsFromEnv({ FAIR_USE_PER_TENANT: bad })).toThrow(/FAIR_USE_PER_TENANT must be a positive whole number/);
    }
    const counter = { add: async () => 0 };
    expect(() => new FairUse(counter, { perTenant: 0 })).toThrow(/perTenant must be a positive integer/);
    expect(() => new FairUse(counter, { windowSeconds: 0.5 })).toThrow(/windowSeconds/);
  });

  it('defaults to one-minute windows, 1,200 calls per tenant and 300 per anonymous address, with per-tenant overrides', () => {
    expect(defaultFairUseSettings).toMatchObject({ windowSeconds: 60, perTenant: 1200, perPublicClient: 300 });
    const fairUse = new FairUse({ add: async () => 0 }, { tenantOverrides: { '3212': 5000 } });
    expect(fairUse.limitFor({ kind: 'tenant', id: '3212' })).toBe(5000);
    expect(fairUse.limitFor({ kind: 'tenant', id: '321281' })).toBe(1200);
    expect(fairUse.limitFor({ kind: 'user', id: 'h' })).toBe(1200);
    expect(fairUse.limitFor({ kind: 'client', id: 'h' })).toBe(300);
  });
});

describe('Retry-After', () => {
  it('is set from the longest wait among the refused calls of a response, and absent otherwise', () => {
    expect(retryAfterHeaders([])).toBeUndefined();
    expect(retryAfterHeaders([new TRPCError({ code: 'BAD_REQUEST' })])).toBeUndefined();
    expect(retryAfterHeaders([tooManyRequests(12), new TRPCError({ code: 'NOT_FOUND' }), tooManyRequests(30)])).toEqual({ 'retry-after': '30' });
  });

  it('says when in both languages', () => {
    const error = tooManyRequests(7);
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toBe('请求过于频繁，请 7 秒后重试');
    expect((error.cause as unknown as { text: { en: string } }).text.en).toBe('Too many requests; retry in 7 seconds');
  });
});
