import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'tenThings.nav': 'Ten things',
  'tenThings.navMine': 'My ten-things tasks',
  'tenThings.navCompare': 'Ten things compared',
};
