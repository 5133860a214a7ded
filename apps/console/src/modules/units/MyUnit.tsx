import { Show } from 'solid-js';
import { Banner } from '../../components/Banner';
import { t } from '../../i18n';
import { hasRole, me } from '../../session';
import { UnitDetailBody } from './UnitDetail';

/** A unit reporter's own unit: its identity read-only, its contact details correctable (`units.updateContact`). */
export default function MyUnit() {
  const unitId = () => me()?.unitId ?? me()?.unit?.unitId;
  return (
    <Show
      when={unitId()}
      fallback={
        <section>
          <h1>{t('units.myUnit.title')}</h1>
          <Banner kind="info">{t('units.myUnit.none')}</Banner>
        </section>
      }
    >
      {(id) => <UnitDetailBody unitId={id()} title={t('units.myUnit.title')} canWrite={false} canReveal={false} canEditContact={hasRole('unit_reporter')} />}
    </Show>
  );
}
