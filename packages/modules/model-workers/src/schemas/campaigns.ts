import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { bilingualMessage, isoDateSchema, recordId, text, yearSchema } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { ObjectionOutcome } from '../domain/publicity.js';

/** Inputs of the campaigns, nominations and 公示 objections. Free text lengths (code points) from the core limits. */
const m = limits.modelWorkers;

/** A quota share in percent, 0–100 with at most one decimal (22, 55, 22.5): what a 通知 states, and storable as is. */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { error: bilingualMessage({ zh: '占比最多保留一位小数（如 22 或 22.5）', en: 'A share has at most one decimal place (e.g. 22 or 22.5)' }) })
  // Stored as the tenth it names: float noise (22.300000000000001) and a vanishing value (1e-300, which DynamoDB
  // cannot store) become 22.3 and 0.
  .transform((v) => Math.round(v * 10) / 10);
const campaignFields = {
  title: text(m.campaignTitle),
  year: yearSchema,
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  /** At most 2,000: the roster of the list is one item (DynamoDB's 400 KB), about 90 bytes an entry. */
  places: z.number().int().min(1).max(2_000),
  rules: z.object({ managerMax: percent.optional(), frontlineTechnicalMin: percent.optional(), womenMin: percent.optional(), migrantMin: percent.optional() }).optional(),
  agencies: z.array(text(m.agency)).min(1).max(20).optional(),
  publicityDays: z.number().int().min(1).max(30).optional(),
};

export const campaignIdInput = z.object({ campaignId: idInput });
export const createCampaignInput = z.object({ code: z.string().min(1).max(60), ...campaignFields });
export const updateCampaignInput = z.object({ campaignId: idInput, version: z.number().int().min(1), ...campaignFields });
export const publishCampaignInput = z.object({ campaignId: idInput, version: z.number().int().min(1).optional() });
export const startPublicityInput = z.object({ campaignId: idInput, version: z.number().int().min(1).optional(), startsOn: isoDateSchema });
export const whatIfInput = z.object({ campaignId: idInput, add: idInput.optional(), remove: idInput.optional() });

export const nominateInput = z.object({
  campaignId: idInput,
  personId: idInput,
  /** 职代会 / 民主推荐 minutes: the document's number (the file is uploaded onto the nomination afterwards). */
  minutesRef: text(m.document),
  deedsShort: text(m.deedsShort),
  deedsLong: text(m.deedsLong),
  /**
   * The nominator saw the what-if warning and adds the person anyway (see service/nominations.ts). Without
   * it an addition that breaks a quota rule is refused with 409 naming the rule.
   */
  acknowledgeQuota: z.boolean().optional(),
});
export const nominationRef = { campaignId: idInput, nominationId: idInput, version: z.number().int().min(1).optional() };
export const nominationIdInput = z.object({ campaignId: idInput, nominationId: idInput });
export const attachMinutesInput = z.object({ ...nominationRef, evidenceId: idInput });
export const reviewInput = z.object({ ...nominationRef, note: text(m.note).optional() });
export const vetInput = z.object({ ...nominationRef, agency: text(m.agency), on: isoDateSchema, document: text(m.document) });
export const closeNominationInput = z.object({ ...nominationRef, reason: text(m.reason) });
export const approveInput = z.object({ ...nominationRef, conferredBy: text(m.conferredBy), certificateNo: text(m.certificateNo).optional() });

export const publicNoticeInput = z.object({ tenantId: recordId(40), campaignId: idInput });
export const objectInput = z.object({ tenantId: recordId(40), campaignId: idInput, nominationId: idInput, text: text(m.objection) });
export const decideObjectionInput = z.object({ campaignId: idInput, objectionId: idInput, version: z.number().int().min(1).optional(), outcome: z.enum(ObjectionOutcome.values), reason: text(m.decision) });
