import { t } from '../../i18n';
import { createSignal, For } from 'solid-js';
import { mutate } from '../../api';
import { Field } from '../../components/Field';
import { Input } from '../../components/Input';
import { showError, showToast } from '../../toast';
import { EvidencePicker, type PickedFile } from './EvidencePicker';
import { shanghaiToday, type ItemV } from './labels';
import { limits } from '@ufp/core/validation/limits';

/** One progress report on a hand-reported target; large touch targets so it works on a phone. */
export function ReportForm(props: { item: ItemV; onSaved: () => void; idPrefix: string }) {
  const manual = () => props.item.targets.map((t, i) => ({ t, i })).filter((x) => !x.t.link);
  const [index, setIndex] = createSignal(manual()[0]?.i ?? 0);
  const [quantity, setQuantity] = createSignal('');
  const [date, setDate] = createSignal(shanghaiToday());
  const [note, setNote] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  const [files, setFiles] = createSignal<PickedFile[]>([]);
  const busy = () => files().some((f) => f.state === 'uploading' || f.state === 'checking');
  const id = (s: string) => `${props.idPrefix}-${s}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return showToast('info', () => t('tenThings.waitUploads'));
    const evidenceIds = files().flatMap((f) => (f.state === 'ready' && f.evidenceId ? [f.evidenceId] : []));
    setSaving(true);
    try {
      await mutate('tenThings.progress.report', {
        itemId: props.item.itemId,
        targetIndex: index(),
        quantity: Number(quantity()),
        occurredOn: date(),
        ...(note().trim() ? { note: note().trim() } : {}),
        ...(evidenceIds.length ? { evidenceIds } : {}),
      });
      const reported = { title: props.item.title, quantity: quantity(), date: date() };
      showToast('success', () => t('tenThings.reported', reported));
      setQuantity('');
      setNote('');
      setFiles([]);
      props.onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label={`${t('tenThings.report')}：${props.item.title}`}>
      <Field id={id('target')} label={t('tenThings.targetIndex')} required>
        <select id={id('target')} value={index()} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
          <For each={manual()}>
            {(x) => (
              <option value={x.i}>
                {x.t.indicator}（{x.t.unit}）
              </option>
            )}
          </For>
        </select>
      </Field>
      <Input id={id('qty')} type="number" inputmode="decimal" min="0" step="any" label={t('tenThings.quantity')} required value={quantity()} onValue={setQuantity} />
      <Input id={id('date')} type="date" label={t('tenThings.occurredOn')} required value={date()} onValue={setDate} />
      <Input id={id('note')} label={t('tenThings.note')} rule={limits.tenThings.note} value={note()} onValue={setNote} />
      <EvidencePicker itemId={props.item.itemId} idPrefix={props.idPrefix} files={files()} setFiles={setFiles} />
      <button class="btn btn--primary" type="submit" disabled={saving() || busy() || manual().length === 0}>
        {t('tenThings.submitReport')}
      </button>
    </form>
  );
}
