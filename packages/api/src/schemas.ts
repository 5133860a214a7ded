import { z } from 'zod';

export const pageInput = {
  cursor: z.string().max(2000).optional(),
  limit: z.number().int().min(1).max(200).optional(),
};

export const idInput = z.string().min(1).max(64);

/** The language of a spreadsheet download (headers, labels); Chinese when not given. */
export const langInput = z.enum(['zh', 'en']).optional();
