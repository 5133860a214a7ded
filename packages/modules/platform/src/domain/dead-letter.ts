import { conflict } from '@ufp/core/errors';
import type { AuditEntry } from '@ufp/db/unit-of-work';
import { deadLetterMissing } from '@ufp/db/repositories/dead-letters';
import type { RedriveResult, RedriveSummary } from '@ufp/events/dead-letters';

/** A tenant admin's replay found the letter (it may have been redriven already); the result of that one letter. */
export function requireFound(result: RedriveResult | undefined): RedriveResult & { outcome: Exclude<RedriveResult['outcome'], 'notFound'> } {
  if (!result || result.outcome === 'notFound') throw deadLetterMissing();
  return result as RedriveResult & { outcome: Exclude<RedriveResult['outcome'], 'notFound'> };
}

/** A replay whose consumer still fails is refused (after it is audited). */
export function requireReplayed(result: RedriveResult): void {
  if (result.outcome === 'failed') {
    throw conflict({ zh: `重放失败，处理器仍然报错：${result.reason ?? ''}`, en: `Replay failed, the consumer still fails: ${result.reason ?? ''}` }, { reason: 'consumer_failed' });
  }
}

export const replayAudit = (id: string, result: RedriveResult): AuditEntry => ({
  action: 'deadLetters.replay',
  entityType: 'deadLetter',
  entityId: id,
  summary: `重放死信 ${id}：${result.outcome}`,
});

const outcomeZh: Record<string, string> = { processed: '已处理', duplicate: '此前已处理', redriven: '已重新投递', failed: '失败', notFound: '未找到', notRedrivable: '无法重新投递' };

/** A filter as the audit names it: `module=hardship，source=rule`, or 全部. */
export const describeFilter = (filter: Record<string, unknown>): string =>
  Object.entries(filter)
    .map(([k, v]) => `${k}=${v}`)
    .join('，') || '全部';

/** One entry in the platform's own audit log per redrive, with what happened to each letter. */
export function redriveAudit(what: string, summary: RedriveSummary): AuditEntry {
  const outcomes = summary.results.map((r) => `${r.id}${r.copyOf ? '（副本）' : ''}：${outcomeZh[r.outcome] ?? r.outcome}`);
  return {
    action: 'platform.deadLetters.redrive',
    entityType: 'deadLetter',
    entityId: summary.results.length === 1 ? summary.results[0]!.id : `${summary.results.length}`,
    summary: `重新投递死信（${what}）：成功 ${summary.succeeded}，失败 ${summary.failed}，跳过 ${summary.skipped}。${outcomes.slice(0, 20).join('；')}${outcomes.length > 20 ? '；…' : ''}`.slice(0, 2000),
    changes: { outcomes: { to: summary.results.map(({ id, outcome, copyOf }) => ({ id, outcome, ...(copyOf ? { copyOf } : {}) })) } },
  };
}
