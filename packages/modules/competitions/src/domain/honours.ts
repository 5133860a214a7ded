import { CompetitionClass, gradeRank, HonourLevel, SkillGrade } from './enums.js';
import type { RankedEntry } from './ranking.js';
import { ageOn } from './registration.js';
import type { HonourRule, RuleSettings } from './rule-pack.js';

/**
 * What final ranks earn under the pack's honour rules (e.g. 一类 第1名 → 省五一劳动奖章 recommendation, 前5 → 技术能手,
 * 6–20名 → up one skill grade): per winner, what the `competitions.results.finalized` event carries — ids, rank, trade,
 * levels and codes, never a name, an ID number or a birth date. The 劳模 module's consumer turns the recommendations into
 * nomination drafts (the honour codes are its ladder's codes); the grade promotions feed the 人社 export.
 */

/** What the rules read of a ranked contestant (the birth date only to apply an age limit; it is not passed on). */
export interface Finalist {
  contestantId: string;
  personId: string;
  birthDate: string;
  skillGrade: SkillGrade;
}

export interface HonourContext {
  competitionClass: CompetitionClass;
  tradeCode: string;
  /** The day ages are counted at for age-limited honours (the competition's notice says which). */
  referenceDate: string;
}

export interface Recommendation {
  honourCode: string;
  level: HonourLevel;
}

export interface WinnerOutcome {
  personId: string;
  rank: number;
  tradeCode: string;
  competitionClass: CompetitionClass;
  recommendations: Recommendation[];
  /** One grade up (from → to); absent when no rule gives it or the person already holds the top grade. */
  skillGradeUp?: { from: SkillGrade; to: SkillGrade };
}

function applies(rule: HonourRule, rank: number, f: Finalist, ctx: HonourContext): boolean {
  if (rank < rule.fromRank || rank > rule.toRank) return false;
  if (rule.classes && !rule.classes.includes(ctx.competitionClass)) return false;
  return rule.maxAge === undefined || ageOn(f.birthDate, ctx.referenceDate) <= rule.maxAge;
}

/** The grade one up from `g`, or undefined at the top. `none` goes up to the first grade (初级工). */
export const gradeAbove = (g: SkillGrade): SkillGrade | undefined => SkillGrade.values[gradeRank(g) + 1];

/** Every winner who earns something, best rank first; the same honour from two rules is recommended once. */
export function honoursFor(ranked: readonly RankedEntry[], finalists: readonly Finalist[], settings: Pick<RuleSettings, 'honours'>, ctx: HonourContext): WinnerOutcome[] {
  const byId = new Map(finalists.map((f) => [f.contestantId, f]));
  return [...ranked]
    .sort((a, b) => a.rank - b.rank || a.contestantId.localeCompare(b.contestantId))
    .flatMap((e): WinnerOutcome[] => {
      const f = byId.get(e.contestantId);
      if (!f) return [];
      const rules = settings.honours.filter((r) => applies(r, e.rank, f, ctx));
      const recommendations: Recommendation[] = [];
      for (const { award } of rules) {
        if (award.kind === 'recommendation' && !recommendations.some((x) => x.honourCode === award.honourCode)) recommendations.push({ honourCode: award.honourCode, level: award.level });
      }
      const up = rules.some((r) => r.award.kind === 'skillGradeUp') ? gradeAbove(f.skillGrade) : undefined;
      if (!recommendations.length && !up) return [];
      const outcome: WinnerOutcome = { personId: f.personId, rank: e.rank, tradeCode: ctx.tradeCode, competitionClass: ctx.competitionClass, recommendations };
      return [up ? { ...outcome, skillGradeUp: { from: f.skillGrade, to: up } } : outcome];
    });
}
