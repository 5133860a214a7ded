import { trpcServer } from '@hono/trpc-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { newId } from '@ufp/core/ids';
import type { TokenVerifier } from './auth.js';
import type { ApiDeps } from './deps.js';
import { appRouter } from './router.js';
import type { Context } from './trpc.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  deps: ApiDeps;
  verifier: TokenVerifier;
  health: () => Promise<Record<string, unknown> & { ok: boolean }>;
  /** Routes only the local runtime mounts (dev login, clock, tick). Absent in production. */
  devRoutes?: (app: Hono) => void;
  /** Serves the console (local runtime); in AWS the console is a static site. */
  staticSite?: MiddlewareHandler;
  log?: (entry: Record<string, unknown>) => void;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const log = opts.log ?? ((e) => console.error(JSON.stringify(e)));

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          { error: { message: '请求体超过 1 MB', code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, messageEn: 'Request body exceeds 1 MB' } } },
          413,
        ),
    }),
  );

  app.get('/health', async (c) => {
    const report = await opts.health();
    return c.json(report, report.ok ? 200 : 503);
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: async (_opts, c) => {
        const correlationId = c.req.header('x-correlation-id')?.slice(0, 64) || newId();
        const rawKey = c.req.header('idempotency-key');
        const idempotencyKey = rawKey && /^[A-Za-z0-9_-]{8,100}$/.test(rawKey) ? rawKey : undefined;
        // The caller's address as the edge reports it (API Gateway / a local proxy), for per-client rate limits.
        const clientIp = (c.req.header('x-forwarded-for')?.split(',')[0] ?? c.req.header('x-real-ip'))?.trim().slice(0, 64) || undefined;
        const header = c.req.header('authorization');
        const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        if (!token) return asRecord({ deps: opts.deps, correlationId, idempotencyKey, clientIp, authProblem: 'missing' });
        try {
          return asRecord({ deps: opts.deps, correlationId, idempotencyKey, clientIp, claims: await opts.verifier.verify(token) });
        } catch {
          return asRecord({ deps: opts.deps, correlationId, idempotencyKey, clientIp, authProblem: 'invalid' });
        }
      },
      onError: ({ error, path, ctx }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          log({ level: 'error', path, correlationId: ctx?.correlationId, error: error.cause?.name ?? error.name, message: error.message });
        }
      },
    }),
  );

  opts.devRoutes?.(app);
  if (opts.staticSite) app.use('*', opts.staticSite);
  app.notFound((c) => c.json({ error: { message: '未找到', data: { code: 'NOT_FOUND', httpStatus: 404, messageEn: 'Not found' } } }, 404));
  app.onError((err, c) => {
    log({ level: 'error', error: err.name, message: err.message });
    return c.json({ error: { message: '服务器内部错误', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, messageEn: 'Internal server error' } } }, 500);
  });
  return app;
}

/** @hono/trpc-server types its context as a plain record; ours is the typed tRPC Context. */
const asRecord = (ctx: Context) => ctx as unknown as Record<string, unknown>;
