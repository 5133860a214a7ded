import { z } from 'zod';
import { yearSchema } from '@ufp/core/validation/zod';

/** 裁判宽严分析 over a span of seasons (both ends optional, inclusive). */
export const judgeAnalyticsInput = z
  .object({ fromYear: yearSchema.optional(), toYear: yearSchema.optional() })
  .refine((i) => i.fromYear === undefined || i.toYear === undefined || i.fromYear <= i.toYear, { message: '起始年份不能晚于截止年份', params: { en: 'The first year cannot be after the last year' }, path: ['toYear'] })
  .optional()
  .transform((i) => i ?? {});
/** Leadership's view of one year (the latest with data by default). */
export const provinceAnalyticsInput = z
  .object({ year: yearSchema.optional() })
  .optional()
  .transform((i) => i ?? {});
