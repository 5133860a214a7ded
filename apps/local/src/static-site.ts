import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { consoleSecurityHeaders } from '@ufp/api/security-headers';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built console with an SPA fallback to index.html; hashed assets are cached long. Every
 * response carries the console's Content-Security-Policy (API and evidence uploads are same-origin here).
 */
export function staticSite(distDir: string): MiddlewareHandler {
  const root = resolve(distDir);
  const policy = consoleSecurityHeaders();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = normalize(decodeURIComponent(new URL(c.req.url).pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root)) return next();
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // A missing asset (a known file type) is a 404; any other path is a page of the app, dots included
      // (`/share/32.<token>`), as CloudFront answers it in production (infra/src/platform/site.ts).
      if (types[extname(path)]) return next();
      file = join(root, 'index.html');
      if (!existsSync(file)) {
        return c.html('<meta charset="utf-8"><p>控制台尚未构建：请运行 <code>pnpm dev</code>（它会先构建控制台）。Console not built yet: run <code>pnpm dev</code>.</p>', 503, policy);
      }
    }
    const body = readFileSync(file);
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(body, 200, { ...policy, 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  };
}
