import { conflict, DomainError, invalid } from '@ufp/core/errors';
import { contractType, skillGrade, specialKind, type Contract, type ContractSettings, type SkillGradeWage, type SpecialKind } from './contract.js';
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
  skillGradeWages: { zh: '能级工资标准', en: 'Skill-grade wage steps' },
  femaleProtections: { zh: '女职工特殊保护', en: 'Special protections of female workers' },
  safetyItems: { zh: '劳动安全卫生事项', en: 'Safety and health items' },
};

/** The clauses in their order (the form's, the diff's). */
export const clauseKeys = ['wageGrowthPct', 'minimumWageFen', 'workingHours', 'leave', 'protections', 'other', 'skillGradeWages', 'femaleProtections', 'safetyItems'] as const satisfies readonly ClauseKey[];

/** Whether two clause values are the same (the structured clauses compared by content). */
const sameValue = (a: ClauseValue, b: ClauseValue) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The clauses a round's amendments actually change, in the clauses' order (an amendment to the same value is none). */
export function clauseChanges(before: Clauses, amendments: Partial<Clauses> | undefined): ClauseChange[] {
  if (!amendments) return [];
  return clauseKeys
    .filter((k) => amendments[k] !== undefined && !sameValue(amendments[k], before[k]))
    .map((k) => ({ clause: k, ...(before[k] !== undefined ? { from: before[k] } : {}), to: amendments[k] }));
}

/** Clauses in their stored form: 能级工资 steps in grade order, each protection once. */
export function normalClauses<C extends Partial<Clauses>>(clauses: C): C {
  const out = { ...clauses };
  if (out.skillGradeWages) out.skillGradeWages = [...out.skillGradeWages].sort((a, b) => skillGrade.values.indexOf(a.grade) - skillGrade.values.indexOf(b.grade));
  if (out.femaleProtections) out.femaleProtections = { ...out.femaleProtections, items: [...new Set(out.femaleProtections.items)] };
  return out;
}

/** The clauses that belong to some kinds of 专项 contract only, and those kinds. */
export const typeClauseKinds = {
  skillGradeWages: ['wage', 'skill_level_wage'],
  femaleProtections: ['female_workers'],
  safetyItems: ['safety'],
} as const satisfies Partial<Record<ClauseKey, readonly SpecialKind[]>>;
type TypeClause = keyof typeof typeClauseKinds;

/** Whether a contract of this type and kind takes the clause (the common clauses fit every contract). */
export function clauseFits(c: Pick<Contract, 'type' | 'specialKind'>, clause: ClauseKey): boolean {
  const kinds = (typeClauseKinds as Partial<Record<ClauseKey, readonly SpecialKind[]>>)[clause];
  return !kinds || (c.type === 'special' && !!c.specialKind && kinds.includes(c.specialKind));
}

/**
 * The type-specific clauses a contract of this type may carry: 能级工资 steps on a 工资专项 or 能级工资 contract, female workers'
 * protections on a 女职工权益保护 one, safety items on a 劳动安全卫生 one. Another contract's is refused naming the field
 * (`prefix`: `clauses` at creation, `amendments` in a round).
 */
export function checkTypeClauses(c: Pick<Contract, 'type' | 'specialKind'>, clauses: Partial<Clauses>, prefix: 'clauses' | 'amendments'): void {
  for (const key of Object.keys(typeClauseKinds) as TypeClause[]) {
    if (clauses[key] === undefined || clauseFits(c, key)) continue;
    const kinds = typeClauseKinds[key].map((k) => specialKind.labels[k]);
    const kind = c.type === 'special' && c.specialKind ? specialKind.labels[c.specialKind] : contractType.labels[c.type];
    throw invalid(
      {
        zh: `「${clauseLabels[key].zh}」只适用于${kinds.map((k) => k.zh).join('或')}专项集体合同，本合同为${kind.zh}`,
        en: `${clauseLabels[key].en} belong to special contracts on ${kinds.map((k) => k.en.toLowerCase()).join(' or ')} only; this contract is ${kind.en.toLowerCase()}`,
      },
      { field: `${prefix}.${key}`, reason: 'clause_not_for_type', type: c.type, ...(c.specialKind ? { specialKind: c.specialKind } : {}) },
    );
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 能级工资 steps: each grade once, the wage not falling as the grade rises, and the lowest step not below the contract's own
 * minimum-wage clause nor the local minimum wage (劳动合同法 Art. 55). Returns the steps in grade order.
 */
export function checkSkillGradeWages(steps: readonly SkillGradeWage[], clauseMinimumFen: number | undefined, settings: Pick<ContractSettings, 'minimumWageFen'>): SkillGradeWage[] {
  const field = 'clauses.skillGradeWages';
  const rank = (s: SkillGradeWage) => skillGrade.values.indexOf(s.grade);
  const sorted = [...steps].sort((a, b) => rank(a) - rank(b));
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1];
    if (!prev) return;
    const [lo, hi] = [skillGrade.labels[prev.grade], skillGrade.labels[s.grade]];
    if (prev.grade === s.grade) throw invalid({ zh: `能级工资中「${hi.zh}」重复列出`, en: `${hi.en} is listed twice in the skill-grade wages` }, { field, grade: s.grade, reason: 'duplicate_grade' });
    if (s.monthlyFen < prev.monthlyFen) {
      throw invalid(
        { zh: `能级工资不得随等级提高而降低：「${hi.zh}」${yuan(s.monthlyFen)} 元低于「${lo.zh}」${yuan(prev.monthlyFen)} 元`, en: `Skill-grade wages may not fall as the grade rises: ${hi.en} (${yuan(s.monthlyFen)} yuan) is below ${lo.en} (${yuan(prev.monthlyFen)} yuan)` },
        { field, grade: s.grade, reason: 'decreasing_step' },
      );
    }
  });
  const lowest = sorted[0];
  if (lowest && clauseMinimumFen !== undefined && lowest.monthlyFen < clauseMinimumFen) {
    const g = skillGrade.labels[lowest.grade];
    throw invalid(
      { zh: `能级工资最低档「${g.zh}」${yuan(lowest.monthlyFen)} 元低于本合同最低工资条款 ${yuan(clauseMinimumFen)} 元`, en: `The lowest skill-grade wage (${g.en}, ${yuan(lowest.monthlyFen)} yuan) is below the contract's minimum-wage clause (${yuan(clauseMinimumFen)} yuan)` },
      { field, grade: lowest.grade, reason: 'below_contract_minimum' },
    );
  }
  if (lowest) {
    try {
      checkMinimumWage(lowest.monthlyFen, settings);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const g = skillGrade.labels[lowest.grade];
      throw invalid({ zh: `能级工资最低档「${g.zh}」：${e.text.zh}`, en: `The lowest skill-grade wage (${g.en}): ${e.text.en}` }, { ...e.details, field, grade: lowest.grade });
    }
  }
  return sorted;
}

/**
 * The legal floors a version of the clauses must meet: the local minimum wage (劳动合同法 Art. 55), for the minimum-wage
 * clause and the 能级工资 steps (which also may not fall as the grade rises nor start below the contract's minimum). Checked when
 * a round agrees a change and again on the version put to the vote — the floor may have been raised meanwhile.
 */
export function checkLegalFloors(clauses: Clauses, settings: Pick<ContractSettings, 'minimumWageFen'>): void {
  checkMinimumWage(clauses.minimumWageFen, settings);
  if (clauses.skillGradeWages) checkSkillGradeWages(clauses.skillGradeWages, clauses.minimumWageFen, settings);
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
