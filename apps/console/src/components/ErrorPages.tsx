import { A } from '@solidjs/router';
import { t } from '../i18n';

export function Forbidden() {
  return (
    <section class="error-page" aria-labelledby="forbidden-title">
      <p class="error-page__code" aria-hidden="true">
        403
      </p>
      <h1 id="forbidden-title">{t('error.forbiddenTitle')}</h1>
      <p>{t('error.forbiddenBody')}</p>
      <A href="/" class="btn btn--primary">
        {t('error.backHome')}
      </A>
    </section>
  );
}

export function NotFound() {
  return (
    <section class="error-page" aria-labelledby="notfound-title">
      <p class="error-page__code" aria-hidden="true">
        404
      </p>
      <h1 id="notfound-title">{t('error.notFoundTitle')}</h1>
      <p>{t('error.notFoundBody')}</p>
      <A href="/" class="btn btn--primary">
        {t('error.backHome')}
      </A>
    </section>
  );
}
