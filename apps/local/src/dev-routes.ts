import type { Hono } from 'hono';
import { z } from 'zod';
import type { AdjustableClock } from '@ufp/core/clock';
import { roleLabels, roles } from '@ufp/core/roles';
import { provinceName } from '@ufp/core/validation/division';
import { issueView } from '@ufp/kit/zod-bilingual';
import { signLocalToken, type LocalSigningKeys } from '@ufp/kit/auth';
import type { TenantRepository } from '@ufp/db/repositories/tenants';
import type { UserRepository } from '@ufp/db/repositories/users';
import { handlerNames } from '@ufp/api/modules';
import type { ConsumerFaults } from './consumer-faults.js';
import type { LocalScheduler } from './scheduler.js';

const loginInput = z.object({
  sub: z.string().min(1).max(100),
  name: z.string().max(50).optional(),
  /** Optional for a user the directory holds (their roles come from it); required otherwise. */
  roles: z.array(z.enum(roles)).min(1).optional(),
  tenantId: z.string().max(40).optional(),
  unitId: z.string().max(64).optional(),
  scope: z.string().regex(/^\d{2}(\d{2}){0,2}$/).optional(),
});

/** The routes are mounted while the runtime is still being built; their deps resolve on first use. */
function lazy<T extends object>(resolve: () => T): T {
  let value: T | undefined;
  return new Proxy({} as T, { get: (_t, key) => (value ??= resolve())[key as keyof T] });
}

const faultInput = z.object({
  handler: z.enum(handlerNames as [string, ...string[]]),
  eventType: z.string().min(1).max(100).optional(),
});

const badRequest = (issues: unknown) => ({ error: { message: '输入有误', data: { code: 'BAD_REQUEST', httpStatus: 400, issues } } });

/**
 * Local-only routes: a demo login that signs tokens with the local key, the movable platform
 * clock, an immediate daily tick and injected consumer faults. createApp mounts them only when
 * the local runtime asks.
 */
export function devRoutes(
  resolveDeps: () => {
    signing: LocalSigningKeys;
    clock: AdjustableClock;
    scheduler: LocalScheduler;
    users: UserRepository;
    tenants: TenantRepository;
    faults: ConsumerFaults;
  },
) {
  return (app: Hono) => {
    const deps = lazy(resolveDeps);
    // A user the directory holds signs in with the directory's roles, unit and name (as the production
    // identity provider's token would carry them); a disabled one is refused here already.
    app.post('/auth/dev-login', async (c) => {
      const parsed = loginInput.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json(badRequest(parsed.error.issues.map((issue) => issueView(issue))), 400);
      const input = parsed.data;
      const entry = input.tenantId ? await deps.users.directoryEntry(input.tenantId, input.sub) : undefined;
      if (entry && (entry.status ?? 'active') !== 'active') {
        const text = { zh: '账号已停用，请联系本单位管理员', en: 'Your account is disabled; contact your federation administrator' };
        return c.json({ error: { message: text.zh, data: { code: 'FORBIDDEN', httpStatus: 403, messageEn: text.en, details: { reason: 'user_disabled' } } } }, 403);
      }
      const claims = entry
        ? { sub: entry.userId, name: entry.name, roles: entry.roles, tenantId: entry.tenantId, unitId: entry.unitId, scope: entry.scope ?? input.scope }
        : input.roles
          ? { ...input, roles: input.roles }
          : undefined;
      if (!claims) return c.json(badRequest([{ path: ['roles'], message: '该用户不在目录中，请指定角色', messageEn: 'This user is not in the directory: give roles' }]), 400);
      return c.json({ token: await signLocalToken(deps.signing, claims) });
    });

    app.post('/dev/clock', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { now?: unknown };
      const at = typeof body.now === 'string' ? new Date(body.now) : undefined;
      if (!at || Number.isNaN(at.getTime())) return c.json(badRequest([{ path: ['now'], message: '需要 ISO 时间 / ISO time required' }]), 400);
      deps.clock.set(at);
      return c.json({ now: deps.clock.now().toISOString() });
    });

    app.get('/dev/clock', (c) => c.json({ now: deps.clock.now().toISOString() }));

    app.post('/dev/tick', async (c) => c.json(await deps.scheduler.tick()));

    // Make a consumer fail (every matching delivery, until cleared): exercises parking and redrive.
    app.post('/dev/faults', async (c) => {
      const parsed = faultInput.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json(badRequest(parsed.error.issues.map((issue) => issueView(issue))), 400);
      deps.faults.arm(parsed.data.handler, parsed.data.eventType);
      return c.json({ faults: deps.faults.list() });
    });
    app.delete('/dev/faults', (c) => {
      deps.faults.clear();
      return c.json({ faults: deps.faults.list() });
    });

    app.get('/dev/users', async (c) => {
      const [users, tenants] = await Promise.all([deps.users.listAllForDevLogin(), deps.tenants.list()]);
      const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
      return c.json(
        users.map((u) => {
          const owner = u.tenantId ? (tenantName.get(u.tenantId) ?? u.tenantId) : u.scope ? `${provinceName(u.scope)?.zhFull ?? u.scope}总工会` : '平台';
          const roleText = u.roles.map((r) => roleLabels[r].zh).join('、');
          return {
            sub: u.userId,
            name: u.name,
            roles: u.roles,
            tenantId: u.tenantId,
            tenantName: u.tenantId ? tenantName.get(u.tenantId) : undefined,
            unitId: u.unitId,
            scope: u.scope,
            status: u.status ?? 'active',
            loginId: u.login?.display,
            label: `${owner} · ${roleText}（${u.name}）`,
          };
        }),
      );
    });
  };
}
