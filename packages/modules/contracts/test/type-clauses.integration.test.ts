import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOf, createTenant, createUnit, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

const T = '321281';
let p: TestPlatform;
let unitId: string;
const admin = adminOf(T);
const staff = staffOf(T);

const enterprise = (over: Record<string, unknown> = {}) => ({
  type: 'special',
  specialKind: 'wage',
  unitId,
  employerParties: [{ name: '靖江船舶制造有限公司' }],
  coveredEnterprises: 1,
  coveredEmployees: 800,
  term: { start: '2026-01-01', end: '2026-12-31' },
  ...over,
});
const grades = (...fen: number[]) => ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'].slice(0, fen.length).map((grade, i) => ({ grade, monthlyFen: fen[i] }));
const reps = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, role: i === 0 ? '首席' : '成员' }));

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T)).unitId;
  setDay(p, '2025-12-01');
  expect((await p.mutate(admin, 'contracts.settings.set', { version: 0, minimumWageFen: 249_000 })).status).toBe(200);
});
afterAll(() => p?.dispose());

describe('type-specific clauses (工资专项, 女职工, 劳动安全卫生)', () => {
  it('a 工资专项 contract keeps its wage terms with the 能级工资 steps stored lowest grade first', async () => {
    const res = await p.mutate(staff, 'contracts.create', enterprise({ clauses: { wageGrowthPct: 6.5, minimumWageFen: 260_000, skillGradeWages: [{ grade: 'technician', monthlyFen: 520_000 }, { grade: 'junior', monthlyFen: 260_000 }] } }));
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    const got = await p.query(staff, 'contracts.get', { contractId: res.data.contractId });
    expect(got.data.clauses).toEqual({ wageGrowthPct: 6.5, minimumWageFen: 260_000, skillGradeWages: [{ grade: 'junior', monthlyFen: 260_000 }, { grade: 'technician', monthlyFen: 520_000 }] });
  });

  it('refuses steps falling with the grade, or a lowest step below the local minimum, naming the field (400, bilingual)', async () => {
    const falling = await p.mutate(staff, 'contracts.create', enterprise({ clauses: { skillGradeWages: grades(260_000, 259_999) } }));
    expect(falling.status).toBe(400);
    expect(falling.error?.message).toContain('不得随等级提高而降低');
    expect(falling.error?.data.messageEn).toContain('may not fall');
    expect(falling.error?.data.issues?.[0]).toMatchObject({ path: ['clauses.skillGradeWages'] });
    const low = await p.mutate(staff, 'contracts.create', enterprise({ clauses: { skillGradeWages: grades(248_999) } }));
    expect(low.status).toBe(400);
    expect(low.error?.message).toContain('第五十五条');
  });

  it('refuses a 女职工 protection on a 综合性 contract naming the field, and stores nothing', async () => {
    const before = (await p.query(staff, 'contracts.list', {})).data.items.length;
    const res = await p.mutate(staff, 'contracts.create', enterprise({ type: 'comprehensive', specialKind: undefined, clauses: { femaleProtections: { items: ['pregnancy'] } } }));
    expect(res.status).toBe(400);
    expect(res.error?.data.issues?.[0]).toMatchObject({ path: ['clauses.femaleProtections'] });
    expect(res.error?.message).toContain('只适用于女职工权益保护专项集体合同');
    expect((await p.query(staff, 'contracts.list', {})).data.items.length).toBe(before);
  });

  it('a protection outside the known list, an empty protection set or an empty safety list is a field error in both languages', async () => {
    const unknown = await p.mutate(staff, 'contracts.create', enterprise({ specialKind: 'female_workers', clauses: { femaleProtections: { items: ['paid_holiday'] } } }));
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain('女职工特殊保护事项');
    const empty = await p.mutate(staff, 'contracts.create', enterprise({ specialKind: 'female_workers', clauses: { femaleProtections: { items: [] } } }));
    expect(empty.status).toBe(400);
    expect(empty.error?.data.messageEn).toContain('Choose at least one protection');
    const noSafety = await p.mutate(staff, 'contracts.create', enterprise({ specialKind: 'safety', clauses: { safetyItems: [] } }));
    expect(noSafety.status).toBe(400);
    expect(noSafety.error?.message).toContain('劳动安全卫生事项');
  });

  it('a 女职工 contract keeps its protections and a safety contract its items; a round amends them and keeps the diff', async () => {
    const female = await p.mutate(staff, 'contracts.create', enterprise({ specialKind: 'female_workers', clauses: { femaleProtections: { items: ['nursing', 'pregnancy', 'nursing'], note: '哺乳室每层一间' } } }));
    expect(female.status, JSON.stringify(female.error)).toBe(200);
    expect(female.data.clauses.femaleProtections).toEqual({ items: ['nursing', 'pregnancy'], note: '哺乳室每层一间' });
    const safety = await p.mutate(staff, 'contracts.create', enterprise({ specialKind: 'safety', clauses: { safetyItems: ['高温作业津贴', '每年一次职业健康检查'] } }));
    expect(safety.status, JSON.stringify(safety.error)).toBe(200);
    const id = safety.data.contractId;
    const steps: [string, Record<string, unknown>][] = [
      ['contracts.offer.send', { sentOn: '2025-11-20', fromSide: 'worker' }],
      ['contracts.offer.reply', { repliedOn: '2025-11-21', accepted: true }],
      ['contracts.representatives.set', { side: 'worker', members: reps(3, '职工代表'), chiefIndex: 0 }],
      ['contracts.representatives.set', { side: 'employer', members: reps(3, '企业代表'), chiefIndex: 0 }],
    ];
    for (const [path, input] of steps) expect((await p.mutate(staff, path, { contractId: id, ...input })).status).toBe(200);
    const wrong = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-11-25', minutes: '第一轮', amendments: { skillGradeWages: grades(300_000) } });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.data.issues?.[0]).toMatchObject({ path: ['amendments.skillGradeWages'] });
    const round = await p.mutate(staff, 'contracts.rounds.add', { contractId: id, heldOn: '2025-11-25', minutes: '第一轮', amendments: { safetyItems: ['高温作业津贴', '每年一次职业健康检查', '防护用品每季度发放'] } });
    expect(round.status, JSON.stringify(round.error)).toBe(200);
    expect(round.data.rounds[0].amendments).toEqual([{ clause: 'safetyItems', from: ['高温作业津贴', '每年一次职业健康检查'], to: ['高温作业津贴', '每年一次职业健康检查', '防护用品每季度发放'] }]);
  });
});
