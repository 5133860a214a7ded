import { shanghaiDate } from '@ufp/core/clock';
import { invalid } from '@ufp/core/errors';
import type { DefinedEvent } from '@ufp/core/events';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { planAdopted } from '../events.js';
import { adoptionMetrics, isDoneOnTime } from './apply.js';
import type { Item, ItemStage, Plan } from './model.js';
import { itemProgress, type TenThingsSettings } from './status.js';
import { parseTargetsText, targetsTextError, type Target } from './targets.js';
import { checkTieResolution, tallyVote, type Ballot, type VoteOutcome } from './vote.js';

export const MAX_CANDIDATES = 40;
export const MAX_TARGETS = 20;

export function newPlan(input: { planId: string; year: number; title: string }, scope: TenantScope, now: Date): Plan {
  return { ...input, tenantId: scope.tenantId, status: 'collecting', candidateCount: 0, version: 1, createdAt: now.toISOString(), updatedAt: now.toISOString() };
}

export interface Proposal {
  title: string;
  description?: string;
  category: string;
  leadDept: string;
  budgetFen?: number;
  targets?: Target[];
  targetsText?: string;
}

/** The targets of a proposed candidate (typed ones, then those parsed from the text), checked against the plan. */
export function proposalTargets(plan: Plan, input: Pick<Proposal, 'targets' | 'targetsText'>): Target[] {
  if (plan.status !== 'collecting') throw invalid({ zh: '计划已票决，不能再提交候选项目', en: 'The plan has been voted; no more candidates' }, { field: 'planId' });
  if (plan.candidateCount >= MAX_CANDIDATES) throw invalid({ zh: `候选项目最多 ${MAX_CANDIDATES} 个`, en: `At most ${MAX_CANDIDATES} candidates` }, { field: 'planId' });
  return targetsOf(plan, input);
}

/** The typed targets, then those parsed from the text: at least one, at most MAX_TARGETS, deadlines in the plan year. */
export function targetsOf(plan: Plan, input: Pick<Proposal, 'targets' | 'targetsText'>): Target[] {
  const targets: Target[] = [...(input.targets ?? [])];
  if (input.targetsText) targets.push(...parsedTargets(input.targetsText).targets);
  if (targets.length === 0) throw invalid({ zh: '请至少填写一个量化指标', en: 'Give at least one quantified target' }, { field: 'targetsText' });
  if (targets.length > MAX_TARGETS) throw invalid({ zh: `指标最多 ${MAX_TARGETS} 个`, en: `At most ${MAX_TARGETS} targets` }, { field: 'targets' });
  targets.forEach((t, i) => {
    if (t.deadline && !t.deadline.startsWith(String(plan.year))) {
      throw invalid({ zh: `截止日期须在 ${plan.year} 年内`, en: `The deadline must fall in ${plan.year}` }, { field: `targets.${i}.deadline` });
    }
  });
  return targets;
}

/** The targets text read by the parser, or its refusal naming the clause. */
export function parsedTargets(text: string) {
  const parsed = parseTargetsText(text);
  if (!parsed.ok) throw targetsTextError(parsed);
  return parsed.value;
}

