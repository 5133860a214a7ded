import { z } from 'zod';
import { recordId } from '@ufp/core/validation/zod';

export const pageInput = {
  /** Opaque and ASCII (a sealed cursor the previous page handed out). */
  cursor: recordId(2000).optional(),
  limit: z.number().int().min(1).max(200).optional(),
};

export const idInput = recordId(64);

/** The language of a spreadsheet download (headers, labels); Chinese when not given. */
export const langInput = z.enum(['zh', 'en']).optional();
