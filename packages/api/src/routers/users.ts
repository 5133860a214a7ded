import { z } from 'zod';
import { invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { User } from '@ufp/db/repositories/users';
import { limits } from '@ufp/core/validation/limits';
import { text } from '@ufp/core/validation/zod';
import { idInput, pageInput } from '../schemas.js';
import { router, tenantProcedure } from '../trpc.js';
import { write } from '../write.js';

/** Roles a federation admin may grant inside their tenant (never platform operator). */
const grantableRoles = ['federation_admin', 'federation_staff', 'unit_reporter', 'leadership_viewer'] as const;

const admins = tenantProcedure(['federation_admin']);

export const usersRouter = router({
  create: admins
    .input(
      z.object({
        name: text(limits.user.name),
        roles: z.array(z.enum(grantableRoles)).min(1).max(4),
        unitId: idInput.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const reporter = input.roles.includes('unit_reporter');
      if (reporter && !input.unitId) throw invalid({ zh: '基层工会填报员必须绑定一个基层工会', en: 'A unit reporter must be bound to a unit' }, { field: 'unitId' });
      if (!reporter && input.unitId) throw invalid({ zh: '只有基层工会填报员绑定基层工会', en: 'Only unit reporters are bound to a unit' }, { field: 'unitId' });
      if (input.unitId) await ctx.deps.units.get(ctx.scope, input.unitId);
      return write(ctx, (uow, now) => {
        const user: User & { tenantId: string } = {
          userId: newId(),
          tenantId: ctx.scope.tenantId,
          name: input.name,
          roles: [...new Set(input.roles)],
          unitId: input.unitId,
          createdAt: now.toISOString(),
        };
        ctx.deps.users.add(uow, user);
        uow.audit({ action: 'users.create', entityType: 'user', entityId: user.userId, summary: `新建用户 ${user.name}（${user.roles.join('、')}）` });
        return user;
      });
    }),
  list: admins.input(z.object(pageInput).optional()).query(({ ctx, input }) => ctx.deps.users.list(ctx.scope, input ?? {})),
});
