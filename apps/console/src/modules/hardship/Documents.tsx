import { DocumentKind, documentTypes } from '@ufp/hardship/domain/document-kinds';
import { For, Show } from 'solid-js';
import { mutate, type OutputOf } from '../../api';
import { openSignedUrl } from '../../components/blob-upload';
import { EvidenceSlot } from '../../components/EvidenceSlot';
import { formatDateTime, formatNumber, t } from '../../i18n';

type HardshipFileView = OutputOf<'hardship.files.get'>;
type Kind = (typeof DocumentKind.values)[number];

/** The reporter of the file's unit adds documents until the notice (the server says the same); staff at any step. */
const REPORTER_STEPS = ['draft', 'submitted', 'investigated'];

/**
 * 帮扶材料 of a file, by kind: what is on the file (name, size, who uploaded it and when, an audited download) and,
 * for whoever may add papers, an upload per kind (picked on a phone as on a desktop). Required kinds are marked.
 */
export function HardshipDocuments(props: { file: HardshipFileView; isStaff: boolean; onChanged: () => void }) {
  const canUpload = () => props.isStaff || REPORTER_STEPS.includes(props.file.status);
  const required = (kind: Kind) => (props.file.requiredDocuments as readonly string[]).includes(kind);
  const ofKind = (kind: Kind) => props.file.documents.filter((d) => d.kind === kind);
  const kindName = (kind: Kind) => t(`hardship.doc.kind.${kind}`);
  return (
    <div class="card hs-docs" data-testid="hs-documents">
      <h2>{t('hardship.doc.title')}</h2>
      <ul class="hs-docs__kinds">
        <For each={DocumentKind.values}>
          {(kind) => (
            <li data-testid={`hs-doc-${kind}`} data-kind={kind}>
              <h3 class="hs-docs__kind">
                {kindName(kind)}
                <Show when={required(kind)}>
                  {' '}
                  <span class="hs-docs__required" classList={{ 'hs-docs__required--missing': !ofKind(kind).length }}>
                    {ofKind(kind).length ? t('hardship.doc.required') : t('hardship.doc.requiredMissing')}
                  </span>
                </Show>
              </h3>
              <Show when={ofKind(kind).length}>
                <ul class="hs-docs__files">
                  <For each={ofKind(kind)}>
                    {(d) => (
                      <li>
                        <span class="hs-docs__name">{d.fileName}</span>
                        <span class="muted">
                          {' '}
                          · {formatNumber(Math.ceil(d.sizeBytes / 1024))} KB · {d.uploadedByName ?? t('hardship.actorUnknown')} · {formatDateTime(d.createdAt)}
                        </span>{' '}
                        <button
                          type="button"
                          class="btn btn--small"
                          aria-label={t('hardship.doc.download', { name: d.fileName })}
                          onClick={() => void openSignedUrl(() => mutate('hardship.files.documents.url', { fileId: props.file.fileId, evidenceId: d.evidenceId }))}
                        >
                          {t('hardship.doc.downloadShort')}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <EvidenceSlot
                id={`hs-doc-upload-${kind}`}
                testId={`hs-doc-slot-${kind}`}
                types={documentTypes[kind]}
                canUpload={canUpload()}
                texts={{
                  attachedFile: () => kindName(kind),
                  view: () => kindName(kind),
                  upload: () => (ofKind(kind).length ? t('hardship.doc.uploadMore') : t('hardship.doc.upload')),
                  replace: () => t('hardship.doc.uploadMore'),
                  inputLabel: () => t('hardship.doc.uploadOf', { kind: kindName(kind) }),
                  typeNotAllowed: () => t(`hardship.doc.types.${kind}`),
                  recorded: () => t('hardship.doc.uploaded', { kind: kindName(kind) }),
                }}
                create={(f) => mutate('hardship.files.documents.createUpload', { fileId: props.file.fileId, kind, fileName: f.name, contentType: f.type, sizeBytes: f.size })}
                signUrl={(evidenceId) => mutate('hardship.files.documents.url', { fileId: props.file.fileId, evidenceId })}
                complete={(evidenceId) => mutate('hardship.files.documents.complete', { fileId: props.file.fileId, evidenceId })}
                record={async () => undefined}
                onRecorded={props.onChanged}
              />
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

/** The required documents still missing, shown before the steps that put the file before the federation. */
export function MissingDocuments(props: { file: HardshipFileView }) {
  return (
    <Show when={props.file.missingDocuments.length && REPORTER_STEPS.includes(props.file.status)}>
      <p class="hs-docs__missing" role="status" data-testid="hs-missing-documents">
        {t('hardship.doc.missing', { kinds: props.file.missingDocuments.map((k) => t(`hardship.doc.kind.${k}`)).join(t('hardship.doc.listSeparator')) })}
      </p>
    </Show>
  );
}
