import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { mutate, type RouterOutputs } from '../../api';
import { openSignedUrl } from '../../components/blob-upload';
import { formatNumber, t } from '../../i18n';
import { showError } from '../../toast';

type Entry = RouterOutputs['tenThings']['items']['get']['ledger']['items'][number];
export type EvidenceRef = NonNullable<Entry['evidence']>[number];

interface Signed {
  url: string;
  /** Epoch ms; a new URL is asked for a little before. */
  expires: number;
}

const isImage = (f: EvidenceRef) => f.contentType.startsWith('image/');
const sizeText = (f: EvidenceRef) => `${formatNumber(Math.ceil(f.sizeBytes / 1024))} KB`;

/** A short-lived URL for a checked evidence file (each one is audited by the server). */
async function signedUrl(evidenceId: string): Promise<Signed> {
  const r = await mutate('tenThings.evidence.url', { evidenceId });
  const expires = Date.parse(r.expiresAt);
  return { url: r.url, expires: Number.isFinite(expires) ? expires : Date.now() + 60_000 };
}

/** Opens a file through a short-lived URL; the store serves it as an attachment (a download). */
const download = (evidenceId: string) => openSignedUrl(() => signedUrl(evidenceId));

/**
 * 佐证材料 of a ledger entry: photos as thumbnails (their URL asked for once the thumbnail scrolls into
 * view) that open an inline preview; other files (PDF, Excel, Word) as a download link.
 */
export function EvidenceFiles(props: { files: EvidenceRef[] }) {
  const [open, setOpen] = createSignal<{ file: EvidenceRef; url: string }>();
  let dialog: HTMLDialogElement | undefined;

  const preview = async (file: EvidenceRef, thumb: Signed | undefined) => {
    try {
      const signed = thumb && thumb.expires - Date.now() > 10_000 ? thumb : await signedUrl(file.evidenceId);
      setOpen({ file, url: signed.url });
      if (dialog && !dialog.open) dialog.showModal();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div class="tt-entry-files" data-testid="tt-entry-evidence" role="group" aria-label={t('tenThings.evidence')}>
      <For each={props.files}>
        {(f) => (
          <Show
            when={isImage(f)}
            fallback={
              <button type="button" class="tt-file-link" title={`${t('tenThings.evidence')}：${f.fileName}（${sizeText(f)}）`} onClick={() => void download(f.evidenceId)}>
                {f.fileName}
              </button>
            }
          >
            <Thumb file={f} onOpen={(signed) => void preview(f, signed)} />
          </Show>
        )}
      </For>
      <dialog
        ref={dialog}
        class="tt-preview-dialog"
        aria-label={open()?.file.fileName ?? t('tenThings.evidence')}
        onClose={() => setOpen(undefined)}
        onClick={(e) => e.target === dialog && dialog.close()}
      >
        <Show when={open()}>
          {(o) => (
            <figure class="tt-preview-figure" data-testid="tt-evidence-preview">
              <img src={o().url} alt={o().file.fileName} />
              <figcaption>
                <span class="tt-preview-name">
                  {o().file.fileName}（{sizeText(o().file)}）
                </span>
                <span class="tt-preview-actions">
                  <button type="button" class="btn btn--small" onClick={() => void download(o().file.evidenceId)}>
                    {t('tenThings.evidenceDownload')}
                  </button>
                  <button type="button" class="btn btn--small btn--primary" onClick={() => dialog?.close()}>
                    {t('common.close')}
                  </button>
                </span>
              </figcaption>
            </figure>
          )}
        </Show>
      </dialog>
    </div>
  );
}

/** One photo's thumbnail: asks for its URL when it becomes visible; a click opens the preview. */
function Thumb(props: { file: EvidenceRef; onOpen: (signed: Signed | undefined) => void }) {
  const [signed, setSigned] = createSignal<Signed>();
  const [failed, setFailed] = createSignal(false);
  let el: HTMLButtonElement | undefined;
  onMount(() => {
    const load = () => {
      signedUrl(props.file.evidenceId).then(setSigned, () => setFailed(true));
    };
    if (typeof IntersectionObserver === 'undefined' || !el) return load();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          load();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    onCleanup(() => io.disconnect());
  });
  return (
    <button
      ref={el}
      type="button"
      class="tt-thumb"
      data-testid="tt-evidence-thumb"
      aria-label={t('tenThings.evidencePreview', { name: props.file.fileName })}
      title={`${props.file.fileName}（${sizeText(props.file)}）`}
      onClick={() => props.onOpen(signed())}
    >
      <Show when={signed() && !failed()} fallback={<span class="tt-thumb__placeholder" aria-hidden="true">🖼</span>}>
        <img src={signed()!.url} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />
      </Show>
    </button>
  );
}
