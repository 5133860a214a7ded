import { describe, expect, it } from 'vitest';
import { addressees, hardshipReminder } from './tick.js';

const clock = (kind: 'investigation' | 'notice' | 'reverification' | 'followUp', state: 'due_soon' | 'due_today' | 'overdue' | 'ready') =>
  ({ kind, state, dueOn: '2026-04-06', label: { zh: '入户调查', en: 'Investigation visit' } }) as Parameters<typeof hardshipReminder>[2];

describe('who a hardship clock reminds', () => {
  it("the investigation is the union's: its reporters as it nears and when late; staff only once it is overdue", () => {
    expect(addressees(clock('investigation', 'due_soon'))).toEqual([true]);
    expect(addressees(clock('investigation', 'due_today'))).toEqual([true]);
    expect(addressees(clock('investigation', 'overdue'))).toEqual([true, false]);
  });

  it("every other clock is the staff's own", () => {
    for (const kind of ['notice', 'reverification', 'followUp'] as const) {
      for (const state of ['due_soon', 'due_today', 'overdue', 'ready'] as const) expect(addressees(clock(kind, state))).toEqual([false]);
    }
  });

  it("the union's copy is addressed to the file's unit under its own id; the staff's has no unit", () => {
    const file = { fileId: 'F1', tenantId: 't', unitId: 'U1' };
    const toUnit = hardshipReminder(file, '某工会', clock('investigation', 'overdue'), '2026-04-07T00:00:00Z', true);
    const toStaff = hardshipReminder(file, '某工会', clock('investigation', 'overdue'), '2026-04-07T00:00:00Z');
    expect(toUnit).toMatchObject({ id: 'hardship#F1#investigation#2026-04-06#overdue#unit', unitId: 'U1' });
    expect(toStaff.id).toBe('hardship#F1#investigation#2026-04-06#overdue');
    expect(toStaff.unitId).toBeUndefined();
    expect(toUnit.title).toEqual(toStaff.title);
  });
});
