import { trpcServer } from '@hono/trpc-server';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { storeUnavailable } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { isStoreUnavailable } from '@ufp/db/store-errors';
import { TokenRejected, type TokenVerifier } from '@ufp/kit/auth';
import { bodyLimit } from './body-limit.js';
import type { ApiDeps } from '@ufp/kit/deps';
import { retryAfterHeaders } from '@ufp/kit/fair-use';
import { IDEMPOTENCY_KEY_PATTERN } from '@ufp/kit/idempotency';
import type { Composition } from './compose.js';
import { securityHeaders } from './security-headers.js';
import type { Context } from '@ufp/kit/trpc';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Local blob-store routes (signed uploads of up to 10 MB) enforce the size their token declares instead. */
export const BLOB_ROUTE_PREFIX = '/blobs/';

export interface AppOptions {
  deps: ApiDeps;
  /** The modules' router and upload limits. */
  composition: Pick<Composition, 'router' | 'bodyLimits'>;
  verifier: TokenVerifier;
  health: () => Promise<Record<string, unknown> & { ok: boolean }>;
  /** Routes only the local runtime mounts (dev login, clock, tick). Absent in production. */
  devRoutes?: (app: Hono) => void;
  /** Serves the console (local runtime); in AWS the console is a static site. */
  staticSite?: MiddlewareHandler;
  log?: (entry: Record<string, unknown>) => void;
  /**
   * Proxies in front of the local server that append to x-forwarded-for (0, the default: none, the header is
   * ignored because any client can write it). In AWS the address comes from API Gateway, never from a header.
   */
  trustedProxyHops?: number;
  /** Send Strict-Transport-Security (AWS, served over HTTPS only); never locally over plain HTTP. */
  hsts?: boolean;
  /**
   * Whether the data store can serve calls now (the local runtime's supervised DynamoDB Local). While it
   * cannot, API calls are answered 503 at once instead of each waiting for the store and failing.
   */
  storeStatus?: () => { ok: boolean };
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const log = opts.log ?? ((e) => console.error(JSON.stringify(e)));

  // First, so that every response — errors and 413s included — carries the security headers.
  app.use('*', securityHeaders({ hsts: opts.hsts ?? false }));

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.json(
        { error: { message: '请求体超过 1 MB', code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, messageEn: 'Request body exceeds 1 MB' } } },
        413,
      ),
  });
  // Uploads (the hardship ledger import takes the .xlsx as multipart/form-data) have their module's larger limit, for that procedure only.
  const uploadLimits = new Map(
    Object.entries(opts.composition.bodyLimits).map(([path, bytes]) => [
      `/trpc/${path}`,
      bodyLimit({
        maxSize: bytes + 64 * 1024,
        onError: (c) => c.json({ error: { message: `上传文件超过 ${bytes >> 20} MB`, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, messageEn: `The upload exceeds ${bytes >> 20} MB` } } }, 413),
      }),
    ]),
  );
  app.use('*', (c, next) => (c.req.path.startsWith(BLOB_ROUTE_PREFIX) ? next() : (uploadLimits.get(c.req.path) ?? limitBody)(c, next)));

  app.get('/health', async (c) => {
    const report = await opts.health();
    return c.json(report, report.ok ? 200 : 503);
  });

  app.use('/trpc/*', async (c, next) => {
    if (opts.storeStatus && !opts.storeStatus().ok) return unavailableResponse(c);
    return next();
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: opts.composition.router,
      endpoint: '/trpc',
      // A 429 of the per-tenant fairness limit says when to retry.
      responseMeta: ({ errors }) => ({ headers: retryAfterHeaders(errors) }),
      createContext: async (_opts, c) => {
        const correlationId = c.req.header('x-correlation-id')?.slice(0, 64) || newId();
        const rawKey = c.req.header('idempotency-key');
        const keyOk = rawKey === undefined || IDEMPOTENCY_KEY_PATTERN.test(rawKey);
        const idempotencyKey = keyOk ? rawKey : undefined;
        const idempotencyKeyMalformed = !keyOk;
        // The caller's address as the runtime reports it, for per-client rate limits of public procedures.
        const clientIp = clientAddress(c.env, c.req.header('x-forwarded-for'), opts.trustedProxyHops ?? 0);
        const header = c.req.header('authorization');
        const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        if (!token) return asRecord({ deps: opts.deps, correlationId, idempotencyKey, idempotencyKeyMalformed, clientIp, authProblem: 'missing' });
        try {
          return asRecord({ deps: opts.deps, correlationId, idempotencyKey, idempotencyKeyMalformed, clientIp, claims: await opts.verifier.verify(token) });
        } catch (err) {
          const authProblem = err instanceof TokenRejected ? err.problem : 'invalid';
          return asRecord({ deps: opts.deps, correlationId, idempotencyKey, idempotencyKeyMalformed, clientIp, authProblem });
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
    if (isStoreUnavailable(err)) return unavailableResponse(c);
    log({ level: 'error', error: err.name, message: err.message });
    return c.json({ error: { message: '服务器内部错误', data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, messageEn: 'Internal server error' } } }, 500);
  });
  return app;
}

/** 503 with the same body a procedure's store failure gets from the tRPC error formatter. */
function unavailableResponse(c: HonoContext): Response {
  const error = storeUnavailable();
  c.header('Retry-After', '2');
  return c.json({ error: { message: error.text.zh, code: -32603, data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, messageEn: error.text.en, details: error.details } } }, 503);
}

/**
 * The client's address from the runtime, not from what the client sent: behind API Gateway (HTTP API, payload
 * v2) `requestContext.http.sourceIp` of the event the Lambda adapter passes as `env`; on the Node server the
 * socket's remote address (`env.incoming`). x-forwarded-for counts only behind `trustedProxyHops` trusted
 * proxies, and then the entry the nearest trusted proxy appended, never the client-written left end.
 */
export function clientAddress(env: unknown, forwardedFor: string | undefined, trustedProxyHops: number): string | undefined {
  const e = (env ?? {}) as {
    requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
    incoming?: { socket?: { remoteAddress?: string } };
    server?: { incoming?: { socket?: { remoteAddress?: string } } };
  };
  const fromGateway = e.requestContext?.http?.sourceIp ?? e.requestContext?.identity?.sourceIp;
  if (fromGateway) return fromGateway.slice(0, 64);
  const socket = (e.incoming ?? e.server?.incoming)?.socket?.remoteAddress;
  if (trustedProxyHops > 0 && forwardedFor) {
    const hops = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
    const seen = hops[hops.length - trustedProxyHops];
    if (seen) return seen.slice(0, 64);
  }
  return socket?.slice(0, 64) || undefined;
}

/** @hono/trpc-server types its context as a plain record; ours is the typed tRPC Context. */
const asRecord = (ctx: Context) => ctx as unknown as Record<string, unknown>;
