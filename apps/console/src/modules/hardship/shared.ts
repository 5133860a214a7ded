// Types and small helpers shared by the hardship pages.
import type { RouterOutputs } from '../../api';
import { lang } from '../../i18n';

export const AID_KINDS = ['living', 'medical', 'education', 'festival', 'temporary', 'training'] as const;
export const FUND_SOURCES = ['central', 'province', 'city', 'county', 'union', 'social', 'model_worker'] as const;
export const EVENTS = ['disaster', 'serious_accident', 'major_illness', 'epidemic'] as const;
export const TIERS = ['deep', 'relative', 'accidental'] as const;

export type FileSummary = RouterOutputs['hardship']['files']['queue'][number];
/** A row of the searchable files list: the summary with who created it, by name, and (imported drafts) when. */
export type ListedFile = RouterOutputs['hardship']['files']['list']['items'][number];
export type FileDetail = RouterOutputs['hardship']['files']['get'];
export type Grant = FileDetail['grants'][number];
export type SelfTestResult = RouterOutputs['hardship']['selfTest'];
export type Tier = FileSummary['tier'];
export type FileStatus = FileSummary['status'];

export { parseYuan, shanghaiToday, yuan } from '../../format';

export const explanationOf = (r: { explanation: string; explanationEn: string }) => (lang() === 'en' ? r.explanationEn : r.explanation);
