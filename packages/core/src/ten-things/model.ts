import type { ItemStatus } from './status.js';
import type { Target } from './targets.js';
import type { BallotResult, VoteTie } from './vote.js';

export type PlanStatus = 'collecting' | 'tie_pending' | 'adopted';
export type ItemStage = 'candidate' | 'adopted' | 'not_adopted' | 'tied';

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
  vote?: VoteRecord;
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
  proposedBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const itemCategories = ['skills', 'culture', 'care', 'health', 'legal', 'women', 'new_forms', 'platform', 'other'] as const;
