import { createSignal, For, Show } from 'solid-js';
import { mutate, type RouterInputs } from '../../api';
import { Disclosure } from '../../components/Panel';
import { t } from '../../i18n';
import { showError, showToast } from '../../toast';
import { shanghaiToday } from './shared';
import { limits } from '@ufp/core/validation/limits';

type Channel = RouterInputs['hardship']['aid']['disburse']['channel'];
const CHANNELS = ['bank_transfer', 'social_security_card', 'cash', 'other'] as const satisfies readonly Channel[];

/** 发放登记 on a grant (staff): the day, the way and the voucher; recorded once. */
export function DisburseForm(props: { fileId: string; grantId: string; hasAccount: boolean; index: number; onSaved: () => void }) {
  const [paidOn, setPaidOn] = createSignal(shanghaiToday());
  const [channel, setChannel] = createSignal<Channel>(props.hasAccount ? 'bank_transfer' : 'social_security_card');
  const [reference, setReference] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const id = (what: string) => `hs-pay-${props.index}-${what}`;
  async function save(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await mutate('hardship.aid.disburse', { fileId: props.fileId, grantId: props.grantId, paidOn: paidOn(), channel: channel(), ...(reference().trim() ? { reference: reference().trim() } : {}) });
      showToast('success', () => t('hardship.pay.saved', { date: paidOn() }));
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Disclosure class="hs-pay" summary={t('hardship.pay.record')}>
      <form class="form" onSubmit={(e) => void save(e)} data-testid="disburse-form">
        <div class="field">
          <label for={id('on')}>{t('hardship.pay.paidOn')}</label>
          <input id={id('on')} class="input" type="date" required max={shanghaiToday()} value={paidOn()} onInput={(e) => setPaidOn(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={id('channel')}>{t('hardship.pay.channel')}</label>
          <select id={id('channel')} value={channel()} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
            <For each={CHANNELS}>{(c) => <option value={c}>{t(`hardship.pay.channel.${c}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={id('ref')}>{t('hardship.pay.reference')}</label>
          <input id={id('ref')} class="input" maxLength={limits.hardship.reference.max} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />
        </div>
        <div class="form__actions">
          <button class="btn btn--primary" type="submit" disabled={busy()}>
            {t('hardship.pay.save')}
          </button>
        </div>
      </form>
    </Disclosure>
  );
}

/** A grant's payment as recorded, or "未发放". */
export function PaymentState(props: { disbursement?: { paidOn: string; channel: Channel; reference?: string } }) {
  return (
    <Show when={props.disbursement} fallback={<span class="clock clock--due_soon" data-testid="grant-unpaid">{t('hardship.pay.unpaid')}</span>}>
      {(d) => (
        <span data-testid="grant-paid">
          {t('hardship.pay.paid', { date: d().paidOn, channel: t(`hardship.pay.channel.${d().channel}`) })}
          <Show when={d().reference}> · {t('hardship.pay.reference')} {d().reference}</Show>
        </span>
      )}
    </Show>
  );
}
