import { defineEnum } from '@ufp/kit/enum';
import type { ItemStatus } from './status.js';
import type { Target } from './targets.js';
import type { BallotResult, VoteTie } from './vote.js';

export const PlanStatus = defineEnum({
  collecting: { zh: '征集中', en: 'Collecting candidates' },
  tie_pending: { zh: '并列待决定', en: 'Tie to be decided' },
  adopted: { zh: '已票决', en: 'Adopted' },
  closed: { zh: '已结项', en: 'Closed' },
});
export type PlanStatus = (typeof PlanStatus.values)[number];

export const ItemStage = defineEnum({
  proposed: { zh: '征集建议', en: 'Proposed' },
  merged: { zh: '已合并', en: 'Merged' },
  candidate: { zh: '候选', en: 'Candidate' },
  adopted: { zh: '票决通过', en: 'Adopted' },
  not_adopted: { zh: '未通过', en: 'Not adopted' },
  tied: { zh: '得票并列', en: 'Tied' },
});
export type ItemStage = (typeof ItemStage.values)[number];

export interface VoteRecord {
  representativesTotal: number;
  present: number;
  quorumRequired: number;
  maxAdopted: number;
  results: BallotResult[];
  adopted: string[];
  tie?: VoteTie;
  /** The plenary's pick among tied candidates, recorded once. */
  tieResolution?: { candidateIds: string[]; recordedAt: string; recordedBy: string };
  recordedAt: string;
  recordedBy: string;
}

export interface Plan {
  planId: string;
  tenantId: string;
  year: number;
  title: string;
  status: PlanStatus;
  candidateCount: number;
  /** Proposals received from the units during 征集 (shortlisted ones also count as candidates). */
  proposalCount?: number;
  vote?: VoteRecord;
  /** The year-end 测评 by the representatives (the items hold each one's tally). */
  evaluation?: { representativesTotal: number; respondents: number; floorPercent: number; recordedAt: string; recordedBy: string };
  closedAt?: string;
  closedBy?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Milestone {
  quarter: 1 | 2 | 3 | 4;
  /** Cumulative share of the year's target expected by the end of the quarter, in percent. */
  share: number;
}

export interface Assignment {
  leadDept: string;
  coUnitIds: string[];
  milestones: Milestone[];
  assignedAt: string;
  assignedBy: string;
}

export interface Item {
  itemId: string;
  planId: string;
  tenantId: string;
  year: number;
  title: string;
  description?: string;
  category: string;
  leadDept: string;
  budgetFen?: number;
  targets: Target[];
  stage: ItemStage;
  /** Running totals per target, kept in step with the ledger in the same transaction as each entry. */
  achieved: number[];
  entryCount: number;
  /** The item's ballot at the vote. */
  votes?: { for: number; against: number; abstain: number; rank?: number };
  assignment?: Assignment;
  satisfaction: { sum: number; count: number };
  /** Last computed status and completion (basis points), for the rollup deltas. */
  status?: ItemStatus;
  completionBp?: number;
  /** Set while the item is done: whether it was completed on or before its due date (see `itemDueOn`). */
  doneOnTime?: boolean;
  /** The Asia/Shanghai day of the latest hand-made progress report (the 监督 cycle's reminders read it). */
  lastReportedOn?: string;
  /** The representatives' year-end 测评 of the item. */
  evaluation?: { satisfied: number; basic: number; dissatisfied: number };
  /** Set when the plan is closed: the item takes no more changes. */
  closedAt?: string;
  proposedBy: string;
  /** Who proposed it during 征集: the unit's reporter, and those of the proposals merged into it. */
  proposers?: Proposer[];
  /** A proposal merged into another (which keeps its proposers). */
  mergedInto?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Proposer {
  sub: string;
  unitId?: string;
  /** The unit's name when it proposed (an organisation, never a person). */
  unitName?: string;
}

export const ItemCategory = defineEnum({
  skills: { zh: '技能提升', en: 'Skills' },
  culture: { zh: '文化阅读', en: 'Culture' },
  care: { zh: '关爱服务', en: 'Care' },
  health: { zh: '健康体检', en: 'Health' },
  legal: { zh: '法律服务', en: 'Legal' },
  women: { zh: '女职工', en: 'Women workers' },
  new_forms: { zh: '新就业形态', en: 'New forms of work' },
  platform: { zh: '平台建设', en: 'Platform' },
  other: { zh: '其他', en: 'Other' },
});
