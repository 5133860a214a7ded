import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, attachHardshipDocuments, createTenant, createUnit, ok, reporterOf, setDay, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/** 临时救助 to a person without a file: capped, drawn from the budget, refused to someone on an open file; 转正 opens a file carrying it over. */
let p: TestPlatform;
const A = '321281';
const B = '321282';
let unitA: string;
let serial = 0;
const staff2: Claims = { sub: `staff2-${A}`, roles: ['federation_staff'], tenantId: A };
const person = () => ({ name: `临救${serial}`, idNumber: demoIdNumber(A, '19800101', 700 + serial++) });
const detailsOf = (res: { error?: { data: unknown } }) => (res.error?.data as { details?: Record<string, unknown> } | undefined)?.details;
const give = (who: Claims, worker: { name: string; idNumber: string }, amountFen = 100_000, over: Record<string, unknown> = {}) =>
  p.mutate(who, 'hardship.temporary.grant', { worker, reason: '突发重病住院，家庭无力负担', amountFen, fundSource: 'county', ...over });
const household = (name: string) => ({ members: [{ relation: '本人', name }, { relation: '子女', name: `${name}子` }], annualIncomeFen: 3_600_000, rigidExpensesFen: 1_200_000, causes: ['本人患重病'], events: [] });
const convert = (aid: { aidId: string; version: number; person: { name: string } }) =>
  p.mutate(staffOf(A), 'hardship.temporary.convert', { aidId: aid.aidId, version: aid.version, unitId: unitA, worker: { phone: '13812345678' }, household: household(aid.person.name), consentGiven: true });
const county = async () => (await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).funds.find((f: { source: string }) => f.source === 'county');

beforeAll(async () => {
  p = await startTestPlatform();
  setDay(p, '2026-03-10');
  await createTenant(p, A, A);
  await createTenant(p, B, B);
  unitA = (await createUnit(p, A, { type: 'regional', uscc: undefined, name: '兴化市临时救助测试工会' })).unitId;
  await ok(p.mutate(adminOf(A), 'hardship.funds.set', { year: 2026, source: 'county', budgetFen: 2_000_000 }));
}, 90_000);
afterAll(() => p?.dispose());