export function newCandidate(plan: Plan, input: Proposal, targets: Target[], ids: { itemId: string; proposedBy: string }, now: Date): Item {
  return {
    itemId: ids.itemId,
    planId: plan.planId,
    tenantId: plan.tenantId,
    year: plan.year,
    title: input.title,
    description: input.description || undefined,
    category: input.category,
    leadDept: input.leadDept,
    budgetFen: input.budgetFen,
    targets,
    stage: 'candidate',
    achieved: targets.map(() => 0),
    entryCount: 0,
    satisfaction: { sum: 0, count: 0 },
    proposedBy: ids.proposedBy,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

export interface VoteInput {
  planId: string;
  representativesTotal: number;
  present: number;
  ballots: Ballot[];
}

/** A plan with its items: what the vote and the plenary's decision on a tie change together. */
export type PlanWithItems = Plan & { items: Item[] };

/** The vote is recorded once, on candidates of this plan; the tally's own refusals follow. */
export function voteOutcome(before: PlanWithItems, input: VoteInput, settings: Pick<TenThingsSettings, 'maxAdopted'>): VoteOutcome {
  if (before.vote) throw invalid({ zh: '该计划已完成票决，票决结果不可更改', en: 'The vote is recorded and cannot be changed' }, { field: 'planId' });
  // Only candidates go to the vote: a proposal not shortlisted (初定), or merged, is not on the ballot.
  const ids = new Set(before.items.filter((i) => i.stage === 'candidate').map((i) => i.itemId));
  input.ballots.forEach((b, i) => {
    if (!ids.has(b.candidateId)) throw invalid({ zh: '候选项目不属于该计划', en: 'Candidate is not in this plan' }, { field: `ballots.${i}.candidateId` });
  });
  return tallyVote({ ...input, maxAdopted: settings.maxAdopted });
}

export interface Decided {
  after: PlanWithItems;
  events: DefinedEvent[];
  adopted: Item[];
}

/** 票决: the plan records the vote; candidates become adopted, tied or not adopted. */
export function recordVote(before: PlanWithItems, input: VoteInput, outcome: VoteOutcome, settings: Pick<TenThingsSettings, 'maxAdopted'>, by: string, now: Date): Decided {
  const votes = new Map(outcome.results.map((r) => [r.candidateId, r]));
  const adoptedIds = new Set(outcome.adopted);
  const tied = new Set(outcome.tie?.candidateIds ?? []);
  // Proposals never shortlisted and merged ones stay as they were: they were not on the ballot.
  const items = before.items.map((item) => (item.stage !== 'candidate' ? item : withStage(item, adoptedIds.has(item.itemId) ? 'adopted' : tied.has(item.itemId) ? 'tied' : 'not_adopted', votes.get(item.itemId), now)));
  const plan: Plan = {
    ...withoutItems(before),
    status: outcome.tie ? 'tie_pending' : 'adopted',
    vote: {
      representativesTotal: input.representativesTotal,
      present: input.present,
      quorumRequired: outcome.quorum.required,
      maxAdopted: settings.maxAdopted,
      results: outcome.results,
      adopted: outcome.adopted,
      tie: outcome.tie,
      recordedAt: now.toISOString(),
      recordedBy: by,
    },
    updatedAt: now.toISOString(),
  };
  return adoption(plan, items);
}

/** The plenary's pick among the tied candidates: exactly the open seats, recorded once. */
export function resolveTie(before: PlanWithItems, candidateIds: string[], by: string, now: Date): Decided {
  const vote = before.vote;
  const tie = vote?.tie;
  if (!vote || !tie || vote.tieResolution) throw invalid({ zh: '该计划没有待决定的并列票', en: 'There is no open tie in this plan' }, { field: 'planId' });
  checkTieResolution(tie, candidateIds);
  const chosen = new Set(candidateIds);
  const items = before.items.map((item) => (tie.candidateIds.includes(item.itemId) ? withStage(item, chosen.has(item.itemId) ? 'adopted' : 'not_adopted', undefined, now) : item));
  const plan: Plan = { ...withoutItems(before), status: 'adopted', vote: { ...vote, tieResolution: { candidateIds, recordedAt: now.toISOString(), recordedBy: by } }, updatedAt: now.toISOString() };
  return adoption(plan, items, new Set(tie.candidateIds));
}

function adoption(plan: Plan, items: Item[], changing?: ReadonlySet<string>): Decided {
  const adopted = items.filter((i) => i.stage === 'adopted' && (!changing || changing.has(i.itemId)));
  const events = adopted.length
    ? [planAdopted.create({ planId: plan.planId, year: plan.year, adopted: adopted.length, itemIds: adopted.map((i) => i.itemId), metrics: adoptionMetrics(adopted.map((i) => i.status ?? 'on_track'), adopted.filter((i) => i.doneOnTime).length) })]
    : [];
  return { after: { ...plan, items }, events, adopted };
}

function withStage(item: Item, stage: ItemStage, votes: { for: number; against: number; abstain: number; rank?: number } | undefined, now: Date): Item {
  const status = stage === 'adopted' ? itemProgress(item, now).status : undefined;
  return {
    ...item,
    stage,
    ...(votes ? { votes: { for: votes.for, against: votes.against, abstain: votes.abstain, rank: votes.rank } } : {}),
    status,
    completionBp: stage === 'adopted' ? 0 : undefined,
    doneOnTime: status === 'done' ? isDoneOnTime(item, shanghaiDate(now)) : undefined,
    version: item.version + 1,
    updatedAt: now.toISOString(),
  };
}

export function withoutItems({ items: _items, ...plan }: PlanWithItems): Plan {
  return plan;
}
