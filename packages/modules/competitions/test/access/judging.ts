import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
/** The tenant's users; the panel role (judge, chief judge) is the service's check, so a missing 赛项 answers 404 to all of them. */
const readers = [...staff, 'unit_reporter'] as const;
const at = { eventId: 'no-such-event', stage: 'final' };
const entry = { clientId: '6f1c2a4e-0b7d-4c3a-9e2f-1a2b3c4d5e6f', workNumber: '1234', aspectCode: 'A1', value: 2, recordedAt: '2026-03-01T09:30:00+08:00', supersedes: '0d1c2a4e-0b7d-4c3a-9e2f-1a2b3c4d5e60' };

/** 技能竞赛 judging: blind numbers, conflicts of interest, the judges' offline sync and the chief judge's panel. */
export const judgingAccess: AccessTable = {
  'competitions.judging.mine': { allow: readers, as: 'federation_staff', input: () => undefined },
  'competitions.judging.conflictList': { allow: readers, as: 'unit_reporter', input: () => ({ eventId: 'no-such-event' }) },
  'competitions.judging.declareConflict': { allow: readers, as: 'unit_reporter', input: () => ({ eventId: 'no-such-event', contestantId: 'no-such-contestant', reason: 'relative' }) },
  'competitions.judging.drawWorkNumbers': { allow: staff, as: 'federation_staff', input: () => at },
  'competitions.judging.sheet': { allow: readers, as: 'unit_reporter', input: () => at },
  'competitions.judging.submitScores': { allow: readers, as: 'unit_reporter', input: () => ({ ...at, entries: [entry] }) },
  'competitions.judging.resolveConflict': { allow: readers, as: 'unit_reporter', input: () => ({ ...at, workNumber: '1234', aspectCode: 'A1', keepClientId: entry.clientId }) },
  'competitions.judging.recordTimes': { allow: readers, as: 'federation_staff', input: () => ({ ...at, entries: [{ workNumber: '1234', seconds: 5400 }] }) },
  'competitions.judging.panel': { allow: readers, as: 'federation_staff', input: () => at },
};
