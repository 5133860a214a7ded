import { z } from 'zod';
import { isoDateTimeSchema, recordId } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { StageKind } from '../domain/enums.js';
import { ConflictReason } from '../domain/work-numbers.js';

/** The inputs of `competitions.judging.*` (docs/competitions-api.md, "Judging"). */

const stage = z.enum(StageKind.values);
/** A blind work number as drawn (3–8 digits); any other text is simply not a number of the stage. */
const workNumber = recordId(8);
/** An aspect code of the marking scheme (codes are 1–40 characters). */
const aspectCode = recordId(40);
/** The id a tablet gives an entry when it is written (a uuid): what makes a re-sent entry a duplicate. */
const clientId = recordId(64);

/** At most this many entries in one sync. */
export const MAX_SCORE_ENTRIES = 200;

export const eventIdInput = z.object({ eventId: idInput });
export const stageInput = z.object({ eventId: idInput, stage });
export const declareConflictInput = z.object({ eventId: idInput, contestantId: idInput, reason: z.enum(ConflictReason.values) });

export const scoreEntryInput = z.object({
  clientId,
  workNumber,
  aspectCode,
  /** Checked per entry against the aspect (0–3, hundredths up to the maximum, or a measured integer): a bad one is refused alone. */
  value: z.number().min(-1_000_000_000).max(1_000_000_000),
  /** When the judge entered it on the tablet (offline entries sync later). */
  recordedAt: isoDateTimeSchema,
  /** The client id of the judge's earlier entry for the same mark that this one corrects. */
  supersedes: clientId.optional(),
});
export const submitScoresInput = z.object({ eventId: idInput, stage, entries: z.array(scoreEntryInput).min(1).max(MAX_SCORE_ENTRIES) });

export const resolveConflictInput = z.object({ eventId: idInput, stage, workNumber, aspectCode, keepClientId: clientId });

/** At most this many completion times in one call (one transaction). */
export const MAX_TIME_ENTRIES = 80;
/** 完成用时 per work number, whole seconds (a week at most: the practical time limit is checked by the service). */
export const recordTimesInput = z.object({
  eventId: idInput,
  stage,
  entries: z.array(z.object({ workNumber, seconds: z.number().int().min(1).max(7 * 24 * 3600) })).min(1).max(MAX_TIME_ENTRIES),
});
