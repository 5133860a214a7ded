import type { ClauseChange } from './clauses.js';
import type { Outcome } from './outcomes.js';
import type { PerformanceCheck } from './performance.js';
import type { DayCount } from '@ufp/core/calendar/calendar';
import type { EvidenceRef } from '@ufp/core/evidence/model';
import type { FilingDocumentKind } from './filing-kinds.js';
import { defineEnum } from '@ufp/kit/enum';

export const contractType = defineEnum({
  comprehensive: { zh: '综合性集体合同', en: 'Comprehensive' },
  special: { zh: '专项集体合同', en: 'Special' },
  industry: { zh: '行业性集体合同', en: 'Industry-wide' },
  regional: { zh: '区域性集体合同', en: 'Regional' },
});
export type ContractType = (typeof contractType.values)[number];

export const specialKind = defineEnum({
  wage: { zh: '工资专项', en: 'Wages' },
  skill_level_wage: { zh: '能级工资', en: 'Skill-level wages' },
  female_workers: { zh: '女职工权益保护', en: 'Female workers' },
  safety: { zh: '劳动安全卫生', en: 'Safety and health' },
  tech_innovation: { zh: '职工技术创新', en: 'Technical innovation' },
});
export type SpecialKind = (typeof specialKind.values)[number];

/** Skill grades of 能级工资 (国家职业资格五级), lowest first: a step's wage may not fall as the grade rises. */
export const skillGrade = defineEnum({
  junior: { zh: '初级工', en: 'Junior worker' },
  intermediate: { zh: '中级工', en: 'Intermediate worker' },
  senior: { zh: '高级工', en: 'Senior worker' },
  technician: { zh: '技师', en: 'Technician' },
  senior_technician: { zh: '高级技师', en: 'Senior technician' },
});
export type SkillGrade = (typeof skillGrade.values)[number];

/** The special protections a 女职工权益保护 contract agrees (《女职工劳动保护特别规定》), beyond which its note speaks. */
export const femaleProtection = defineEnum({
  menstrual: { zh: '经期保护', en: 'Menstrual period protection' },
  pregnancy: { zh: '孕期保护', en: 'Pregnancy protection' },
  maternity: { zh: '产期保护', en: 'Maternity protection' },
  nursing: { zh: '哺乳期保护', en: 'Nursing period protection' },
  gynecological_exam: { zh: '妇科检查', en: 'Gynaecological check-ups' },
  maternity_allowance: { zh: '生育津贴', en: 'Maternity allowance' },
  menopause: { zh: '更年期保护', en: 'Menopause protection' },
  harassment_prevention: { zh: '防治性骚扰', en: 'Prevention of sexual harassment' },
  equal_pay: { zh: '男女同工同酬', en: 'Equal pay' },
});
export type FemaleProtection = (typeof femaleProtection.values)[number];

/** One 能级工资 step: the monthly wage agreed for a skill grade. */
export interface SkillGradeWage {
  grade: SkillGrade;
  monthlyFen: number;
}

/** Industries for 行业性 contracts: a closed list so rollup rows stay bounded. */
export const industry = defineEnum({
  express: { zh: '快递行业', en: 'Express delivery' },
  logistics: { zh: '物流行业', en: 'Logistics' },
  construction: { zh: '建筑业', en: 'Construction' },
  catering: { zh: '餐饮服务业', en: 'Catering' },
  mining: { zh: '采矿业', en: 'Mining' },
  manufacturing: { zh: '制造业', en: 'Manufacturing' },
  retail: { zh: '商贸零售业', en: 'Retail' },
  platform_work: { zh: '平台用工（新就业形态）', en: 'Platform work' },
  other: { zh: '其他行业', en: 'Other' },
});
export type Industry = (typeof industry.values)[number];

