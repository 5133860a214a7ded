import { describe, expect, it } from 'vitest';
import { aidGranted, fileApproved, publishedEvents } from './events.js';

describe('hardship events', () => {
  it('are <module>.<entity>.<verbPast>, one definition per type', () => {
    const types = publishedEvents.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const t of types) expect(t).toMatch(/^hardship\.[a-z]+\.[a-z]+$/);
  });

  it('refuse data that does not fit: an unknown key (personal data must not slip in) or a wrong enum', () => {
    const grant = { grantId: 'g', fileId: 'f', kind: 'education', amountFen: 100, fundSource: 'union', year: 2026 } as const;
    expect(aidGranted.create(grant).data).toEqual(grant);
    expect(() => aidGranted.create({ ...grant, name: '周建华' } as never)).toThrow();
    expect(() => fileApproved.create({ fileId: 'f', unitId: 'u', tier: 'poor' as never, status: 'approved' })).toThrow();
  });

  it('a 金秋助学 grant carries how many students it aids (a count, never who); events without it stay valid', () => {
    const grant = { grantId: 'g', fileId: 'f', kind: 'education', amountFen: 300_000, fundSource: 'union', year: 2026 } as const;
    expect(aidGranted.create({ ...grant, students: 1 }).data).toEqual({ ...grant, students: 1 });
    expect(aidGranted.schema.parse(grant)).toEqual(grant);
    expect(() => aidGranted.create({ ...grant, students: 0 })).toThrow();
    expect(() => aidGranted.create({ ...grant, students: 1, student: { name: '周小华' } } as never)).toThrow();
  });
});
