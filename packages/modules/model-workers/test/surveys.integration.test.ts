import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@ufp/core/events';
import { consumeOnce } from '@ufp/events/idempotent-consumer';
import { demoIdNumber } from '@ufp/kit/seed';
import { ok, adminOf, createTenant, createUnit, reporterOf, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

let p: TestPlatform;
const T = '321281';
let unitId: string;


const idOf = (seq: number) => demoIdNumber('321281', '19680301', seq);
const published: EventEnvelope[] = [];

async function person(seq: number, code = 'city_model_worker', year = 2020) {
  const created = await ok(p.mutate(staffOf(T), 'modelWorkers.people.create', { idNumber: idOf(seq), name: `调查劳模${seq}`, education: 'secondary', occupation: 'frontline', phone: '13900001111', unitId }));
  return ok(p.mutate(staffOf(T), 'modelWorkers.honours.award', { personId: created.personId, code, year, conferredBy: '泰州市人民政府' }));
}

/** A household of three: ¥48,000 a year is ¥1,333.33 a head a month, under 2 × 低保 ¥780 (相对困难) by the default pack. */
const survey = (personId: string, over: Record<string, unknown> = {}) => ({
  personId,
  year: 2026,
  personIncomeFen: 3_000_000,
  spouseName: '李秀英',
  spouseIncomeFen: 1_800_000,
  members: [{ relation: '子女', name: '王小军', annualIncomeFen: 0, health: '在读' }],
  householdSize: 3,
  illness: true,
  health: '慢性肾病，每月透析',
  pensionInsurance: true,
  medicalInsurance: true,
  housingType: 'owned',
  housingAreaM2: 56,
  employmentStatus: 'laid_off',
  difficulties: '本人下岗，医疗支出大',
  hardshipCategory: 'illness',
  ...over,
});

async function filesFrom(surveyId: string) {
  const list = await ok(p.query(staffOf(T), 'hardship.files.list', { limit: 100 }));
  return list.items.filter((f: any) => f.origin?.surveyId === surveyId);
}

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-12T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { type: 'regional', uscc: undefined })).unitId;
  const publish = p.bus.publish.bind(p.bus);
  p.bus.publish = async (envelope) => {
    published.push(envelope);
    return publish(envelope);
  };
});
afterAll(async () => {
  await p?.dispose();
});

