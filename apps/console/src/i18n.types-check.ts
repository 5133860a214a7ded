// Type-level test of the merged dictionaries (checked by `tsc`, never run).
import { t } from './i18n';

export function dictionaryChecks(): string[] {
  return [
    t('common.save'), // the shell's own key
    t('units.nav'), // a module's key (from its registered dictionary)
    t('hardship.nav'),
    // @ts-expect-error — no such key in any dictionary
    t('units.noSuchKey'),
  ];
}
