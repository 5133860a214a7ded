import { conflict, invalid, staleVersion } from '@ufp/core/errors';
import type { Item, Plan, Proposer } from './model.js';
import { MAX_CANDIDATES, newCandidate } from './plan.js';
import type { Target } from './targets.js';

/** Proposals a plan takes from its units during 征集. */
export const MAX_PROPOSALS = 200;

const notCollecting = () => conflict({ zh: '计划已结束征集（已票决），不能再提建议或初定', en: 'The plan is no longer collecting (it has been voted)' }, { reason: 'not_collecting' });

/** A unit reporter's proposal during 征集: the plan is still collecting and has room. */
export function checkProposal(plan: Plan): void {
  if (plan.status !== 'collecting') throw notCollecting();
  if ((plan.proposalCount ?? 0) >= MAX_PROPOSALS) throw invalid({ zh: `征集建议最多 ${MAX_PROPOSALS} 条`, en: `At most ${MAX_PROPOSALS} proposals` }, { field: 'planId' });
}

/** A unit's proposal: a candidate without its lead department (set at 初定), held back from the ballot until then. */
export function newProposal(plan: Plan, input: { title: string; description?: string; category: string }, targets: Target[], proposer: Proposer & { itemId: string }, now: Date): Item {
  const { itemId, ...who } = proposer;
  return { ...newCandidate(plan, { ...input, leadDept: '' }, targets, { itemId, proposedBy: who.sub }, now), stage: 'proposed', proposers: [who] };
}

function checkOpenProposal(plan: Plan, item: Item, field: string): void {
  if (plan.status !== 'collecting') throw notCollecting();
  if (item.planId !== plan.planId) throw invalid({ zh: '建议不属于该计划', en: 'The proposal is not in this plan' }, { field });
  if (item.stage !== 'proposed') {
    throw conflict({ zh: `该建议${item.stage === 'merged' ? '已合并' : '已初定'}，不能再处理`, en: `The proposal is already ${item.stage === 'merged' ? 'merged' : 'shortlisted'}` }, { reason: `already_${item.stage}`, field });
  }
}

/** 初定: staff take a proposal onto the candidate list, with the lead department (and budget) it lacked. */
export function shortlist(plan: Plan, item: Item, input: { version: number; leadDept: string; budgetFen?: number }, now: Date): { plan: Plan; item: Item } {
  checkOpenProposal(plan, item, 'itemId');
  if (input.version !== item.version) throw staleVersion();
  if (plan.candidateCount >= MAX_CANDIDATES) throw invalid({ zh: `候选项目最多 ${MAX_CANDIDATES} 个`, en: `At most ${MAX_CANDIDATES} candidates` }, { field: 'itemId' });
  const at = now.toISOString();
  return {
    plan: { ...plan, candidateCount: plan.candidateCount + 1, version: plan.version + 1, updatedAt: at },
    item: { ...item, stage: 'candidate', leadDept: input.leadDept, ...(input.budgetFen === undefined ? {} : { budgetFen: input.budgetFen }), version: item.version + 1, updatedAt: at },
  };
}

/** Duplicates merge: the proposal joins another proposal or candidate of the plan, which keeps every proposer. */
export function mergeProposal(plan: Plan, source: Item, into: Item, now: Date): { source: Item; into: Item } {
  checkOpenProposal(plan, source, 'itemId');
  if (into.itemId === source.itemId) throw invalid({ zh: '不能合并到自身', en: 'A proposal cannot merge into itself' }, { field: 'intoItemId' });
  if (into.planId !== plan.planId || (into.stage !== 'proposed' && into.stage !== 'candidate')) {
    throw invalid({ zh: '只能合并到本计划的征集建议或候选项目', en: "Merge into a proposal or candidate of this plan" }, { field: 'intoItemId' });
  }
  const at = now.toISOString();
  const known = into.proposers ?? [{ sub: into.proposedBy }];
  const added = (source.proposers ?? [{ sub: source.proposedBy }]).filter((p) => !known.some((k) => k.sub === p.sub && k.unitId === p.unitId));
  return {
    source: { ...source, stage: 'merged', mergedInto: into.itemId, version: source.version + 1, updatedAt: at },
    into: { ...into, proposers: [...known, ...added], version: into.version + 1, updatedAt: at },
  };
}
