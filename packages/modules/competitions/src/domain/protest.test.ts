import { describe, expect, it } from 'vitest';
import type { DomainError } from '@ufp/core/errors';
import { assertFinalisable, assertResultsMutable, decideProtest, fileProtest, finalise, finalResultHash, isProtestWindowOpen, publishProvisional, scoresOpen, verifyFinalResults, type Protest } from './protest.js';

const at = (iso: string) => new Date(iso);
const published = at('2026-06-01T08:00:00.000Z');
const lastInstant = at('2026-06-01T10:00:00.000Z');
const justAfter = at('2026-06-01T10:00:00.001Z');
const settings = { protestWindowMinutes: 120 };
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).details.reason as string;
  }
  return undefined;
};

describe('the protest window on the platform clock', () => {
  const results = publishProvisional(published, settings);

  it('runs the pack’s 2 hours from publication', () => {
    expect(results).toEqual({ status: 'provisional', publishedAt: '2026-06-01T08:00:00.000Z', protestWindowEndsAt: '2026-06-01T10:00:00.000Z' });
    expect(publishProvisional(published, { protestWindowMinutes: 30 }).protestWindowEndsAt).toBe('2026-06-01T08:30:00.000Z');
  });

  it('takes a protest at the last instant; one millisecond later it is refused (409)', () => {
    expect(isProtestWindowOpen(results, lastInstant)).toBe(true);
    expect(fileProtest(results, { protestId: 'p1', contestantId: 'c1' }, lastInstant)).toEqual({ protestId: 'p1', contestantId: 'c1', filedAt: '2026-06-01T10:00:00.000Z', status: 'open' });
    expect(isProtestWindowOpen(results, justAfter)).toBe(false);
    expect(code(() => fileProtest(results, { protestId: 'p2', contestantId: 'c1' }, justAfter))).toBe('protest_window_closed');
  });

  it('is not open before publication', () => {
    expect(isProtestWindowOpen(results, at('2026-06-01T07:59:59.999Z'))).toBe(false);
  });
});

describe('ruling on protests', () => {
  const open: Protest = { protestId: 'p1', contestantId: 'c1', filedAt: '2026-06-01T09:00:00.000Z', status: 'open' };

  it('is done once', () => {
    const d = decideProtest(open, { outcome: 'dismissed', ruling: '评分无误' }, at('2026-06-01T11:00:00.000Z'));
    expect(d).toMatchObject({ status: 'dismissed', ruling: '评分无误', decidedAt: '2026-06-01T11:00:00.000Z' });
    expect(code(() => decideProtest(d, { outcome: 'upheld', ruling: 'x' }, at('2026-06-01T12:00:00.000Z')))).toBe('protest_decided');
  });
});

describe('final results', () => {
  const results = publishProvisional(published, settings);
  const content = { eventId: 'e1', ranked: [{ contestantId: 'c1', rank: 1, totalUnits: 87_350_000 }] };
  const dismissed: Protest = { protestId: 'p1', contestantId: 'c1', filedAt: '2026-06-01T09:00:00.000Z', status: 'dismissed', decidedAt: '2026-06-01T09:30:00.000Z' };

  it('wait for the window to close: at its last instant no, one millisecond after yes', () => {
    expect(code(() => assertFinalisable(results, [], lastInstant))).toBe('protest_window_open');
    expect(() => assertFinalisable(results, [], lastInstant)).toThrow('申诉期至 2026-06-01 18:00 结束，期满后才能确认最终成绩');
    expect(() => assertFinalisable(results, [], justAfter)).not.toThrow();
  });

  it('wait for every protest to be decided', () => {
    expect(code(() => assertFinalisable(results, [{ ...dismissed, status: 'open', decidedAt: undefined }], justAfter))).toBe('protest_open');
    expect(() => assertFinalisable(results, [dismissed], justAfter)).not.toThrow();
  });

  it('an upheld protest needs corrected results published again (a new window) before they become final', () => {
    const upheld: Protest = { ...dismissed, status: 'upheld' };
    expect(code(() => assertFinalisable(results, [upheld], justAfter))).toBe('protest_upheld_unrevised');
    const republished = publishProvisional(at('2026-06-01T10:30:00.000Z'), settings);
    expect(code(() => assertFinalisable(republished, [upheld], at('2026-06-01T12:30:00.000Z')))).toBe('protest_window_open');
    expect(() => assertFinalisable(republished, [upheld], at('2026-06-01T12:30:00.001Z'))).not.toThrow();
  });

  it('are sealed with the SHA-256 of their canonical JSON, the same whatever the key order', () => {
    const final = finalise(results, [dismissed], content, justAfter);
    expect(final).toMatchObject({ status: 'final', finalizedAt: '2026-06-01T10:00:00.001Z' });
    expect(final.hash).toBe(finalResultHash({ ranked: [{ totalUnits: 87_350_000, rank: 1, contestantId: 'c1' }], eventId: 'e1' }));
    expect(final.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyFinalResults(final, content)).toBe(true);
    expect(verifyFinalResults(final, { ...content, ranked: [{ contestantId: 'c1', rank: 2, totalUnits: 87_350_000 }] })).toBe(false);
  });

  it('are immutable: no second finalisation, no protest, no change (409)', () => {
    const final = finalise(results, [], content, justAfter);
    expect(code(() => assertResultsMutable(final))).toBe('results_final');
    expect(code(() => finalise(final, [], content, at('2026-06-02T00:00:00.000Z')))).toBe('results_final');
    expect(code(() => fileProtest(final, { protestId: 'p9', contestantId: 'c1' }, justAfter))).toBe('results_final');
  });
});

describe('when judges may change scores', () => {
  const published = { status: 'provisional' as const, publishedAt: '2026-06-01T02:00:00.000Z' };
  it('before results are published they may', () => expect(scoresOpen(undefined, [])).toBe(true));
  it('once provisional results are out they may not, nor after a dismissed protest', () => {
    expect(scoresOpen(published, [])).toBe(false);
    expect(scoresOpen(published, [{ status: 'dismissed', decidedAt: '2026-06-01T03:00:00.000Z' }])).toBe(false);
  });
  it('a protest upheld after publication opens them for the correction; one upheld before the last publication does not', () => {
    expect(scoresOpen(published, [{ status: 'upheld', decidedAt: '2026-06-01T02:30:00.000Z' }])).toBe(true);
    expect(scoresOpen(published, [{ status: 'upheld', decidedAt: '2026-06-01T01:59:59.999Z' }])).toBe(false);
  });
  it('final results close them for good, whatever was upheld', () => {
    expect(scoresOpen({ status: 'final', publishedAt: published.publishedAt }, [{ status: 'upheld', decidedAt: '2026-06-01T02:30:00.000Z' }])).toBe(false);
  });
});
