import { conflict } from '@ufp/core/errors';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { contractAmended } from '../events.js';
import { clauseChanges, clauseLabels, type ClauseChange } from './clauses.js';
import { contractStatus, inForceStatuses, type AmendmentRecord, type Contract } from './contract.js';
import { historyStep } from './lifecycle.js';
import { amendedClauseMetrics } from './metrics.js';

/** The title an amendment carries: 变更协议 of the contract it amends. */
export const amendmentTitle = (parent: Pick<Contract, 'title'>) => `${parent.title}（变更协议）`;

/**
 * Whether `c` may be amended now (《集体合同规定》第四十、四十一条): only a contract in force, not itself an amendment,
 * with no amendment already open. A 409 saying which otherwise (the open one named), before the step order is checked.
 */
export function checkAmendable(c: Contract): void {
  if (c.amends) {
    throw conflict(
      { zh: `「${c.title}」本身是变更协议，不能再变更；请变更原合同`, en: `"${c.title}" is itself an amendment and cannot be amended; amend the contract it amends` },
      { reason: 'amendment_of_amendment', amends: c.amends },
    );
  }
  if (c.amendment) {
    throw conflict(
      { zh: `已有一份变更协议正在进行（${c.amendment.openedOn} 发起，编号 ${c.amendment.contractId}），须待其生效或终止后再发起变更`, en: `An amendment is already open (opened on ${c.amendment.openedOn}, ${c.amendment.contractId}); it must take effect or end first` },
      { reason: 'amendment_open', amendmentId: c.amendment.contractId },
    );
  }
  if (!inForceStatuses.includes(c.status)) {
    const status = contractStatus.labels[c.status];
    throw conflict(
      { zh: `当前状态为「${status.zh}」，只有生效期内（已生效或即将到期）的合同可以变更`, en: `The contract is ${status.en.toLowerCase()}: only a contract in force (effective or expiring) can be amended` },
      { reason: 'not_in_force', status: c.status, step: 'amend', expected: [] },
    );
  }
}

/**
 * The amendment's draft: a contract of the same type, parties, coverage and term with the clauses in force, none of
 * the parent's record, linked to it by `amends`. It then runs the bargaining steps from the offer.
 */
export function amendmentDraft(parent: Contract, amendmentId: string, ctx: DecideContext): Contract {
  const { offer: _o, congress: _c, signedOn: _s, filing: _f, review: _r, effectiveOn: _e, publishedOn: _p, terminated: _t, successorId: _n, predecessorId: _d, overdueClocks: _m, outcomes: _x, amendment: _a, amendments: _as, ...kept } = parent;
  const now = ctx.now.toISOString();
  return {
    ...kept,
    contractId: amendmentId,
    title: amendmentTitle(parent),
    status: 'draft',
    representatives: {},
    rounds: [],
    performanceChecks: [],
    amends: parent.contractId,
    history: [{ step: 'create', on: ctx.today, at: now, by: ctx.scope.actor.sub, note: `变更协议，变更「${parent.title}」` }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** What the end of an amendment does to the contract it amends. */
export interface AmendmentEnd {
  amendment: Pick<Contract, 'contractId' | 'clauses' | 'title'>;
  outcome: AmendmentRecord['outcome'];
  on: string;
  at: string;
  by: string;
  /** Why it ended without effect (`ended`). */
  reason?: string;
}

/**
 * Closes the parent's open amendment: `merged` — the amendment took effect, so its clauses become the parent's (the
 * changes named in the history via `clauseChanges`, and the wage-growth stocks moved when the parent is in force);
 * `ended` — terminated or unable to take effect, the parent's clauses unchanged. Either way the open marker is cleared
 * and the amendment is kept in the parent's `amendments`. A parent whose marker names another amendment is a 409.
 */
export function closeAmendment(parent: Contract, end: AmendmentEnd): Decision<Contract> & { changes: ClauseChange[] } {
  const open = parent.amendment;
  if (!open || open.contractId !== end.amendment.contractId) {
    throw conflict(
      { zh: `「${parent.title}」没有进行中的变更协议 ${end.amendment.contractId}`, en: `"${parent.title}" has no open amendment ${end.amendment.contractId}` },
      { reason: 'no_such_amendment', amendmentId: end.amendment.contractId },
    );
  }
  const merged = end.outcome === 'merged';
  const changes = merged ? clauseChanges(parent.clauses, end.amendment.clauses) : [];
  const record: AmendmentRecord = { contractId: open.contractId, openedOn: open.openedOn, closedOn: end.on, outcome: end.outcome, ...(merged ? { changes } : {}) };
  const changed = changes.map((ch) => clauseLabels[ch.clause].zh).join('、');
  const note = merged
    ? `变更协议「${end.amendment.title}」生效（《集体合同规定》第四十、四十一条），${changes.length ? `变更条款 ${changes.length} 项（${changed}）` : '条款未作实质变更'}`
    : `变更协议「${end.amendment.title}」终止${end.reason ? `：${end.reason}` : ''}，原合同条款不变`;
  const step = merged ? 'amendment.merged' : 'amendment.ended';
  const { amendment: _open, ...rest } = parent;
  const after: Contract = {
    ...rest,
    ...(merged ? { clauses: end.amendment.clauses } : {}),
    amendments: [...(parent.amendments ?? []), record],
    history: [...parent.history, { step, on: end.on, at: end.at, by: end.by, note }],
    updatedAt: end.at,
  };
  const metrics = merged ? amendedClauseMetrics(parent, end.amendment.clauses) : {};
  return {
    after,
    changes,
    events: merged ? [contractAmended.create({ contractId: parent.contractId, type: parent.type, amendmentId: open.contractId, ...(Object.keys(metrics).length ? { metrics } : {}) })] : [],
    audit: {
      action: `contracts.${step}`,
      entityType: 'contract',
      entityId: parent.contractId,
      summary: `集体合同「${parent.title}」：${historyStep.labels[step].zh}（${note}）`,
      changes: merged ? { clauses: { from: parent.clauses, to: end.amendment.clauses } } : { amendment: { from: open.contractId, to: null } },
    },
  };
}

/** A linked contract as the contract page names it. */
export interface LinkedContract {
  contractId: string;
  title: string;
  status: Contract['status'];
}

/** What `contracts.get` shows beside the record: the contract an amendment amends; a contract's open and past amendments. */
export interface AmendmentLinks {
  amends?: LinkedContract;
  openAmendment?: LinkedContract & { openedOn: string };
  pastAmendments: (LinkedContract & AmendmentRecord)[];
}

const linked = (c: Contract | undefined, id: string): LinkedContract => ({ contractId: id, title: c?.title ?? id, status: c?.status ?? 'terminated' });

export function amendmentLinks(c: Contract, related: readonly Contract[]): AmendmentLinks {
  const byId = (id: string) => related.find((r) => r.contractId === id);
  return {
    ...(c.amends ? { amends: linked(byId(c.amends), c.amends) } : {}),
    ...(c.amendment ? { openAmendment: { ...linked(byId(c.amendment.contractId), c.amendment.contractId), openedOn: c.amendment.openedOn } } : {}),
    pastAmendments: (c.amendments ?? []).map((a) => ({ ...linked(byId(a.contractId), a.contractId), ...a })),
  };
}
