import { lang, t, toggleLang } from '../i18n';

/** Shows the *other* language's name; a click switches and persists the choice. */
export function LangSwitch() {
  return (
    <button
      type="button"
      class="btn btn--ghost lang-switch"
      lang={lang() === 'en' ? 'zh-CN' : 'en'}
      title={t('lang.switchLabel')}
      onClick={toggleLang}
    >
      {t('lang.switch')}
    </button>
  );
}
