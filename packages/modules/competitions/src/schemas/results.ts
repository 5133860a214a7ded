import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { recordId, text } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { StageKind } from '../domain/enums.js';

const c = limits.competitions;

/** One stage of one 赛项. */
export const stageInput = z.object({ eventId: idInput, stage: z.enum(StageKind.values) });
/** Publishing (again, after an upheld protest: then with the reason for the revision). */
export const publishInput = stageInput.extend({ reason: text(c.revisionReason).optional() });
export const gradeRaisesInput = z.object({ competitionId: idInput, lang: z.enum(['zh', 'en']).optional() });

export const fileProtestInput = stageInput.extend({ contestantId: idInput, grounds: text(c.protestGrounds) });
export const listProtestsInput = z.object({ eventId: idInput });
export const decideProtestInput = z.object({ eventId: idInput, protestId: idInput, outcome: z.enum(['upheld', 'dismissed']), ruling: text(c.protestRuling) });

/** Public pages name the organising federation (the tenant) and the 赛项. */
export const publicEventInput = z.object({ tenantId: recordId(40), eventId: idInput });
