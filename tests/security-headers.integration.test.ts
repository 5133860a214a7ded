import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, consoleContentSecurityPolicy } from '@ufp/api/security-headers';
import { adminOf, createTenant, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

// The local runtime (the same Hono app as the Lambda) and its static console site.
let p: TestPlatform;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ufp-console-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc.js"></script>');
  writeFileSync(join(dist, 'assets/index-abc.js'), 'console.log(1)');
  p = await startTestPlatform({ consoleDist: dist });
  await createTenant(p, '321281', '321281');
});
afterAll(async () => {
  await p?.dispose();
  rmSync(dist, { recursive: true, force: true });
});

const headersOf = (res: Response) => Object.fromEntries([...res.headers.entries()]);

/** What every API answer carries locally (no HSTS: the local server speaks plain HTTP). */
function expectApiHeaders(res: Response) {
  expect(headersOf(res)).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': API_CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
  });
  expect(res.headers.get('strict-transport-security')).toBeNull();
  expect(res.headers.get('permissions-policy')).toBeNull();
}

describe('security headers of API responses', () => {
  it('sends nosniff, no-referrer, frame DENY, `default-src \'none\'; frame-ancestors \'none\'` and no-store on API JSON', async () => {
    const res = await p.runtime.app.request('/trpc/units.list?input=%7B%7D', { headers: { authorization: `Bearer ${await p.token(adminOf('321281'))}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expectApiHeaders(res);
  });

  it('sends them on errors too: 401, 400, 404, 413 and /health', async () => {
    const unauthorized = await p.runtime.app.request('/trpc/units.list');
    expect(unauthorized.status).toBe(401);
    expectApiHeaders(unauthorized);
    const invalid = await p.runtime.app.request('/trpc/units.create', {
      method: 'POST',
      headers: { authorization: `Bearer ${await p.token(adminOf('321281'))}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(invalid.status).toBe(400);
    expectApiHeaders(invalid);
    const missing = await p.runtime.app.request('/trpc-nothing-here', { method: 'POST' });
    expect(missing.status).toBe(404);
    expectApiHeaders(missing);
    const tooLarge = await p.runtime.app.request('/trpc/units.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(tooLarge.status).toBe(413);
    expectApiHeaders(tooLarge);
    const health = await p.runtime.app.request('/health');
    expectApiHeaders(health);
  });
});

describe('security headers of the console (local static site)', () => {
  const consoleHeaders = {
    'content-security-policy': consoleContentSecurityPolicy(),
    'permissions-policy': PERMISSIONS_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };

  it('serves index.html — directly and as the SPA fallback — with the console CSP and Permissions-Policy, revalidated on each load', async () => {
    for (const path of ['/', '/ten-things/items/abc']) {
      const res = await p.runtime.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(headersOf(res)).toMatchObject({ ...consoleHeaders, 'cache-control': 'no-cache' });
    }
    expect(consoleContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('serves hashed assets with the same headers and a long cache', async () => {
    const res = await p.runtime.app.request('/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(headersOf(res)).toMatchObject({ ...consoleHeaders, 'cache-control': 'public, max-age=31536000, immutable' });
  });
});
