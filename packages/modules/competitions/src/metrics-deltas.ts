/**
 * The rollup deltas the 技能竞赛 services put on their events (declared in metrics.ts). Counts only: no contestant,
 * name or unit reaches a rollup; each delta rides on one event, and the projector applies an event once.
 */

/** A registration: one contestant entry (flow, in the competition's year). */
export const contestantRegisteredMetrics = (): Record<string, number> => ({ 'competitions.contestants': 1 });

/** A 赛项's final results became final: one event held, its winners, the honours recommended and the grade raises. */
export const resultsFinalizedMetrics = (counts: { winners: number; honoursRecommended: number; gradeRaises: number }): Record<string, number> => ({
  'competitions.eventsHeld': 1,
  'competitions.winners': counts.winners,
  'competitions.honoursRecommended': counts.honoursRecommended,
  'competitions.gradeRaises': counts.gradeRaises,
});
