import { MAX_EVIDENCE_BYTES } from '@ufp/core/evidence/rules';
import { createSignal, Show } from 'solid-js';
import { mutate } from '../../api';
import { sendFile, uploadMessage } from '../../components/blob-upload';
import { formatNumber, label, t } from '../../i18n';
import { showError, showToast } from '../../toast';
import type { PersonHonour } from './shared';

const SCAN_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const ACCEPT = [...SCAN_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.pdf'].join(',');
const MB = MAX_EVIDENCE_BYTES / 1024 / 1024;

/** Opens the scan through a short-lived URL (each one audited by the server); the store serves it as a download. */
async function view(evidenceId: string) {
  try {
    location.assign((await mutate('modelWorkers.evidence.url', { evidenceId })).url);
  } catch (err) {
    showError(err);
  }
}

/**
 * 荣誉证书扫描件 on the honour timeline: "查看" for an attached scan (anyone who sees the person), and for staff an
 * upload (picture or PDF) that is sent to the blob store, checked by the server and recorded on the honour.
 */
export function CertificateScan(props: { personId: string; honour: PersonHonour; canUpload: boolean; version: () => number; onAttached: () => void }) {
  const [state, setState] = createSignal<'idle' | 'uploading' | 'checking'>('idle');
  const [progress, setProgress] = createSignal(0);
  const [error, setError] = createSignal<() => string>();
  const inputId = () => `mw-scan-${props.honour.honourId}`;

  const upload = async (file: File) => {
    setError(undefined);
    if (!SCAN_TYPES.includes(file.type)) return setError(() => () => t('modelWorkers.scan.typeNotAllowed'));
    if (file.size > MAX_EVIDENCE_BYTES) return setError(() => () => t('modelWorkers.scan.tooLarge', { mb: MB }));
    setState('uploading');
    setProgress(0);
    try {
      const ticket = await mutate('modelWorkers.evidence.createUpload', { personId: props.personId, honourId: props.honour.honourId, fileName: file.name, contentType: file.type, sizeBytes: file.size });
      await sendFile(ticket, file, setProgress);
      setState('checking');
      await mutate('modelWorkers.evidence.complete', { evidenceId: ticket.evidenceId });
      await mutate('modelWorkers.evidence.attachCertificate', { personId: props.personId, version: props.version(), honourId: props.honour.honourId, evidenceId: ticket.evidenceId });
      showToast('success', () => t('modelWorkers.scan.attached'));
      props.onAttached();
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
    <div class="mw-scan" data-testid="mw-scan">
      <Show when={props.honour.certificate}>
        {(c) => (
          <p class="mw-scan__file">
            {t('modelWorkers.scan.attachedFile')}：<span class="mw-scan__name">{c().fileName}</span>（{formatNumber(Math.ceil(c().sizeBytes / 1024))} KB）{' '}
            <button type="button" class="btn btn--small" aria-label={t('modelWorkers.scan.viewOf', { title: label(props.honour.title) })} onClick={() => void view(c().evidenceId)}>
              {t('modelWorkers.scan.view')}
            </button>
          </p>
        )}
      </Show>
      <Show when={props.canUpload}>
        <Show
          when={state() === 'idle'}
          fallback={
            <p class="muted" role="status">
              {state() === 'checking' ? t('modelWorkers.scan.checking') : t('modelWorkers.scan.uploading', { pct: Math.round(progress() * 100) })}
            </p>
          }
        >
          <label class="btn btn--small" for={inputId()}>
            {props.honour.certificate ? t('modelWorkers.scan.replace') : t('modelWorkers.scan.upload')}
          </label>
          <input class="mw-file" id={inputId()} type="file" accept={ACCEPT} onChange={onPick} aria-label={t('modelWorkers.scan.uploadFor', { title: label(props.honour.title) })} />
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
