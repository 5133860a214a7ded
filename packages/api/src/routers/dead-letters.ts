import { z } from 'zod';
import { tenantPrefix } from '@ufp/db/keys';
import { idInput, pageInput } from '../schemas.js';
import { router, tenantProcedure } from '../trpc.js';
import { write } from '../write.js';

const admins = tenantProcedure(['federation_admin']);

export const deadLettersRouter = router({
  list: admins.input(z.object(pageInput).optional()).query(({ ctx, input }) => ctx.deps.deadLetters.list(tenantPrefix(ctx.scope.tenantId), input ?? {})),
  replay: admins.input(z.object({ id: idInput })).mutation(async ({ ctx, input }) => {
    const outcome = await ctx.deps.runner.replay(tenantPrefix(ctx.scope.tenantId), input.id);
    await write(ctx, (uow) => {
      uow.audit({ action: 'deadLetters.replay', entityType: 'deadLetter', entityId: input.id, summary: `重放死信 ${input.id}：${outcome}` });
    });
    return { ok: true as const, outcome };
  }),
});
