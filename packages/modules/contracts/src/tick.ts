import { autoEffect, openClocks } from '@ufp/core/contracts/clocks';
import { contractStatusLabels, type Contract, type ContractSettings } from '@ufp/core/contracts/contract';
import { stepLabels, termTransition } from '@ufp/core/contracts/lifecycle';
import { changeDay, statusChangeMetrics, unitCoverageMetrics } from '@ufp/core/contracts/metrics';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { ContractRepository, workCalendar, type UnitCoverage } from '@ufp/db/repositories/contracts';
import { NotificationRepository, type Notification } from '@ufp/db/repositories/notifications';
import type { Table } from '@ufp/db/table';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { TICK_ACTOR, type TenantTickJob } from '@ufp/events/consumers/daily-tick';


/**
 * The 集体合同 legal clocks, once a day: a filed contract with no objection takes effect on the
 * day after the review period's last day (the bureau may still object on that last day, see
 * `autoEffect`), an in-force contract starts expiring 90 days before its end and
 * expires after it; due and overdue clocks raise in-app notifications. Each contract's change is
 * its own versioned transaction and each notification is keyed by what it is about, so a rerun
 * of the same day changes nothing.
 */
export function contractsTickJob(table: Table): TenantTickJob {
  const contracts = new ContractRepository(table);
  const inbox = new NotificationRepository(table);
  return {
    name: 'contracts',
    async run({ today, envelope, tenant }) {
      const cal = await workCalendar(table, { fresh: true });
      const settings = await contracts.settings(tenant.id);
      for (const c of await contracts.all({ tenantId: tenant.id })) {
        if (c.status === 'expired' || c.status === 'terminated') continue;
        const at = envelope.time;
        const after = await advance(table, contracts, inbox, tenant, c, settings, today, envelope.id, at, cal);
        await notifyClocks(inbox, after, settings, today, at, cal);
      }
    },
  };
}

