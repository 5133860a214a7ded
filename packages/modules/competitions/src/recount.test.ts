import { describe, expect, it } from 'vitest';
import { finalFigures } from './recount.js';

describe('技能竞赛 recount', () => {
  it('each finalised 赛项 counts one event held with the winners and honours it recorded; grade raises are added once', () => {
    expect(finalFigures([{ winners: 3, honoursRecommended: 1 }, { winners: 2, honoursRecommended: 0 }], 2)).toEqual({ 'competitions.eventsHeld': 2, 'competitions.winners': 5, 'competitions.honoursRecommended': 1, 'competitions.gradeRaises': 2 });
    expect(finalFigures([], 0)).toEqual({});
  });
});