describe('劳模生活状况调查 → 困难帮扶', () => {
  let below: { surveyId: string; personId: string };

  it('a survey below the hardship line opens exactly one draft hardship file routed to 劳模专项资金, with its origin, however often the event arrives', async () => {
    const who = await person(1);
    await ok(p.mutate(reporterOf(T, unitId), 'modelWorkers.surveys.submit', survey(who.personId, { year: 2025, personIncomeFen: 9_000_000, illness: false, health: undefined, employmentStatus: 'employed', hardshipCategory: 'none' })));
    const submitted = await ok(p.mutate(reporterOf(T, unitId), 'modelWorkers.surveys.submit', survey(who.personId)));
    expect(submitted.changes.map((c: any) => c.code)).toEqual(['income_down', 'personal_income_down', 'new_illness', 'employment_changed', 'newly_in_hardship']);
    expect(submitted.flags[0].zh).toBe('家庭年收入下降 55%（¥108,000 → ¥48,000）');
    below = { surveyId: submitted.surveyId, personId: who.personId };
    await p.settle();
    expect(await filesFrom(submitted.surveyId)).toHaveLength(1);

    // Delivered by the relay once; then the same envelope three more times straight to the handler (no processed
    // marker: each call is a fresh handler name), and three times through the runner (its marker dedupes).
    const envelope = published.find((e) => e['detail-type'] === 'modelWorkers.survey.submitted' && (e.detail.data as any).surveyId === submitted.surveyId)!;
    const { table, cursors, cipher, blindIndexKey } = p.runtime.deps;
    const handler = p.runtime.composition.consumers({ table, clock: p.clock, cursors, cipher, blindIndexKey }).hardshipModelWorkerSurvey!;
    for (let i = 0; i < 3; i++) expect(await consumeOnce(table, `direct-${i}`, envelope, handler)).toBe('processed');
    for (let i = 0; i < 3; i++) await p.runtime.consumers.hardshipModelWorkerSurvey!(envelope);

    const files = await filesFrom(submitted.surveyId);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ status: 'draft', tier: 'relative', unitId, createdBy: 'system:modelWorkers', origin: { module: 'modelWorkers', surveyId: submitted.surveyId, personId: who.personId, year: 2026, fundSource: 'model_worker' } });
    const file = await ok(p.query(staffOf(T), 'hardship.files.get', { fileId: files[0].fileId }));
    expect(file.household.explanation).toContain('相对困难');
    expect(file.household.members.map((m: any) => m.relation)).toEqual(['本人', '配偶', '子女']);
    const audit = await ok(p.query(adminOf(T), 'audit.list', { action: 'hardship.files.create', limit: 50 }));
    expect(audit.items.filter((e: any) => e.entityId === files[0].fileId)).toEqual([expect.objectContaining({ actor: 'system:modelWorkers' })]);
    expect(published.filter((e) => e['detail-type'] === 'hardship.file.created' && (e.detail.data as any).fileId === files[0].fileId)).toHaveLength(1);
  });

  it('a correction of the year’s survey is versioned (a second first submission is refused) and opens no second file', async () => {
    const again = await p.mutate(staffOf(T), 'modelWorkers.surveys.submit', survey(below.personId));
    expect(again.status).toBe(409);
    const corrected = await ok(p.mutate(staffOf(T), 'modelWorkers.surveys.submit', survey(below.personId, { version: 1, personIncomeFen: 2_000_000 })));
    expect(corrected).toMatchObject({ surveyId: below.surveyId, version: 2, corrections: 1 });
    const stale = await p.mutate(staffOf(T), 'modelWorkers.surveys.submit', survey(below.personId, { version: 1 }));
    expect(stale.status).toBe(409);
    await p.settle();
    expect(await filesFrom(below.surveyId)).toHaveLength(1);
  });

  it('the draft the survey opened carries no consent: submitting it is refused until staff confirm the worker agreed, and the confirmation is audited', async () => {
    const [draft] = await filesFrom(below.surveyId);
    expect(draft).toMatchObject({ status: 'draft', consentGiven: false });
    const refused = await p.mutate(staffOf(T), 'hardship.files.submit', { fileId: draft.fileId, version: draft.version });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.error)).toContain('尚未取得职工本人同意');
    expect((await filesFrom(below.surveyId))[0]).toMatchObject({ status: 'draft', version: draft.version });

    const submitted = await ok(p.mutate(staffOf(T), 'hardship.files.submit', { fileId: draft.fileId, version: draft.version, consentConfirmed: true }));
    expect(submitted).toMatchObject({ status: 'submitted', consentGiven: true });
    const audit = await ok(p.query(adminOf(T), 'audit.list', { action: 'hardship.files.submit', limit: 50 }));
    expect(audit.items.find((e: any) => e.entityId === draft.fileId)?.summary).toContain('已取得职工本人同意');
  });

  it('staff read the answers decrypted (audited); the list shows changes without figures', async () => {
    const got = await ok(p.query(staffOf(T), 'modelWorkers.surveys.get', { personId: below.personId, year: 2026 }));
    expect(got.answers).toMatchObject({ personIncomeFen: 2_000_000, spouseName: '李秀英', housingType: 'owned' });
    const log = await ok(p.query(adminOf(T), 'audit.list', { action: 'pii.read', limit: 50 }));
    expect(log.items.some((e: any) => e.entityType === 'modelWorkers.survey' && e.entityId === below.surveyId)).toBe(true);
    const listed = await ok(p.query(reporterOf(T, unitId), 'modelWorkers.surveys.listOfPerson', { personId: below.personId }));
    expect(listed.items.map((s: any) => s.year)).toEqual([2026, 2025]);
    expect(JSON.stringify(listed)).not.toMatch(/2000000|李秀英|透析|Encrypted/);
    expect((await p.query(reporterOf(T, unitId), 'modelWorkers.surveys.get', { personId: below.personId, year: 2026 })).status).toBe(403);
  });

  it('a survey above the line opens no file', async () => {
    const who = await person(2);
    const above = await ok(p.mutate(staffOf(T), 'modelWorkers.surveys.submit', survey(who.personId, { personIncomeFen: 12_000_000, spouseIncomeFen: 6_000_000, hardshipCategory: 'none' })));
    await p.settle();
    expect(await filesFrom(above.surveyId)).toEqual([]);
  });

  it('a worker who already has an open hardship file gets no second one: the hand-over records why and completes', async () => {
    const who = await person(3);
    await ok(
      p.mutate(staffOf(T), 'hardship.files.create', {
        unitId,
        worker: { name: '调查劳模3', idNumber: idOf(3) },
        household: { members: [{ relation: '本人', name: '调查劳模3' }], annualIncomeFen: 1_000_000, rigidExpensesFen: 0, causes: ['患病'], events: [] },
        consentGiven: true,
      }),
    );
    const s = await ok(p.mutate(staffOf(T), 'modelWorkers.surveys.submit', survey(who.personId)));
    await p.settle();
    expect(await filesFrom(s.surveyId)).toEqual([]);
    const log = await ok(p.query(adminOf(T), 'audit.list', { action: 'hardship.referral.skipped', limit: 50 }));
    expect(log.items.filter((e: any) => e.entityId === s.surveyId)).toHaveLength(1);
    const dead = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'deadLetter' } }));
    expect(dead.Items ?? []).toEqual([]);
  });

  it('no personal data in the events or the outbox: ids, the year and the size, the household sealed', async () => {
    const surveyEvents = published.filter((e) => e['detail-type'] === 'modelWorkers.survey.submitted');
    expect(surveyEvents.length).toBeGreaterThanOrEqual(4);
    const outbox = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'event' } }));
    const text = JSON.stringify([published, outbox.Items]);
    for (const secret of [idOf(1), idOf(2), idOf(3), '调查劳模1', '13900001111', '李秀英', '王小军', '透析', '3000000', '1800000']) expect(text).not.toContain(secret);
    expect(Object.keys(surveyEvents[0]!.detail.data).sort()).toEqual(['householdSize', 'metrics', 'personId', 'sealedHousehold', 'surveyId', 'unitId', 'year']);
    expect(surveyEvents[0]!.detail.data.metrics).toEqual({ 'modelWorkers.surveys.submitted': 1 }); // a count, nothing of the household
    const all = await p.runtime.deps.table.doc.send(new ScanCommand({ TableName: p.runtime.deps.table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'modelWorkers.survey' } }));
    expect(JSON.stringify(all.Items)).not.toMatch(/透析|李秀英|3000000/);
  });
});

