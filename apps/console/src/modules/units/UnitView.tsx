import { createSignal, Show } from 'solid-js';
import { mutate } from '../../api';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { showError } from '../../toast';
import type { Unit } from '../../api-types';

/** Read-only description of a unit; the chair phone is masked, `canReveal` adds the audited 显示 button. */
export function UnitView(props: { unit: Unit; canReveal: boolean }) {
  const [phone, setPhone] = createSignal<string | null>(null);
  const [revealing, setRevealing] = createSignal(false);

  async function reveal() {
    setRevealing(true);
    try {
      const res = await mutate('units.revealChairPhone', { unitId: props.unit.unitId });
      setPhone(res.phone);
    } catch (e) {
      showError(e);
    } finally {
      setRevealing(false);
    }
  }

  return (
    <dl class="dl">
      <div>
        <dt>{t('units.name')}</dt>
        <dd>{props.unit.name}</dd>
      </div>
      <div>
        <dt>{t('units.type')}</dt>
        <dd>{t(`units.type.${props.unit.type}`)}</dd>
      </div>
      <div>
        <dt>{t('units.uscc')}</dt>
        <dd class="mono">{props.unit.uscc || '—'}</dd>
      </div>
      <div>
        <dt>{t('units.memberCount')}</dt>
        <dd>{formatNumber(props.unit.memberCount)}</dd>
      </div>
      <div>
        <dt>{t('units.chairName')}</dt>
        <dd>{props.unit.chair.name}</dd>
      </div>
      <div>
        <dt>{t('units.chairPhone')}</dt>
        <dd class="phone">
          <span class="mono" data-testid="chair-phone">
            {phone() ?? (props.unit.chair.phoneMasked || t('units.noPhone'))}
          </span>
          <Show when={props.canReveal && props.unit.chair.phoneMasked}>
            <Show
              when={phone() === null}
              fallback={
                <button type="button" class="btn btn--small" onClick={() => setPhone(null)}>
                  {t('units.hide')}
                </button>
              }
            >
              <button
                type="button"
                class="btn btn--small"
                title={t('units.revealLabel')}
                disabled={revealing()}
                onClick={() => void reveal()}
              >
                {t('units.reveal')}
              </button>
              <span class="field__hint">{t('units.revealNote')}</span>
            </Show>
          </Show>
        </dd>
      </div>
      <div>
        <dt>{t('common.createdAt')}</dt>
        <dd>{formatDateTime(props.unit.createdAt)}</dd>
      </div>
      <div>
        <dt>{t('common.updatedAt')}</dt>
        <dd>{formatDateTime(props.unit.updatedAt)}</dd>
      </div>
    </dl>
  );
}
