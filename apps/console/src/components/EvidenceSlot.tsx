import { evidenceTypes, MAX_EVIDENCE_BYTES, type EvidenceContentType } from '@ufp/core/evidence/rules';
import { createSignal, Show } from 'solid-js';
import { formatNumber, t } from '../i18n';
import { showToast } from '../toast';
import { openSignedUrl, sendFile, uploadMessage, type UploadTicket } from './blob-upload';
import './evidence-slot.css';

const MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/** What a record keeps of an attached file. */
export interface AttachedFile {
  evidenceId: string;
  fileName: string;
  sizeBytes: number;
}

/** The words of one kind of file (functions, so they follow the language switch). */
export interface EvidenceSlotTexts {
  attachedFile: () => string;
  view: () => string;
  upload: () => string;
  replace: () => string;
  inputLabel: () => string;
  typeNotAllowed: () => string;
  recorded: () => string;
}

/**
 * One evidence file on a record: "查看" for the attached file, and (when allowed) an upload of one of `types` that
 * `create` turns into a ticket, is sent to the blob store with progress, checked by the server and then recorded.
 */
export function EvidenceSlot(props: {
  id: string;
  testId: string;
  types: readonly EvidenceContentType[];
  attached?: AttachedFile;
  canUpload: boolean;
  texts: EvidenceSlotTexts;
  create: (file: File) => Promise<UploadTicket & { evidenceId: string }>;
  /** A short-lived download URL of a checked file (the module's audited `evidence.url`). */
  signUrl: (evidenceId: string) => Promise<{ url: string }>;
  complete: (evidenceId: string) => Promise<unknown>;
  record: (evidenceId: string) => Promise<unknown>;
  onRecorded: () => void;
}) {
  const [state, setState] = createSignal<'idle' | 'uploading' | 'checking'>('idle');
  const [progress, setProgress] = createSignal(0);
  const [error, setError] = createSignal<() => string>();
  // Extensions as well as types: some phone file pickers filter by extension only.
  const accept = () => props.types.flatMap((type) => [type, ...[evidenceTypes[type].ext, ...evidenceTypes[type].also].map((e) => `.${e}`)]).join(',');

  const upload = async (file: File) => {
    setError(undefined);
    if (!(props.types as readonly string[]).includes(file.type)) return setError(() => props.texts.typeNotAllowed);
    if (file.size > MAX_EVIDENCE_BYTES) return setError(() => () => t('common.fileTooLarge', { mb: MB }));
    setState('uploading');
    setProgress(0);
    try {
      const ticket = await props.create(file);
      await sendFile(ticket, file, setProgress);
      setState('checking');
      await props.complete(ticket.evidenceId);
      await props.record(ticket.evidenceId);
      showToast('success', props.texts.recorded);
      props.onRecorded();
    } catch (err) {
      setError(() => uploadMessage(err));
    } finally {
      setState('idle');
    }
  };

  const onPick = (e: Event & { currentTarget: HTMLInputElement }) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void upload(file);
  };

  return (
    <div class="evidence-slot" data-testid={props.testId}>
      <Show when={props.attached}>
        {(f) => (
          <p>
            {props.texts.attachedFile()}：<span class="evidence-slot__name">{f().fileName}</span>（{formatNumber(Math.ceil(f().sizeBytes / 1024))} KB）{' '}
            <button type="button" class="btn btn--small" aria-label={props.texts.view()} onClick={() => void openSignedUrl(() => props.signUrl(f().evidenceId))}>
              {t('common.viewFile')}
            </button>
          </p>
        )}
      </Show>
      <Show when={props.canUpload}>
        <Show
          when={state() === 'idle'}
          fallback={
            <p class="muted" role="status">
              {state() === 'checking' ? t('common.fileChecking') : t('common.fileUploading', { pct: Math.round(progress() * 100) })}
            </p>
          }
        >
          <label class="btn btn--small" for={props.id}>
            {props.attached ? props.texts.replace() : props.texts.upload()}
          </label>
          <input class="evidence-slot__input" id={props.id} type="file" accept={accept()} onChange={onPick} aria-label={props.texts.inputLabel()} />
        </Show>
        <Show when={error()}>
          {(msg) => (
            <p class="field__error" role="alert">
              {msg()()}
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}
