import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'calendar.nav': 'Holiday calendar',
};