describe('劳模 benefits ledger', () => {
  it('pays 春节慰问 by treatment level against the year’s budget, once a year, and never below zero', async () => {
    const city = await person(10);
    const budget = await ok(p.query(staffOf(T), 'modelWorkers.benefits.budgets', { year: 2026 }));
    expect(budget.amounts.spring_festival).toMatchObject({ provincial: 50_000, city: 30_000 });
    expect((await p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: city.personId, kind: 'spring_festival', grantedOn: '2026-02-01' })).status).toBe(409);
    await ok(p.mutate(adminOf(T), 'modelWorkers.benefits.setBudget', { year: 2026, budgetFen: 40_000, version: 0 }));
    const quote = await ok(p.query(staffOf(T), 'modelWorkers.benefits.quote', { personId: city.personId, kind: 'spring_festival', grantedOn: '2026-02-01' }));
    expect(quote).toMatchObject({ level: 'city', amountFen: 30_000, remainingFen: 40_000, remainingAfterFen: 10_000 });
    const granted = await ok(p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: city.personId, kind: 'spring_festival', grantedOn: '2026-02-01' }));
    expect(granted).toMatchObject({ amountFen: 30_000, level: 'city', remainingAfterFen: 10_000 });
    const twice = await p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: city.personId, kind: 'spring_festival', grantedOn: '2026-02-02' });
    expect(twice.status).toBe(409);
    const short = await p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: city.personId, kind: 'special_subsidy', amountFen: 10_001, grantedOn: '2026-02-03' });
    expect(short.status).toBe(409);
    expect(short.error?.message).toContain('预算不足');
    const lower = await p.mutate(adminOf(T), 'modelWorkers.benefits.setBudget', { year: 2026, budgetFen: 20_000, version: 2 });
    expect(lower.status).toBe(400);
    const after = await ok(p.query(staffOf(T), 'modelWorkers.benefits.budgets', { year: 2026 }));
    expect(after.budget).toMatchObject({ budgetFen: 40_000, grantedFen: 30_000, remainingFen: 10_000 });
    const list = await ok(p.query(staffOf(T), 'modelWorkers.benefits.list', { year: 2026 }));
    expect(list).toMatchObject({ totalFen: 30_000, items: [expect.objectContaining({ benefit: 'spring_festival', personId: city.personId })] });
  });

  it('a grant on or after the day the qualifying honour was revoked is 409 naming the revocation', async () => {
    const medal = await person(11, 'national_may_day_medal', 2024);
    const honourId = medal.honours[0].honourId;
    await ok(p.mutate(staffOf(T), 'modelWorkers.honours.revoke', { personId: medal.personId, honourId, on: '2026-05-10', document: '苏工发〔2026〕9号', reason: '弄虚作假骗取荣誉' }));
    const refused = await p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: medal.personId, kind: 'special_subsidy', amountFen: 5_000, grantedOn: '2026-05-10' });
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toBe('「全国五一劳动奖章」已于 2026-05-10 撤销，自该日起停止待遇');
    const dayBefore = await ok(p.mutate(staffOf(T), 'modelWorkers.benefits.grant', { personId: medal.personId, kind: 'special_subsidy', amountFen: 5_000, grantedOn: '2026-05-09' }));
    expect(dayBefore).toMatchObject({ level: 'provincial', amountFen: 5_000, remainingAfterFen: 5_000 });
  });
});
