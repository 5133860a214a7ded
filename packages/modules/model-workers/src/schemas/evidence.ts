import { z } from 'zod';
import { declaredFileInput, evidenceIdInput, idInput } from '@ufp/kit/schemas';

/** A certificate scan of one honour of a person: the file as the browser describes it (checked again on arrival). */
export const createUploadInput = z.object({ personId: idInput, honourId: idInput, ...declaredFileInput });
/** The 职代会 / 民主推荐 minutes of a nomination. */
export const createMinutesUploadInput = z.object({ campaignId: idInput, nominationId: idInput, ...declaredFileInput });
export const evidenceInput = evidenceIdInput;
export const attachCertificateInput = z.object({ personId: idInput, version: z.number().int().min(1).optional(), honourId: idInput, evidenceId: idInput });
