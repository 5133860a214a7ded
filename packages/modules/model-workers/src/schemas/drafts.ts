import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { text } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { DraftStatus } from '../domain/draft.js';
import { Education, Occupation, PoliticalStatus } from '../domain/person.js';

/** Inputs of the 竞赛推荐草稿 (nomination drafts a skills competition's final results open). */
const m = limits.modelWorkers;
const version = z.number().int().min(1);

export const listDraftsInput = z.object({ status: z.enum(DraftStatus.values).optional() }).optional();
export const draftIdInput = z.object({ draftId: idInput });

export const dismissDraftInput = z.object({ draftId: idInput, version, reason: text(m.reason) });

export const adoptDraftInput = z.object({
  draftId: idInput,
  version,
  campaignId: idInput,
  /** 职代会 / 民主推荐 minutes of the nomination, as for any nomination. */
  minutesRef: text(m.document),
  /** The 事迹 as staff finalise them; the draft's pre-filled text ("在…中获得第N名") when absent. */
  deedsShort: text(m.deedsShort).optional(),
  deedsLong: text(m.deedsLong).optional(),
  /** Passed to the nomination: the caller saw the quota warning and nominates anyway. */
  acknowledgeQuota: z.boolean().optional(),
  /**
   * The person's record when the registry lacks the winner: education is not in a competition's result and must be
   * given; the others default (一线工人, the 赛项's trade, 汉族, 群众, not a 农民工).
   */
  education: z.enum(Education.values).optional(),
  occupation: z.enum(Occupation.values).optional(),
  politicalStatus: z.enum(PoliticalStatus.values).optional(),
  ethnicity: text(m.ethnicity).optional(),
  migrantWorker: z.boolean().optional(),
  trade: text(m.trade).optional(),
});
export type AdoptDraftInput = z.output<typeof adoptDraftInput>;
