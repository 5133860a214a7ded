import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'contracts.nav': 'Collective contracts',
};
