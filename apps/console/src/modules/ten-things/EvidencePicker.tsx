import { t } from '../../i18n';
import { evidenceContentTypes, MAX_EVIDENCE_BYTES } from '@ufp/core/evidence/rules';
import { For, Show } from 'solid-js';
import { mutate } from '../../api';
import { sendFile, uploadMessage } from '../../components/blob-upload';

export const MAX_FILES = 10;
const ACCEPT = [...evidenceContentTypes, '.jpg', '.jpeg', '.png', '.webp', '.pdf', '.xlsx', '.docx'].join(',');
const MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

export interface PickedFile {
  key: number;
  name: string;
  /** 0…1 while uploading. */
  progress: number;
  state: 'uploading' | 'checking' | 'ready' | 'error';
  evidenceId?: string;
  /** A function so the message follows the language switch. */
  error?: () => string;
}

let nextKey = 1;

/**
 * 佐证材料 for a progress report: pick files (or take a photo on a phone), each uploads at once with a
 * progress bar, is checked by the server, and shows its own error; the report attaches the ready ones.
 */
export function EvidencePicker(props: { itemId: string; idPrefix: string; files: PickedFile[]; setFiles: (update: (files: PickedFile[]) => PickedFile[]) => void }) {
  const patch = (key: number, change: Partial<PickedFile>) => props.setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const add = async (file: File) => {
    const key = nextKey++;
    const entry: PickedFile = { key, name: file.name, progress: 0, state: 'uploading' };
    const refuse = (error: () => string) => props.setFiles((list) => [...list, { ...entry, state: 'error', error }]);
    if (props.files.filter((f) => f.state !== 'error').length >= MAX_FILES) return refuse(() => t('tenThings.tooMany', { max: MAX_FILES }));
    if (!(evidenceContentTypes as string[]).includes(file.type)) return refuse(() => t('tenThings.typeNotAllowed'));
    if (file.size > MAX_EVIDENCE_BYTES) return refuse(() => t('tenThings.tooLarge', { size: Math.round((file.size / 1024 / 1024) * 10) / 10, mb: MB }));
    props.setFiles((list) => [...list, entry]);
    try {
      const upload = await mutate('tenThings.evidence.createUpload', { itemId: props.itemId, fileName: file.name, contentType: file.type, sizeBytes: file.size });
      await sendFile(upload, file, (progress) => patch(key, { progress }));
      patch(key, { state: 'checking', progress: 1 });
      await mutate('tenThings.evidence.complete', { evidenceId: upload.evidenceId });
      patch(key, { state: 'ready', evidenceId: upload.evidenceId });
    } catch (err) {
      patch(key, { state: 'error', error: uploadMessage(err) });
    }
  };

  const onPick = (e: Event & { currentTarget: HTMLInputElement }) => {
    const input = e.currentTarget;
    for (const file of [...(input.files ?? [])]) void add(file);
    input.value = '';
  };

  return (
    <fieldset class="tt-evidence">
      <legend>{t('tenThings.evidence')}</legend>
      <div class="tt-inline">
        <label class="btn btn--small" for={`${props.idPrefix}-files`}>
          {t('tenThings.addEvidence')}
        </label>
        <input class="tt-file" id={`${props.idPrefix}-files`} type="file" multiple accept={ACCEPT} onChange={onPick} aria-label={t('tenThings.evidence')} />
        <label class="btn btn--small" for={`${props.idPrefix}-camera`}>
          {t('tenThings.takePhoto')}
        </label>
        <input class="tt-file" id={`${props.idPrefix}-camera`} type="file" accept="image/jpeg,image/png,image/webp" capture="environment" onChange={onPick} aria-label={t('tenThings.takePhoto')} />
      </div>
      <p class="field__hint">{t('tenThings.evidenceHint', { mb: MB, max: MAX_FILES })}</p>
      <ul class="tt-files" data-testid="tt-evidence-files">
        <For each={props.files}>
          {(f) => (
            <li class={`tt-file-row tt-file--${f.state}`} data-testid="tt-evidence-file">
              <span class="tt-file-name">{f.name}</span>
              <Show when={f.state === 'uploading'}>
                <progress max="100" value={Math.round(f.progress * 100)} aria-label={`${f.name} ${t('tenThings.uploading', { pct: Math.round(f.progress * 100) })}`} />
                <span class="muted">{t('tenThings.uploading', { pct: Math.round(f.progress * 100) })}</span>
              </Show>
              <Show when={f.state === 'checking'}>
                <span class="muted">{t('tenThings.checking')}</span>
              </Show>
              <Show when={f.state === 'ready'}>
                <span class="tt-file-ok">✓ {t('tenThings.uploaded')}</span>
              </Show>
              <Show when={f.state === 'error'}>
                <span class="field__error" role="alert">
                  {f.error?.()}
                </span>
              </Show>
              <Show when={f.state !== 'uploading' && f.state !== 'checking'}>
                <button class="btn btn--small" type="button" aria-label={t('tenThings.removeFile', { name: f.name })} onClick={() => props.setFiles((list) => list.filter((x) => x.key !== f.key))}>
                  ×
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </fieldset>
  );
}
