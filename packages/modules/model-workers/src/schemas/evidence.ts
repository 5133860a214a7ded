import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '@ufp/core/evidence/rules';
import { limits } from '@ufp/core/validation/limits';
import { recordId, text } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';

/** A certificate scan of one honour of a person: the file as the browser describes it (checked again on arrival). */
const declaredFile = {
  fileName: text(limits.evidence.fileName),
  /** A media type as the browser reports it (image/png): ASCII, never echoed in other scripts. */
  contentType: recordId(limits.evidence.contentType.max),
  sizeBytes: z.number().int().min(0).max(MAX_EVIDENCE_BYTES * 100),
};
export const createUploadInput = z.object({ personId: idInput, honourId: idInput, ...declaredFile });
/** The 职代会 / 民主推荐 minutes of a nomination. */
export const createMinutesUploadInput = z.object({ campaignId: idInput, nominationId: idInput, ...declaredFile });
export const evidenceInput = z.object({ evidenceId: idInput });
export const attachCertificateInput = z.object({ personId: idInput, version: z.number().int().min(1).optional(), honourId: idInput, evidenceId: idInput });