describe('临时救助 without a file', () => {
  it('a grant draws on the budget, is listed masked with no reason or ciphertext, and is audited', async () => {
    const before = (await county()).remainingFen;
    const byKind = async () => (await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).byKind.temporary ?? 0;
    const temporaryBefore = await byKind();
    const worker = person();
    const aid = await ok(give(staffOf(A), worker, 150_000));
    expect(await byKind()).toBe(temporaryBefore + 150_000);
    expect(aid).toMatchObject({ status: 'open', amountFen: 150_000, fundSource: 'county', year: 2026, person: { name: worker.name, idMasked: expect.stringMatching(/^3212\*+\d{3}[\dX]$/) } });
    expect((await county()).remainingFen).toBe(before - 150_000);
    const list = await ok(p.query(staffOf(A), 'hardship.temporary.list', { year: 2026 }));
    expect(list.map((a: { aidId: string }) => a.aidId)).toContain(aid.aidId);
    const text = JSON.stringify(list);
    expect(text).not.toContain(worker.idNumber);
    expect(text).not.toContain('突发重病');
    expect(text).not.toMatch(/Encrypted|idIndex|provinceIndex/);
    const audit = await ok(p.query(adminOf(A), 'audit.list', { action: 'hardship.temporary.grant', limit: 50 }));
    expect(audit.items.some((e: { entityId: string }) => e.entityId === aid.aidId)).toBe(true);
    expect(JSON.stringify(audit.items)).not.toContain(worker.name);
  });

  it('the person’s 临时救助 of the year stays within the cap, and the budget never goes negative', async () => {
    const worker = person();
    await ok(give(staffOf(A), worker, 300_000));
    const over = await give(staffOf(A), worker, 200_001); // cap 5,000 yuan per year
    expect(over.status).toBe(409);
    expect(detailsOf(over)).toMatchObject({ reason: 'cap_exceeded' });
    expect((await give(staffOf(A), worker, 500_001)).status).toBe(409); // one grant alone over the cap
    await ok(give(staffOf(A), worker, 200_000));
    const poor = await give(staffOf(A), person(), 100, { fundSource: 'social' }); // no budget set for 社会捐助
    expect(detailsOf(poor)).toMatchObject({ reason: 'budget_exhausted' });
  });

  it('above the approval threshold it needs a file; bad input is a 400 in both languages; only staff grant', async () => {
    const pack = await ok(p.query(adminOf(A), 'hardship.rules.get', { year: 2026 }));
    const { updatedAt: _u, ...rest } = pack;
    const saved = await ok(p.mutate(adminOf(A), 'hardship.rules.set', { ...rest, grantApprovalAboveFen: 100_000 }));
    const big = await give(staffOf(A), person(), 100_001);
    expect(detailsOf(big)).toMatchObject({ reason: 'approval_needed' });
    const { updatedAt: _v, grantApprovalAboveFen: _g, ...back } = saved;
    await ok(p.mutate(adminOf(A), 'hardship.rules.set', back));
    const bad = await give(staffOf(A), { name: '某', idNumber: '321281198001010001' });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/身份证号/);
    expect(bad.error?.data.messageEn).toMatch(/ID number/);
    expect((await give(reporterOf(A, unitA), person())).status).toBe(403);
  });

  it('转正 opens a draft file for the household carrying the grant over, without drawing the budget again; once only', async () => {
    const worker = person();
    const aid = await ok(give(staffOf(A), worker, 120_000));
    const remaining = (await county()).remainingFen;
    const temporaryBefore = (await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).byKind.temporary;
    const file = await ok(convert(aid));
    expect((await ok(p.query(staffOf(A), 'hardship.funds.list', { year: 2026 }))).byKind.temporary).toBe(temporaryBefore); // counted once, now as the file's grant
    expect(file).toMatchObject({ status: 'draft', aidId: aid.aidId, worker: { name: worker.name } });
    expect((await county()).remainingFen).toBe(remaining);
    const full = await ok(p.query(staffOf(A), 'hardship.files.get', { fileId: file.fileId }));
    expect(full.grants).toEqual([expect.objectContaining({ grantId: aid.aidId, kind: 'temporary', amountFen: 120_000, fundSource: 'county', grantedOn: aid.grantedOn })]);
    expect((await ok(p.mutate(staffOf(A), 'hardship.files.reveal', { fileId: file.fileId, field: 'idNumber' }))).value).toBe(worker.idNumber);
    const listed = (await ok(p.query(staffOf(A), 'hardship.temporary.list', { year: 2026 }))).find((a: { aidId: string }) => a.aidId === aid.aidId);
    expect(listed).toMatchObject({ status: 'converted', convertedFileId: file.fileId, version: 2 });
    const again = await p.mutate(staffOf(A), 'hardship.temporary.convert', { aidId: aid.aidId, version: 2, unitId: unitA, worker: {}, household: household(worker.name), consentGiven: true });
    expect(detailsOf(again)).toMatchObject({ reason: 'already_converted', fileId: file.fileId });
    // Once on file, the carried-over money counts in the household's 临时救助 cap of the year: 5,000 − 1,200 = 3,800 yuan left.
    let f = await ok(p.mutate(staffOf(A), 'hardship.files.submit', { fileId: file.fileId, version: file.version }));
    f = await ok(p.mutate(staffOf(A), 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: '2026-03-01', findings: '入户核实' }));
    await attachHardshipDocuments(p, staffOf(A), f.fileId);
    f = await ok(p.mutate(staffOf(A), 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn: '2026-03-02' }));
    await ok(p.mutate(staff2, 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议符合条件' }));
    const tooMuch = await p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'temporary', amountFen: 380_001, fundSource: 'county' });
    expect(detailsOf(tooMuch)).toMatchObject({ reason: 'cap_exceeded' });
    await ok(p.mutate(staffOf(A), 'hardship.aid.grant', { fileId: f.fileId, kind: 'temporary', amountFen: 380_000, fundSource: 'county' }));
  });

  it('someone on an open file (as applicant) is refused temporary aid and 转正, naming the file', async () => {
    const worker = person();
    const aid = await ok(give(staffOf(A), worker, 50_000));
    const opened = await ok(p.mutate(reporterOf(A, unitA), 'hardship.files.create', { unitId: unitA, worker, household: household(worker.name), consentGiven: true }));
    const refused = await give(staffOf(A), worker, 50_000);
    expect(refused.status).toBe(409);
    expect(detailsOf(refused)).toMatchObject({ reason: 'open_file_exists', fileId: opened.fileId });
    expect(refused.error?.message).toContain(opened.fileId);
    const noConvert = await convert(aid);
    expect(detailsOf(noConvert)).toMatchObject({ reason: 'open_file_exists', fileId: opened.fileId });
    const listed = (await ok(p.query(staffOf(A), 'hardship.temporary.list', { year: 2026 }))).find((a: { aidId: string }) => a.aidId === aid.aidId);
    expect(listed.status).toBe('open');
  });

  it('another federation neither sees nor converts the record; a stale version is refused', async () => {
    const aid = await ok(give(staff2, person(), 10_000));
    expect(JSON.stringify(await ok(p.query(staffOf(B), 'hardship.temporary.list', { year: 2026 })))).not.toContain(aid.aidId);
    const foreign = await p.mutate(staffOf(B), 'hardship.temporary.convert', { aidId: aid.aidId, version: 1, unitId: unitA, worker: {}, household: household('某'), consentGiven: true });
    expect(foreign.status).toBe(404);
    const stale = await p.mutate(staffOf(A), 'hardship.temporary.convert', { aidId: aid.aidId, version: 7, unitId: unitA, worker: {}, household: household('某'), consentGiven: true });
    expect(detailsOf(stale)).toMatchObject({ reason: 'stale_version' });
  });
});