export const contractStatus = defineEnum({
  draft: { zh: '草拟', en: 'Draft' },
  offer_sent: { zh: '已发要约', en: 'Offer sent' },
  offer_declined: { zh: '要约被拒', en: 'Offer declined' },
  negotiating: { zh: '协商中', en: 'Negotiating' },
  approved: { zh: '职代会已通过', en: 'Approved by congress' },
  signed: { zh: '已签订', en: 'Signed' },
  filed: { zh: '已报送审查', en: 'Filed for review' },
  effective: { zh: '已生效', en: 'Effective' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已到期', en: 'Expired' },
  terminated: { zh: '已解除', en: 'Terminated' },
  merged: { zh: '变更已生效（并入原合同）', en: 'Amendment merged' },
});
export type ContractStatus = (typeof contractStatus.values)[number];

export const inForceStatuses: readonly ContractStatus[] = ['effective', 'expiring'];
export const closedStatuses: readonly ContractStatus[] = ['expired', 'terminated', 'merged'];

/** The two sides of the bargaining table. */
export const bargainingSide = defineEnum({
  worker: { zh: '职工方', en: 'the worker side' },
  employer: { zh: '企业方', en: 'the employer side' },
});
export type Side = (typeof bargainingSide.values)[number];

/** How a natural-day or working-day clock counts (per rule, in the tenant's settings). */
export const dayCountKind = defineEnum({
  natural: { zh: '自然日', en: 'Natural days' },
  working: { zh: '工作日', en: 'Working days' },
});

export interface Representative {
  name: string;
  /** 职务 as free text (主席, 人力资源部经理, …). */
  role: string;
  /** An outside expert (本单位以外的专业人员, Art. 23). */
  outsider?: boolean;
  /** The head of the union's 女职工委员会 (worker side only; local rules). */
  femaleCommitteeHead?: boolean;
  /**
   * Optional identifying reference (工号 or an internal number — not an ID-card number) that
   * tells namesakes apart in the no-cross-holding check; see `samePerson`.
   */
  personRef?: string;
}

/** A seat left empty by replacement, resignation or force majeure (Art. 31): refill within 15 days. */
export interface Vacancy {
  memberIndex: number;
  name: string;
  vacatedOn: string;
  reason: string;
  recordedOn: string;
}

export interface RepresentativeSide {
  members: Representative[];
  chiefIndex: number;
  setOn: string;
  /** Worker side: the union has a 女职工委员会, so its head must be a representative (local rules). */
  femaleCommittee?: boolean;
  /** Open vacancies; setting the side again fills them. */
  vacancies?: Vacancy[];
}

export interface Round {
  no: number;
  heldOn: string;
  minutes: string;
  openIssues: string[];
  /** The clauses this round changed, each from → to (the contract's `clauses` is the version after the last round). */
  amendments?: ClauseChange[];
}

/**
 * How a draft passes (see `voteRuleOf`): `enterprise` — the unit's 职代会, ≥ 2/3 of all
 * representatives present AND > 1/2 of all approve (Art. 36); `sector` — an industry or regional
 * draft, > 1/2 of all the representatives of the enterprises that accept it (or of the region's
 * 职代会) approve, with no attendance quorum.
 */
export type VoteRule = 'enterprise' | 'sector';

export const voteRuleOf = (type: ContractType): VoteRule => (type === 'industry' || type === 'regional' ? 'sector' : 'enterprise');

export interface CongressVote {
  representativesTotal: number;
  /** Required under the enterprise rule; recorded when known under the sector rule. */
  present?: number;
  approve: number;
  passed: boolean;
  failed: ('quorum' | 'majority')[];
  /** Absent on votes recorded before the sector rule existed (they used the enterprise rule). */
  rule?: VoteRule;
  recordedOn: string;
}

export interface HistoryEntry {
  step: string;
  /** The business date the step names (sentOn, signedOn, …). */
  on: string;
  at: string;
  by: string;
  note?: string;
}

/** An amendment of a contract that ended: `merged` on the day it took effect, `ended` when it was terminated or could not take effect. */
export interface AmendmentRecord {
  contractId: string;
  openedOn: string;
  closedOn: string;
  outcome: 'merged' | 'ended';
  /** The clauses it changed (merged only). */
  changes?: ClauseChange[];
}

/** A collective contract (集体合同) and its negotiation record, as stored. */
export interface Contract {
  contractId: string;
  tenantId: string;
  title: string;
  type: ContractType;
  specialKind?: SpecialKind;
  unitId?: string;
  scope?: { industry?: Industry; regionCode?: string };
  employerParties: { name: string; uscc?: string }[];
  coveredEnterprises: number;
  coveredEmployees: number;
  term: { start: string; end: string };
  clauses: {
    wageGrowthPct?: number;
    minimumWageFen?: number;
    workingHours?: string;
    leave?: string;
    protections?: string;
    other?: string;
    /** 能级工资 steps by skill grade, lowest grade first (工资专项 and 能级工资 contracts only). */
    skillGradeWages?: SkillGradeWage[];
    /** The special protections of female workers (女职工权益保护 contracts only). */
    femaleProtections?: { items: FemaleProtection[]; note?: string };
    /** The safety and health items (劳动安全卫生 contracts only). */
    safetyItems?: string[];
  };
  status: ContractStatus;
  offer?: { sentOn: string; fromSide: Side; repliedOn?: string; accepted?: boolean };
  representatives: Partial<Record<Side, RepresentativeSide>>;
  rounds: Round[];
  congress?: CongressVote;
  signedOn?: string;
  /** `documents`: the 备案材料 that went with it (absent on filings made before the system kept the package). */
  filing?: { filedOn: string; dueOn: string; lateDays: number; documents?: (EvidenceRef & { kind: FilingDocumentKind })[] };
  /** `opinionFile`: the bureau's 审查意见书 (required with an objection, see `reviewOpinionRef`). */
  review?: { objectionOn?: string; opinion?: string; opinionFile?: EvidenceRef; recordedOn: string };
  effectiveOn?: string;
  publishedOn?: string;
  performanceChecks: PerformanceCheck[];
  terminated?: { reason: string; on: string };
  predecessorId?: string;
  successorId?: string;
  /** An amendment (变更协议, Art. 40–41): the contract in force it amends. It runs the bargaining steps and, in effect, merges into it. */
  amends?: string;
  /** The open amendment of this contract (at most one). */
  amendment?: { contractId: string; openedOn: string };
  /** Its amendments that ended: merged (the clauses became this contract's) or ended without effect. */
  amendments?: AmendmentRecord[];
  /** The legal clocks the daily tick found overdue and no step has answered yet (see `overdueClockIds`). */
  overdueClocks?: string[];
  /** How its timed duties ended (reply, review, yearly checks), each once: the compliance indicators count these. */
  outcomes?: Outcome[];
  history: HistoryEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Which rules count natural days and which working days, per tenant (DOMAIN.md §3). */
export const clockRules = ['offerReply', 'repVacancy', 'filing', 'review', 'publish'] as const;
export type ClockRule = (typeof clockRules)[number];

export const clockRuleDays: Record<ClockRule, number> = { offerReply: 20, repVacancy: 15, filing: 10, review: 15, publish: 10 };

export const clockRuleLabels: Record<ClockRule | 'renewalWindow' | 'expiry' | 'performanceCheck', { zh: string; en: string; basis: string }> = {
  offerReply: { zh: '要约书面回应', en: 'Written reply to the offer', basis: '《集体合同规定》第三十二条' },
  repVacancy: { zh: '协商代表空缺补足', en: 'Refill the vacant representative seat', basis: '《集体合同规定》第三十一条' },
  filing: { zh: '报送人社部门审查', en: 'File with the HR bureau', basis: '《集体合同规定》第四十二条' },
  review: { zh: '人社部门审查期', en: 'Review by the HR bureau', basis: '《集体合同规定》第四十五、四十七条（期满无异议，次日起生效）' },
  publish: { zh: '向全体职工公布', en: 'Publish to all workers', basis: '《集体合同规定》第四十八条（地方规定）' },
  performanceCheck: { zh: '年度履约检查', en: 'Yearly performance check', basis: '履约监督：每个合同年度至少检查一次履约情况并向职代会报告（地方规定）' },
  renewalWindow: { zh: '续签窗口开启（到期前3个月）', en: 'Renewal window opens (3 months before expiry)', basis: '《集体合同规定》第三十八条' },
  expiry: { zh: '合同期满', en: 'Term ends', basis: '《集体合同规定》第三十八条' },
};

export interface ContractSettings {
  /** Natural or working days, per rule. */
  dayCount: Record<ClockRule, DayCount>;
  /** A natural-day period ending on a rest day runs to the next working day (民法典 Art. 203). */
  extendOnRestDay: boolean;
  /** The local monthly minimum wage in fen; a clause below it is rejected (劳动合同法 Art. 55). */
  minimumWageFen?: number;
  /** Outside experts may be at most num/den of a side (local rule, default 1/3). */
  outsiderShareMax: { num: number; den: number };
  /** Days to publish after taking effect (local rule); 0 turns the clock off. */
  publishWithinDays: number;
  /** The 备案材料 a filing needs (what the local bureau asks for; default `DEFAULT_FILING_DOCUMENTS`). */
  requiredFilingDocuments: FilingDocumentKind[];
  version: number;
}

export const defaultContractSettings: ContractSettings = {
  dayCount: { offerReply: 'natural', repVacancy: 'natural', filing: 'natural', review: 'natural', publish: 'natural' },
  extendOnRestDay: false,
  outsiderShareMax: { num: 1, den: 3 },
  publishWithinDays: 10,
  requiredFilingDocuments: ['contract_text', 'congress_resolution', 'representative_lists', 'offer_and_reply'],
  version: 0,
};
