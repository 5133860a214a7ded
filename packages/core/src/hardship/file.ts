import type { AidKind, FundSource } from './rules.js';
import type { TierResult } from './tier.js';
import type { FileStatus } from './workflow.js';

/** One entry of a file's timeline; never carries free text with personal data. */
export interface TimelineEntry {
  at: string;
  action: string;
  actor: string;
  on?: string;
}

/**
 * A hardship file as stored. Sensitive personal information (ID number, phone, household
 * figures, illness and findings) is stored only encrypted, next to masked forms.
 */
export interface HardshipFile {
  fileId: string;
  tenantId: string;
  unitId: string;
  status: FileStatus;
  worker: {
    name: string;
    nameMasked: string;
    idMasked: string;
    idEncrypted: string;
    phoneMasked?: string;
    phoneEncrypted?: string;
    migrant: boolean;
  };
  /** Tenant-scoped blind index of the ID number (the open-file guard key). */
  idIndex: string;
  /** Province-scoped blind index (the cross-tenant duplicate check key). */
  provinceIndex: string;
  householdSize: number;
  /** Household figures, members, causes, the explanation: encrypted JSON. */
  householdEncrypted: string;
  findingsEncrypted?: string;
  tier: TierResult;
  /** Year of the rule pack the tier was computed under. */
  rulesYear: number;
  consentGiven: true;
  createdBy: string;
  submittedBy?: string;
  submittedOn?: string;
  investigationDueOn?: string;
  visitedOn?: string;
  noticeStartsOn?: string;
  noticeEndsOn?: string;
  reviewedBy?: string;
  approvedOn?: string;
  lastVerifiedOn?: string;
  exitedOn?: string;
  followUpDueOn?: string;
  /** The post-exit follow-up visit (closes the follow-up clock); its findings are stored encrypted. */
  followedUpOn?: string;
  followUpFindingsEncrypted?: string;
  reentries: number;
  timeline: TimelineEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What is inside `householdEncrypted`. */
export interface HouseholdDetails {
  members: { relation: string; name: string; idMasked?: string; annualIncomeFen?: number; health?: string }[];
  annualIncomeFen: number;
  rigidExpensesFen: number;
  hardshipCostsFen?: number;
  assets?: string;
  causes: string[];
  events: string[];
  employmentStart?: string;
  explanation: string;
  explanationEn: string;
  perCapitaMonthlyFen: number;
}

export interface Grant {
  grantId: string;
  tenantId: string;
  fileId: string;
  year: number;
  kind: AidKind;
  amountFen: number;
  fundSource: FundSource;
  grantedOn: string;
  grantedBy: string;
  note?: string;
  bankAccountMasked?: string;
  bankAccountEncrypted?: string;
  createdAt: string;
}

export interface Fund {
  year: number;
  source: FundSource;
  budgetFen: number;
  grantedFen: number;
  remainingFen: number;
  version: number;
  updatedAt: string;
}
