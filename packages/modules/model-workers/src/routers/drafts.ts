import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/drafts.js';
import * as drafts from '../service/drafts.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);

/** 竞赛推荐草稿: the nomination drafts a skills competition's final results open; staff adopt or dismiss them. */
export const draftsRouter = router({
  list: staff.input(s.listDraftsInput).query(({ ctx, input }) => drafts.list(ctx, input)),
  get: staff.input(s.draftIdInput).query(({ ctx, input }) => drafts.get(ctx, input)),
  adopt: staff.input(s.adoptDraftInput).mutation(({ ctx, input }) => drafts.adopt(ctx, input)),
  dismiss: staff.input(s.dismissDraftInput).mutation(({ ctx, input }) => drafts.dismiss(ctx, input)),
});
