import { conflict, DomainError } from '@ufp/core/errors';
import type { Contract, ContractSettings } from './contract.js';
import { checkMinimumWage } from './rules.js';

export type Clauses = Contract['clauses'];
export type ClauseKey = keyof Clauses;
export type ClauseValue = Clauses[ClauseKey];

/** One clause a bargaining round changed: its value before (absent when new) and the agreed value. */
export interface ClauseChange {
  clause: ClauseKey;
  from?: ClauseValue;
  to: ClauseValue;
}

export const clauseLabels: Record<ClauseKey, { zh: string; en: string }> = {
  wageGrowthPct: { zh: '工资增长幅度（%）', en: 'Wage growth (%)' },
  minimumWageFen: { zh: '最低工资（元/月）', en: 'Minimum wage (yuan/month)' },
  workingHours: { zh: '工作时间', en: 'Working hours' },
  leave: { zh: '休息休假', en: 'Rest and leave' },
  protections: { zh: '劳动保护', en: 'Protections' },
  other: { zh: '其他条款', en: 'Other clauses' },
};

/** The clauses in their order (the form's, the diff's). */
export const clauseKeys = ['wageGrowthPct', 'minimumWageFen', 'workingHours', 'leave', 'protections', 'other'] as const satisfies readonly ClauseKey[];

/** The clauses a round's amendments actually change, in the clauses' order (an amendment to the same value is none). */
export function clauseChanges(before: Clauses, amendments: Partial<Clauses> | undefined): ClauseChange[] {
  if (!amendments) return [];
  return clauseKeys
    .filter((k) => amendments[k] !== undefined && amendments[k] !== before[k])
    .map((k) => ({ clause: k, ...(before[k] !== undefined ? { from: before[k] } : {}), to: amendments[k] }));
}

/**
 * The legal floors a version of the clauses must meet: today the local minimum wage (劳动合同法 Art. 55). Checked when
 * a round agrees a change and again on the version put to the vote — the floor may have been raised meanwhile.
 */
export function checkLegalFloors(clauses: Clauses, settings: Pick<ContractSettings, 'minimumWageFen'>): void {
  checkMinimumWage(clauses.minimumWageFen, settings);
}

/** The floors on the draft put to the 职代会 vote: a draft below one cannot be voted on (409 naming the clause and the law). */
export function checkDraftForVote(clauses: Clauses, settings: Pick<ContractSettings, 'minimumWageFen'>): void {
  try {
    checkLegalFloors(clauses, settings);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    throw conflict(
      { zh: `草案不能提交职代会审议：${e.text.zh}。请在协商中修改该条款后再审议`, en: `The draft cannot be put to the vote: ${e.text.en}. Amend the clause in a bargaining round first` },
      { ...e.details, reason: 'below_legal_floor' },
    );
  }
}