async function advance(table: Table, repo: ContractRepository, inbox: NotificationRepository, tenant: Tenant, before: Contract, settings: ContractSettings, today: string, correlationId: string, at: string, cal: WorkCalendar): Promise<Contract> {
  let c = before;
  const scope: TenantScope = { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: TICK_ACTOR };
  const uow = new UnitOfWork(table, { scope, correlationId, now: new Date(at) });
  const notices: Notification[] = [];
  const step = (status: Contract['status'], stepName: 'effective' | 'expiring' | 'expired', on: string, note: string, what = { zh: `${stepLabels[stepName].zh}（${on}）`, en: `${stepLabels[stepName].en} (${on})` }) => {
    c = { ...c, status, history: [...c.history, { step: stepName, on, at, by: TICK_ACTOR.sub, note }] };
    notices.push({
      id: `${c.contractId}#${stepName}`,
      tenantId: tenant.id,
      module: 'contracts',
      type: `contract_${stepName}`,
      href: `/contracts/${c.contractId}`,
      contractId: c.contractId,
      title: { zh: `「${c.title}」${what.zh}`, en: `"${c.title}": ${what.en}` },
      dueOn: on,
      createdAt: at,
    });
  };

  // The unit's count of contracts in force, read on the first change, moved in memory through each and written once.
  let coverage: UnitCoverage | undefined;
  let covered = 0;
  /** One event per status change; its stock deltas dated the day the change happened (see changeDay). */
  const emitChange = async (type: string, from: Contract['status'], to: 'effective' | 'expiring' | 'expired', data: Record<string, unknown>) => {
    const metrics = statusChangeMetrics(c, from, to);
    const inForceDelta = metrics['contracts.inForce'] ?? 0;
    if (c.unitId && inForceDelta !== 0) {
      if (!coverage) covered = (coverage = await repo.unitCoverage(tenant.id, c.unitId)).count;
      const was = covered;
      covered = Math.max(0, covered + inForceDelta);
      Object.assign(metrics, unitCoverageMetrics(was, covered));
    }
    const year = yearOf(changeDay(c, to, c.effectiveOn ?? today));
    uow.emit({ type, data: { contractId: c.contractId, type: c.type, ...data, year, ...(Object.keys(metrics).length ? { metrics } : {}) } });
  };

  if (c.status === 'filed' && c.filing && !c.review?.objectionOn) {
    const { review, effectiveOn } = autoEffect(c.filing.filedOn, settings, cal);
    if (today >= effectiveOn) {
      const from = c.status;
      step(
        'effective',
        'effective',
        effectiveOn,
        `审查期至 ${review.dueOn} 届满，人社部门未提出异议，自 ${effectiveOn} 起生效（《集体合同规定》第四十七条）${review.provisional ? '（期限按暂定日历计算）' : ''}`,
        { zh: `审查期至 ${review.dueOn} 届满无异议，自 ${effectiveOn} 起生效`, en: `no objection in the review period (ended ${review.dueOn}); in effect from ${effectiveOn}` },
      );
      c = { ...c, effectiveOn };
      // One event when it takes effect: +1 in force from that day until it expires or is terminated.
      await emitChange('contracts.contract.effective', from, 'effective', { industry: c.scope?.industry, coveredEmployees: c.coveredEmployees, effectiveOn });
    }
  }
  for (let next = termTransition(c.status, c.term.end, today); next; next = termTransition(c.status, c.term.end, today)) {
    const from = c.status;
    if (next === 'expiring') {
      step('expiring', 'expiring', today, '距期满不足90日');
      await emitChange('contracts.contract.expiring', from, 'expiring', { termEnd: c.term.end });
    } else {
      step('expired', 'expired', today, '合同期满');
      // No longer in force from the day after its end: the stock indicators drop in that day's year.
      await emitChange('contracts.contract.expired', from, 'expired', { termEnd: c.term.end });
    }
  }
  if (coverage && covered !== coverage.count) repo.setUnitCoverage(uow, coverage, covered);
  if (c === before) return before;
  const after: Contract = { ...c, version: before.version + 1, updatedAt: at };
  repo.replace(uow, before, after);
  uow.audit({ action: 'contracts.tick', entityType: 'contract', entityId: c.contractId, summary: `集体合同「${c.title}」：${contractStatusText(before.status)} → ${contractStatusText(after.status)}（${today} 法定期限）`, changes: { status: { from: before.status, to: after.status } } });
  await uow.commit();
  for (const n of notices) await inbox.notify(n);
  return after;
}

async function notifyClocks(inbox: NotificationRepository, c: Contract, settings: ContractSettings, today: string, at: string, cal: WorkCalendar): Promise<void> {
  for (const clock of openClocks(c, settings, today, cal)) {
    if (clock.state === 'open') continue;
    if (clock.kind === 'review') continue; // the review clock ends in auto-effect, not in a duty
    const when = { due_soon: { zh: `将于 ${clock.dueOn} 到期`, en: `due on ${clock.dueOn}` }, due_today: { zh: '今日到期', en: 'due today' }, overdue: { zh: `已逾期（期限至 ${clock.dueOn} 止）`, en: `overdue (the last day was ${clock.dueOn})` } }[clock.state];
    await inbox.notify({
      id: `${c.contractId}#${clock.kind}${clock.side ? `:${clock.side}` : ''}#${clock.dueOn}#${clock.state}`,
      tenantId: c.tenantId,
      module: 'contracts',
      type: clock.state === 'overdue' ? 'clock_overdue' : clock.state === 'due_today' ? 'clock_due_today' : 'clock_due_soon',
      href: `/contracts/${c.contractId}`,
      contractId: c.contractId,
      title: { zh: `「${c.title}」${clock.label.zh}${when.zh}${clock.provisional ? '（暂定）' : ''}`, en: `"${c.title}": ${clock.label.en} ${when.en}${clock.provisional ? ' (provisional)' : ''}` },
      dueOn: clock.dueOn,
      createdAt: at,
    });
  }
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const contractStatusText = (s: Contract['status']) => contractStatusLabels[s].zh;
