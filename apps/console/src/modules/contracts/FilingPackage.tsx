import { For, Match, Show, Switch } from 'solid-js';
import { mutate, type OutputOf } from '../../api';
import { openSignedUrl } from '../../components/blob-upload';
import { EvidenceSlot } from '../../components/EvidenceSlot';
import { formatNumber, label, t } from '../../i18n';
import { filingDocumentTypes, filingKindHint, filingKindLabel, filingKinds, type ContractType, type FilingDocumentKind } from './domain';
import type { Contract } from './shared';

export type FilingPackageView = OutputOf<'contracts.filingPackage'>;
type Doc = FilingPackageView['documents'][number];

/** The kinds of the package still missing, in words (empty when it is complete or not open). */
export function missingKinds(c: Contract, pkg: FilingPackageView | undefined): string {
  if (pkg?.stage !== 'open' || !pkg.missing.length) return '';
  return pkg.missing.map((k) => label(filingKindLabel(k, c.type as ContractType))).join(t('contracts.listSep'));
}

/** One document: its name, size, state, and an audited download once checked. */
function DocLine(props: { d: Doc; kindName?: string }) {
  return (
    <li>
      <Show when={props.kindName}>
        <span class="filing__kind-name">{props.kindName}：</span>
      </Show>
      <span class="filing__name">{props.d.fileName}</span>
      <span class="muted"> · {formatNumber(Math.ceil(props.d.sizeBytes / 1024))} KB</span>
      <Show when={props.d.status !== 'ready'}>
        <span class={`filing__state filing__state--${props.d.status}`}> {props.d.status === 'rejected' ? t('contracts.filing.rejected') : t('contracts.filing.pending')}</span>
      </Show>
      <Show when={props.d.status === 'ready'}>
        {' '}
        <button type="button" class="btn btn--small" aria-label={t('contracts.filing.download', { name: props.d.fileName })} onClick={() => void openSignedUrl(() => mutate('contracts.evidence.url', { evidenceId: props.d.evidenceId }))}>
          {t('contracts.filing.downloadShort')}
        </button>
      </Show>
    </li>
  );
}

/**
 * 备案材料: while the contract is not yet filed, each kind of document with its present/missing state (the tenant's
 * required kinds first), what is uploaded and an upload per kind for staff; once filed, what went with the filing.
 */
export function FilingPackage(props: { c: Contract; pkg: FilingPackageView | undefined; canWrite: boolean; onChanged: () => void }) {
  const type = () => props.c.type as ContractType;
  const kindName = (k: FilingDocumentKind) => label(filingKindLabel(k, type()));
  return (
    <section class="card filing" data-testid="filing-package" aria-labelledby="filing-title">
      <h2 id="filing-title">{t('contracts.filing.title')}</h2>
      <Show when={props.pkg}>
        {(pkg) => (
          <Switch>
            <Match when={pkg().stage === 'filed' && pkg()}>
              {(p) => {
                const filed = () => p() as Extract<FilingPackageView, { stage: 'filed' }>;
                return (
                  <Show when={filed().recorded} fallback={<p class="muted" data-testid="filing-unrecorded">{t('contracts.filing.unrecorded', { filedOn: filed().filedOn })}</p>}>
                    <p>{filed().documents.length ? t('contracts.filing.filedWith', { filedOn: filed().filedOn }) : t('contracts.filing.filedWithNone', { filedOn: filed().filedOn })}</p>
                    <ul class="filing__files" data-testid="filing-filed">
                      <For each={filed().documents}>{(d) => <DocLine d={d} kindName={kindName(d.kind)} />}</For>
                    </ul>
                  </Show>
                );
              }}
            </Match>
            <Match when={pkg().stage !== 'filed' && pkg()}>
              {(p) => {
                const open = () => p() as Exclude<FilingPackageView, { stage: 'filed' }>;
                const required = (k: FilingDocumentKind) => open().required.includes(k);
                const ofKind = (k: FilingDocumentKind) => open().documents.filter((d) => d.kind === k);
                const kinds = () => [...filingKinds.filter(required), ...filingKinds.filter((k) => !required(k))];
                const canUpload = () => props.canWrite && open().stage === 'open';
                return (
                  <>
                    <p class="muted">{open().stage === 'open' ? t('contracts.filing.intro') : t('contracts.filing.closed')}</p>
                    <Show when={open().stage === 'open' && open().round > 0}>
                      <p class="muted" data-testid="filing-refiling">{t('contracts.filing.refiling')}</p>
                    </Show>
                    <ul class="filing__kinds">
                      <For each={kinds()}>
                        {(kind) => (
                          <li data-testid={`filing-kind-${kind}`} data-kind={kind}>
                            <h3 class="filing__kind">
                              {kindName(kind)}{' '}
                              <span class="filing__tag" classList={{ 'filing__tag--missing': open().missing.includes(kind), 'filing__tag--optional': !required(kind) }}>
                                {!required(kind) ? t('contracts.filing.optional') : open().missing.includes(kind) ? t('contracts.filing.missing') : t('contracts.filing.present')}
                              </span>
                            </h3>
                            <Show when={filingKindHint(kind, type())}>{(h) => <p class="muted filing__hint">{label(h())}</p>}</Show>
                            <Show when={ofKind(kind).length}>
                              <ul class="filing__files">
                                <For each={ofKind(kind)}>{(d) => <DocLine d={d} />}</For>
                              </ul>
                            </Show>
                            <Show when={canUpload()}>
                              <EvidenceSlot
                                id={`filing-upload-${kind}`}
                                testId={`filing-slot-${kind}`}
                                types={filingDocumentTypes[kind]}
                                canUpload
                                texts={{
                                  attachedFile: () => kindName(kind),
                                  view: () => kindName(kind),
                                  upload: () => (ofKind(kind).length ? t('contracts.filing.uploadMore') : t('contracts.filing.upload')),
                                  replace: () => t('contracts.filing.uploadMore'),
                                  inputLabel: () => t('contracts.filing.uploadOf', { kind: kindName(kind) }),
                                  typeNotAllowed: () => t(kind === 'party_credentials' ? 'contracts.filing.scansOnly' : kind === 'representative_lists' ? 'contracts.filing.typesWithSheets' : 'contracts.filing.types'),
                                  recorded: () => t('contracts.filing.uploaded', { kind: kindName(kind) }),
                                }}
                                create={(f) => mutate('contracts.evidence.createUpload', { contractId: props.c.contractId, purpose: 'filing', kind, fileName: f.name, contentType: f.type, sizeBytes: f.size })}
                                signUrl={(evidenceId) => mutate('contracts.evidence.url', { evidenceId })}
                                complete={(evidenceId) => mutate('contracts.evidence.complete', { evidenceId })}
                                record={async () => undefined}
                                onRecorded={props.onChanged}
                              />
                            </Show>
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={open().stage === 'open'}>
                      <Show when={open().missing.length} fallback={<p class="filing__complete" role="status" data-testid="filing-complete">{t('contracts.filing.complete')}</p>}>
                        <p class="filing__missing" role="status" data-testid="filing-missing">{t('contracts.filing.stillMissing', { kinds: missingKinds(props.c, open()) })}</p>
                      </Show>
                    </Show>
                  </>
                );
              }}
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
