import { createSignal, Show } from 'solid-js';
import { mutate, type RouterOutputs } from '../../api';
import { Banner } from '../../components/Banner';
import { createFieldErrors } from '../../forms';
import { t } from '../../i18n';
import { errorText } from '../../toast';
import { ConsentField, createHousehold, createWorkerContact, emptyMember, HouseholdFields, UnitField, WorkerContactFields } from './Household';
import { yuan } from './shared';

type TemporaryAid = RouterOutputs['hardship']['temporary']['list'][number];
export type ConvertedFile = RouterOutputs['hardship']['temporary']['convert'];

/**
 * 转正: a full hardship file for the household of a person helped by 临时救助 without a file, carrying the grant
 * over. The name and ID number come from the record; the form asks what else the file needs — the union, the
 * worker's contact, the household (the application's own fields) and the consent to the income check. The server's
 * refusals of a field show beside it; nothing changes until the file is opened.
 */
export function TemporaryConvert(props: { aid: TemporaryAid; onConverted: (file: ConvertedFile) => void; onCancel: () => void }) {
  const errors = createFieldErrors();
  const [unitId, setUnitId] = createSignal('');
  const contact = createWorkerContact();
  const household = createHousehold(emptyMember('本人', props.aid.person.name));
  const [consent, setConsent] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [formError, setFormError] = createSignal<unknown>();
  const fields = () => ['unitId', ...contact.fields, ...household.fields(), 'consentGiven'];

  async function submit(e: Event) {
    e.preventDefault();
    setFormError(undefined);
    const found = { ...household.check(), ...(unitId() ? {} : { unitId: () => t('hardship.err.unit') }), ...(consent() ? {} : { consentGiven: () => t('hardship.err.consent') }) };
    errors.setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const file = await mutate('hardship.temporary.convert', {
        aidId: props.aid.aidId,
        version: props.aid.version,
        unitId: unitId(),
        worker: contact.input(),
        household: household.input(),
        consentGiven: true,
      });
      props.onConverted(file);
    } catch (err) {
      if (!errors.placed(err, fields())) setFormError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form id={`hs-convert-${props.aid.aidId}`} class="form hs-convert" aria-labelledby={`hs-convert-title-${props.aid.aidId}`} noValidate onSubmit={(e) => void submit(e)}>
      <h3 id={`hs-convert-title-${props.aid.aidId}`}>{t('hardship.temp.convertTitle')}</h3>
      <p class="muted">{t('hardship.temp.convertHint', { name: props.aid.person.name, id: props.aid.person.idMasked, amount: yuan(props.aid.amountFen) })}</p>
      <Show when={formError()}>
        <Banner kind="error">{errorText(formError())}</Banner>
      </Show>
      <UnitField id="hs-conv-unit" value={unitId()} onValue={setUnitId} errors={errors} />
      <WorkerContactFields form={contact} errors={errors} prefix="hs-conv" />
      <HouseholdFields form={household} errors={errors} prefix="hs-conv" />
      <ConsentField checked={consent()} onChange={setConsent} errors={errors} />
      <div class="form__actions">
        <button type="button" class="btn" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
        <button type="submit" class="btn btn--primary" disabled={busy()}>{busy() ? t('common.saving') : t('hardship.temp.convertSubmit')}</button>
      </div>
    </form>
  );
}
