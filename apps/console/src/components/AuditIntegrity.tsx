import { createResource, Show } from 'solid-js';
import { query, type RouterOutputs } from '../api';
import { formatDateTime, formatNumber, t, type DictKey } from '../i18n';
import { errorText } from '../toast';

type Finding = Verification['findings'][number];

type Verification = RouterOutputs['audit']['verify'];

/**
 * The audit log's tamper check (audit.verify): how much is sealed, what is not yet, and — if anything
 * no longer matches — the first entry or digest that does not, so the admin can act on it.
 */
export function AuditIntegrity(props: { procedure: 'audit.verify' | 'audit.verifyPlatform' }) {
  const [result, { refetch }] = createResource(() => query(props.procedure));
  const findingText = (f: Finding) => {
    const { auditId, digestSeq, at } = f as Partial<{ auditId: string; digestSeq: number; at: string }>; // which of them depends on the kind
    return t(`audit.integrity.finding.${f.kind}` as DictKey, { id: auditId ?? '', seq: digestSeq ?? '', at: at ? formatDateTime(at) : '' });
  };
  return (
    <div class="integrity" aria-live="polite">
      <Show when={!result.loading} fallback={<p class="muted">{t('audit.integrity.checking')}</p>}>
        <Show when={!result.error} fallback={<div class="banner banner--error" role="alert">{errorText(result.error)}</div>}>
          <Show when={result()}>
            {(v) => (
              <div class={`banner ${v().ok ? 'banner--success' : 'banner--error'}`} role={v().ok ? 'status' : 'alert'}>
                <span class="banner__text">
                  <strong>{v().ok ? t('audit.integrity.ok') : t('audit.integrity.tampered')}</strong>{' '}
                  {t('audit.integrity.checked', { entries: formatNumber(v().checkedEntries), digests: formatNumber(v().checkedDigests) })}
                  {v().sealedThrough
                    ? ` ${t('audit.integrity.sealedAt', { at: formatDateTime(v().sealedThrough!.sealedAt) })}${v().unsealed.count > 0 ? ` ${t('audit.integrity.unsealed', { count: formatNumber(v().unsealed.count) })}` : ''}`
                    : ` ${t('audit.integrity.neverSealed', { count: formatNumber(v().unsealed.count) })}`}
                  <Show when={v().firstFinding}>{(f) => <span class="integrity__finding"> {t('audit.integrity.first')}{findingText(f())}{v().findings.length > 1 ? ` ${t('audit.integrity.more', { count: v().findings.length - 1 })}` : ''}</span>}</Show>
                </span>
                <button type="button" class="btn" onClick={() => void refetch()}>
                  {t('audit.integrity.recheck')}
                </button>
              </div>
            )}
          </Show>
        </Show>
      </Show>
    </div>
  );
}
