import type { Role } from '@ufp/core/roles';
import { publicProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/campaigns.js';
import * as campaigns from '../service/campaigns.js';
import * as nominations from '../service/nominations.js';
import * as objections from '../service/objections.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const readers = tenantProcedure([...STAFF, 'unit_reporter']);
/** 县审核 is federation staff's step, the final 审批 the admin's: each step by a different role. */
const countyReviewer = tenantProcedure(['federation_staff']);
const approver = tenantProcedure(['federation_admin']);

export const campaignsRouter = router({
  create: staff.input(s.createCampaignInput).mutation(({ ctx, input }) => campaigns.create(ctx, input)),
  update: staff.input(s.updateCampaignInput).mutation(({ ctx, input }) => campaigns.update(ctx, input)),
  publish: staff.input(s.publishCampaignInput).mutation(({ ctx, input }) => campaigns.publish(ctx, input)),
  startPublicity: staff.input(s.startPublicityInput).mutation(({ ctx, input }) => campaigns.startPublicity(ctx, input)),
  get: readers.input(s.campaignIdInput).query(({ ctx, input }) => campaigns.get(ctx, input)),
  list: readers.query(({ ctx }) => campaigns.list(ctx)),
  quota: readers.input(s.campaignIdInput).query(({ ctx, input }) => campaigns.quota(ctx, input)),
  whatIf: readers.input(s.whatIfInput).query(({ ctx, input }) => campaigns.whatIf(ctx, input)),
});

export const nominationsRouter = router({
  create: readers.input(s.nominateInput).mutation(({ ctx, input }) => nominations.nominate(ctx, input)),
  list: readers.input(s.campaignIdInput).query(({ ctx, input }) => nominations.list(ctx, input)),
  get: readers.input(s.nominationIdInput).query(({ ctx, input }) => nominations.get(ctx, input)),
  attachMinutes: readers.input(s.attachMinutesInput).mutation(({ ctx, input }) => nominations.attachMinutes(ctx, input)),
  review: countyReviewer.input(s.reviewInput).mutation(({ ctx, input }) => nominations.review(ctx, input)),
  vet: staff.input(s.vetInput).mutation(({ ctx, input }) => nominations.vet(ctx, input)),
  approve: approver.input(s.approveInput).mutation(({ ctx, input }) => nominations.approve(ctx, input)),
  withdraw: readers.input(s.closeNominationInput).mutation(({ ctx, input }) => nominations.withdraw(ctx, input)),
  reject: staff.input(s.closeNominationInput).mutation(({ ctx, input }) => nominations.reject(ctx, input)),
});

export const objectionsRouter = router({
  notice: publicProcedure.input(s.publicNoticeInput).query(({ ctx, input }) => objections.notice(ctx, input)),
  submit: publicProcedure.input(s.objectInput).mutation(({ ctx, input }) => objections.submit(ctx, input)),
  list: staff.input(s.campaignIdInput).query(({ ctx, input }) => objections.list(ctx, input)),
  decide: staff.input(s.decideObjectionInput).mutation(({ ctx, input }) => objections.decide(ctx, input)),
});
