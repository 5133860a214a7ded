/**
 * The HTTP security headers of both runtimes, defined once: the Hono app sets them on API responses,
 * the local static site on the console, and infra copies the same values into the CloudFront
 * response headers policy (and the China output). Pure data and one middleware; no runtime imports,
 * so infra can import it.
 *
 * The console's Content-Security-Policy is the smallest one the built console runs under (the e2e
 * suite fails on any CSP violation in Chromium):
 * - `script-src 'self'`: Vite emits no inline script (one module entry, chunks and `modulepreload` links).
 * - `style-src 'self'`: one stylesheet; Solid sets dynamic styles through the CSSOM (`element.style`),
 *   which CSP does not govern; the charts use ECharts' canvas renderer with `richText` tooltips
 *   (its HTML tooltips would write `style` attributes through innerHTML, which `'self'` refuses).
 * - `img-src 'self' data:` + the evidence store origin: the 十件实事 public-link QR code is a `data:` PNG;
 *   evidence photos show as thumbnails from their short-lived presigned URLs (other files download).
 * - `connect-src 'self'` + the API origin and the evidence store origin (presigned PUT uploads) when
 *   they differ from the console's (AWS); locally both are the console's own origin.
 * - `frame-ancestors 'none'`, `base-uri 'self'`, `form-action 'self'`, `object-src 'none'`.
 */
import type { MiddlewareHandler } from 'hono';

export interface ConsoleOrigins {
  /** Origins the console calls besides its own: the API, the evidence store (`https://host`). */
  connect?: readonly string[];
  /** Origins the console loads images from besides its own and `data:`. */
  images?: readonly string[];
}

export function consoleContentSecurityPolicy(origins: ConsoleOrigins = {}): string {
  const extra = (list?: readonly string[]) => (list && list.length ? ` ${list.join(' ')}` : '');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${extra(origins.images)}`,
    `connect-src 'self'${extra(origins.connect)}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** API responses are data, never a document: nothing may load from them and nobody may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
export const REFERRER_POLICY = 'no-referrer';
/** The evidence picker takes photos (`capture`); nothing else uses a powerful feature. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';
/** Two years, subdomains included; preload is the domain owner's decision, not the platform's. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;
export const STRICT_TRANSPORT_SECURITY = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;

/** Headers every response carries (HSTS only where the runtime is served over HTTPS: AWS). */
export function commonSecurityHeaders(opts: { hsts: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': REFERRER_POLICY,
    'x-frame-options': 'DENY',
    ...(opts.hsts ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** What the console's responses carry besides the common headers (the local static site; CloudFront in AWS). */
export function consoleSecurityHeaders(origins: ConsoleOrigins = {}): Record<string, string> {
  return {
    'content-security-policy': consoleContentSecurityPolicy(origins),
    'permissions-policy': PERMISSIONS_POLICY,
  };
}

/**
 * Sets the common headers on every response, and on each one that did not declare its own policy (the
 * console's static files do) the API's: `default-src 'none'; frame-ancestors 'none'` and
 * `Cache-Control: no-store` unless the route chose its caching.
 */
export function securityHeaders(opts: { hsts: boolean }): MiddlewareHandler {
  const common = Object.entries(commonSecurityHeaders(opts));
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of common) headers.set(name, value);
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  };
}
