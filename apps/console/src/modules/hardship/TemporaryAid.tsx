import { limits, IDENTIFIER_INPUT_MAX, MONEY_INPUT_MAX } from '@ufp/core/validation/limits';
import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { mutate, query, type InputOf } from '../../api';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { t, tMaybe } from '../../i18n';
import { showError, showToast } from '../../toast';
import { Banner } from '../../components/Banner';
import { FUND_SOURCES, parseYuan, yuan } from './shared';
import { TemporaryConvert, type ConvertedFile } from './TemporaryConvert';

type FundSource = InputOf<'hardship.temporary.grant'>['fundSource'];

/**
 * 临时救助 to a worker without a hardship file (staff): who, why, how much and from which fund; the year's records
 * below, masked, each still open with its 转正 (a full file for the household, the grant carried over), each converted
 * one with the file it was carried over to.
 */
export function TemporaryAid(props: { year: number; onGranted: () => void }) {
  const [list, { refetch }] = createResource(() => props.year, (year) => query('hardship.temporary.list', { year }));
  const [name, setName] = createSignal('');
  const [idNumber, setIdNumber] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [amount, setAmount] = createSignal('');
  const [fundSource, setFundSource] = createSignal<FundSource>(FUND_SOURCES[0] as FundSource);

  // 转正: one record's form open at a time; once its file is opened, a link to it (and the record's row links to it too).
  const [converting, setConverting] = createSignal<string>();
  const [converted, setConverted] = createSignal<ConvertedFile>();
  async function onConverted(file: ConvertedFile) {
    setConverting(undefined);
    setConverted(file);
    showToast('success', () => t('hardship.temp.convertedDone', { name: file.worker.nameMasked, tier: t(`hardship.tier.${file.tier}`) }));
    await refetch();
    props.onGranted();
  }

  async function grant(e: Event) {
    e.preventDefault();
    const amountFen = parseYuan(amount().trim());
    if (amountFen === undefined) return showToast('error', () => t('hardship.err.money'));
    try {
      await mutate('hardship.temporary.grant', { worker: { name: name().trim(), idNumber: idNumber().trim() }, reason: reason().trim(), amountFen, fundSource: fundSource() });
      showToast('success', () => t('hardship.temp.granted', { amount: yuan(amountFen) }));
      setName('');
      setIdNumber('');
      setReason('');
      setAmount('');
      await refetch();
      props.onGranted();
    } catch (err) {
      showError(err);
    }
  }

  return (
    <div class="card" data-testid="hs-temporary">
      <h2>{t('hardship.temp.title')}</h2>
      <p class="muted">{t('hardship.temp.hint')}</p>
      <form id="hs-temp-grant" aria-label={t('hardship.temp.grant')} onSubmit={(e) => void grant(e)}>
        <Input id="hs-temp-name" name="name" label={t('hardship.worker.name')} required rule={limits.hardship.personName} value={name()} onValue={setName} />
        <Input id="hs-temp-id" name="idNumber" label={t('hardship.worker.idNumber')} required class="mono" autocomplete="off" maxLength={IDENTIFIER_INPUT_MAX} value={idNumber()} onValue={setIdNumber} />
        <Input id="hs-temp-reason" name="reason" label={t('hardship.temp.reason')} required rule={limits.hardship.reason} value={reason()} onValue={setReason} />
        <Input id="hs-temp-amount" name="amount" label={t('hardship.amount')} required hint={t('hardship.yuanHint')} inputmode="decimal" maxLength={MONEY_INPUT_MAX} value={amount()} onValue={setAmount} />
        <Field id="hs-temp-fund" label={t('hardship.fundSource')} required>
          <select id="hs-temp-fund" name="fundSource" value={fundSource()} onChange={(e) => setFundSource(e.currentTarget.value as FundSource)}>
            <For each={FUND_SOURCES}>{(s) => <option value={s}>{t(`hardship.source.${s}`)}</option>}</For>
          </select>
        </Field>
        <button type="submit" class="btn btn--primary">{t('hardship.temp.grant')}</button>
      </form>
      <Show when={converted()}>
        {(c) => (
          <Banner kind="success">
            <span data-testid="hs-converted">
              {t('hardship.temp.convertedDone', { name: c().worker.nameMasked, tier: t(`hardship.tier.${c().tier}`) })}{' '}
              <A href={`/hardship/files/${c().fileId}`}>{t('hardship.temp.openFile')}</A>
            </span>
          </Banner>
        )}
      </Show>
      <Show when={list()?.length} fallback={<p class="muted">{t('hardship.temp.none')}</p>}>
        <ul class="hs-temp-list" data-testid="hs-temporary-list">
          <For each={list()}>
            {(a) => (
              <li data-aid={a.aidId} data-status={a.status}>
                {a.grantedOn} · {a.person.nameMasked} · <span class="mono">{a.person.idMasked}</span> · {yuan(a.amountFen)} · {tMaybe(`hardship.source.${a.fundSource}`, a.fundSource)} ·{' '}
                <Show
                  when={a.convertedFileId}
                  fallback={
                    <>
                      <span class="muted">{t('hardship.temp.open')}</span>{' '}
                      <button type="button" class="btn btn--small" aria-expanded={converting() === a.aidId} onClick={() => setConverting(converting() === a.aidId ? undefined : a.aidId)}>
                        {t('hardship.temp.convert')}
                      </button>
                    </>
                  }
                >
                  {(fileId) => <A href={`/hardship/files/${fileId()}`}>{t('hardship.temp.converted')}</A>}
                </Show>
                <Show when={!a.convertedFileId && converting() === a.aidId}>
                  <TemporaryConvert aid={a} onCancel={() => setConverting(undefined)} onConverted={(file) => void onConverted(file)} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
