import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY, consoleContentSecurityPolicy, securityHeaders } from './security-headers.js';

function app(hsts: boolean) {
  const a = new Hono();
  a.use('*', securityHeaders({ hsts }));
  a.get('/json', (c) => c.json({ ok: true }));
  a.get('/page', (c) => c.html('<p>hi</p>', 200, { 'content-security-policy': consoleContentSecurityPolicy(), 'cache-control': 'no-cache' }));
  return a;
}

describe('securityHeaders middleware', () => {
  it('sends HSTS only where the runtime is HTTPS-only (AWS), never locally', async () => {
    expect((await app(true).request('/json')).headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
    expect((await app(false).request('/json')).headers.get('strict-transport-security')).toBeNull();
  });

  it('keeps a policy and caching a route declared (the console), and gives every other response the API ones', async () => {
    const page = await app(false).request('/page');
    expect(page.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy());
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const json = await app(false).request('/json');
    expect(json.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(json.headers.get('cache-control')).toBe('no-store');
    for (const res of [page, json]) expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('adds the API and evidence origins to the console’s connect-src, and image origins to img-src', () => {
    const csp = consoleContentSecurityPolicy({ connect: ['https://api.example.cn', 'https://bucket.s3.cn-north-1.amazonaws.com.cn'], images: ['https://img.example.cn'] });
    expect(csp).toContain("connect-src 'self' https://api.example.cn https://bucket.s3.cn-north-1.amazonaws.com.cn;");
    expect(csp).toContain("img-src 'self' data: https://img.example.cn;");
  });
});
