import { describe, expect, it } from 'vitest';
import { planFigures } from './recount.js';

describe('十件实事 recount', () => {
  it('counts adopted items by status with their completion, ratings on every item, and ledger entries by kind', () => {
    const items = [
      { stage: 'adopted' as const, status: 'done' as const, doneOnTime: true, completionBp: 10_000, satisfaction: { sum: 9, count: 2 } },
      { stage: 'adopted' as const, completionBp: undefined, satisfaction: { sum: 0, count: 0 } },
      { stage: 'not_adopted' as const, satisfaction: { sum: 0, count: 0 } },
    ];
    expect(planFigures(items, [{ entryType: 'report' }, { entryType: 'linked' }, { entryType: 'correction' }])).toEqual({
      'tenThings.items.adopted': 2,
      'tenThings.items.done': 1,
      'tenThings.items.doneOnTime': 1,
      'tenThings.items.on_track': 1,
      'tenThings.completionBp': 10_000,
      'tenThings.ratings': 2,
      'tenThings.ratingSum': 9,
      'tenThings.progress.reports': 2,
      'tenThings.progress.corrections': 1,
    });
  });
});
