import type { judgingZh } from './judging-zh';

export const judgingEn: Record<keyof typeof judgingZh, string> = {};
