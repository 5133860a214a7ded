import { limits } from '@ufp/core/validation/limits';
import { text, yearSchema } from '@ufp/core/validation/zod';
import { langInput } from '@ufp/kit/schemas';
import { z } from 'zod';
import { SHARE_HOURS } from './domain/share.js';

/** A rollup scope: a province (32), a city (3212) or a county (321281). */
const scopeCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/);
const indicatorKey = z.string().min(1).max(120).regex(/^[A-Za-z0-9_.]+$/);
const measure = z.enum(['raw', 'members', 'units']);
/** A share token: the scope, a dot, 32 URL-safe characters. */
const shareToken = z.string().min(4).max(80).regex(/^\d{2,6}\.[A-Za-z0-9_-]+$/);

export const overviewInput = z.object({ scope: scopeCode.optional(), year: yearSchema.optional() });
export const rankingInput = z.object({ scope: scopeCode.optional(), year: yearSchema.optional(), indicator: indicatorKey, measure: measure.optional() });
export const exportRankingInput = rankingInput.extend({ lang: langInput });
export const trendInput = z.object({ scope: scopeCode.optional(), year: yearSchema.optional(), indicator: indicatorKey });
export const createShareInput = z.object({ scope: scopeCode.optional(), hours: z.number().int().min(SHARE_HOURS.min).max(SHARE_HOURS.max).optional(), label: text(limits.cockpit.shareLabel).optional() });
export const revokeShareInput = z.object({ id: z.string().min(1).max(64) });
export const sharedOverviewInput = overviewInput.extend({ token: shareToken });
export const sharedRankingInput = rankingInput.extend({ token: shareToken });
export const sharedTrendInput = trendInput.extend({ token: shareToken });
