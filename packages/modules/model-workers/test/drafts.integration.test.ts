import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsFinalized } from '@ufp/competitions/events';
import type { EventEnvelope } from '@ufp/core/events';
import { consumeOnce } from '@ufp/events/idempotent-consumer';
import { birthDateOf, genderOf } from '@ufp/core/validation/id-number';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { demoIdNumber } from '@ufp/kit/seed';
import { adminOf, createTenant, createUnit, staffOf, startTestPlatform, type ApiResult, type TestPlatform } from '@ufp/testing/platform';
import { draftKeys } from '../src/drafts-store.js';

/** 技能竞赛成绩确定 → 劳模推荐草稿: exactly one draft per winner and honour, adopted into a nomination or dismissed. */
let p: TestPlatform;
const T = '321281';
const staff = staffOf(T);
let unitId: string;
const published: EventEnvelope[] = [];

async function ok<T = any>(res: Promise<ApiResult<T>>): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const newcomerId = demoIdNumber(T, '19900315', 21);
const knownId = demoIdNumber(T, '19850720', 22);

async function seal(idNumber: string, name: string) {
  const person = { name, idNumber, gender: genderOf(idNumber), birthDate: birthDateOf(idNumber), unitId, skillGrade: 'grade3' };
  return p.runtime.deps.cipher.encrypt(JSON.stringify(person), { tenantId: T, field: 'competitions.results.handoff' });
}

/** The 技能竞赛 module's final results, committed to the outbox as its finalize would (the relay delivers them). */
async function finalize(eventId: string) {
  const data = resultsFinalized.create({
    competitionId: 'cmp-1',
    eventId,
    stage: 'final',
    competitionClass: 'provincial',
    tradeCode: '6-18-02-04',
    eventName: { zh: '焊工', en: 'Welding' },
    competitionName: { zh: '2026年兴发工匠杯职业技能竞赛', en: 'Xingfa Craftsman Cup 2026' },
    resultsHash: 'f00dfeedf00dfeedf00dfeedf00dfeed',
    finalizedAt: '2026-05-20T08:00:00.000Z',
    winners: [
      { contestantId: 'ct-1', rank: 1, recommendations: [{ honourCode: 'provincial_may_day_medal', level: 'provincial' }, { honourCode: 'provincial_skills_expert', level: 'provincial' }], sealedPerson: await seal(newcomerId, '赛场新秀') },
      { contestantId: 'ct-2', rank: 2, recommendations: [{ honourCode: 'provincial_skills_expert', level: 'provincial' }], sealedPerson: await seal(knownId, '老将甲') },
    ],
  });
  const now = p.clock.now();
  const uow = new UnitOfWork(p.runtime.deps.table, { scope: { kind: 'tenant', tenantId: T, divisionCode: T, actor: { sub: staff.sub, roles: ['federation_staff'] } }, correlationId: `test-${eventId}`, now });
  await uow.emit(data).commit();
  await p.settle();
  return published.find((e) => e['detail-type'] === 'competitions.results.finalized' && (e.detail.data as any).eventId === eventId)!;
}

const draftsOf = async (eventId: string) => (await ok(p.query(staff, 'modelWorkers.drafts.list'))).filter((d: any) => d.source.eventId === eventId);

let knownPersonId: string;
let medalCampaign: string;
let expertCampaign: string;

beforeAll(async () => {
  p = await startTestPlatform();
  p.clock.set(new Date('2026-05-21T02:00:00Z'));
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '兴发集团工会' })).unitId;
  knownPersonId = (await ok(p.mutate(staff, 'modelWorkers.people.create', { idNumber: knownId, name: '老将甲', education: 'college', occupation: 'frontline', unitId }))).personId;
  const campaign = async (code: string, title: string, rules?: Record<string, number>) => {
    const c = await ok(p.mutate(staff, 'modelWorkers.campaigns.create', { code, title, year: 2026, opensOn: '2026-05-01', closesOn: '2026-09-30', places: 5, rules }));
    await ok(p.mutate(staff, 'modelWorkers.campaigns.publish', { campaignId: c.campaignId }));
    return c.campaignId as string;
  };
  medalCampaign = await campaign('provincial_may_day_medal', '2026年省五一劳动奖章推荐', { womenMin: 50 });
  expertCampaign = await campaign('provincial_skills_expert', '2026年省技术能手推荐');
  const publish = p.bus.publish.bind(p.bus);
  p.bus.publish = async (envelope) => {
    published.push(envelope);
    return publish(envelope);
  };
});
afterAll(() => p?.dispose());

describe('competitions.results.finalized → 劳模 nomination drafts', () => {
  it('delivered once by the platform and three more times (twice the same event id, once a new one) opens exactly one draft per winner and honour', async () => {
    const envelope = await finalize('ev-weld');
    expect(await draftsOf('ev-weld')).toHaveLength(3);
    const handler = p.runtime.consumers.modelWorkersCompetitionDrafts!;
    await handler(envelope);
    await handler(envelope);
    await handler({ ...envelope, id: `${envelope.id}-again` });
    // And straight to the handler with no processed marker in the way (a fresh handler name each time): the drafts' own
    // derived ids and conditional creates keep them single.
    const { table, cursors, cipher, blindIndexKey } = p.runtime.deps;
    const bare = p.runtime.composition.consumers({ table, clock: p.clock, cursors, cipher, blindIndexKey }).modelWorkersCompetitionDrafts!;
    for (let i = 0; i < 2; i++) expect(await consumeOnce(table, `direct-${i}`, envelope, bare)).toBe('processed');
    const drafts = await draftsOf('ev-weld');
    expect(drafts.map((d: any) => `${d.source.contestantId}/${d.honourCode}`).sort()).toEqual(['ct-1/provincial_may_day_medal', 'ct-1/provincial_skills_expert', 'ct-2/provincial_skills_expert']);
    const log = await ok(p.query(adminOf(T), 'audit.list', { action: 'modelWorkers.drafts.create', limit: 50 }));
    expect(log.items).toHaveLength(3);
    expect(log.items.every((e: any) => e.actor === 'system:competitions')).toBe(true);
  });

  it('a draft is pre-filled: source, honour, masked person, the result as evidence linking the verification page; a winner in the registry is linked', async () => {
    const drafts = await draftsOf('ev-weld');
    const medal = drafts.find((d: any) => d.honourCode === 'provincial_may_day_medal');
    expect(medal).toMatchObject({
      status: 'open',
      level: 'provincial',
      honourName: { zh: '省五一劳动奖章' },
      source: { competitionId: 'cmp-1', eventId: 'ev-weld', rank: 1, tradeCode: '6-18-02-04', resultsHash: 'f00dfeedf00dfeedf00dfeedf00dfeed', stage: 'final', competitionClass: 'provincial' },
      person: { nameMasked: '赛***', gender: genderOf(newcomerId), birthDate: birthDateOf(newcomerId), unitId, skillGrade: 'grade3' },
      evidence: { kind: 'competitionResult', competitionId: 'cmp-1', eventId: 'ev-weld', rank: 1, verifyPath: `/verify/competitions/${T}/ev-weld` },
      deedsShort: '在2026年兴发工匠杯职业技能竞赛焊工中获得第1名',
    });
    expect(medal.person.personId).toBeUndefined();
    expect(medal.person.idMasked).not.toContain(newcomerId.slice(6, 14));
    expect(JSON.stringify(drafts)).not.toMatch(/赛场新秀|老将甲|idCipher/);
    expect(drafts.find((d: any) => d.source.contestantId === 'ct-2').person.personId).toBe(knownPersonId);
    expect(await ok(p.query(staff, 'modelWorkers.drafts.get', { draftId: medal.draftId }))).toEqual(medal);
  });

  it('the sealed person is not stored in clear: the stored draft holds the ID number encrypted under 劳模’s own field', async () => {
    const { table } = p.runtime.deps;
    const raw = await table.doc.send(new ScanCommand({ TableName: table.name, FilterExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': draftKeys.partition(T) } }));
    expect(raw.Items).toHaveLength(3);
    const text = JSON.stringify(raw.Items);
    expect(text).not.toContain(newcomerId);
    expect(text).not.toContain(knownId);
    const item = raw.Items!.find((i) => i.source.contestantId === 'ct-1')!;
    expect(await p.runtime.deps.cipher.decrypt(item.person.idCipher, { tenantId: T, field: 'modelWorkers.person.idNumber' })).toBe(newcomerId);
    const outbox = await table.doc.send(new ScanCommand({ TableName: table.name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'event' } }));
    expect(JSON.stringify(outbox.Items)).not.toContain(newcomerId);
  });

  it('adopt creates the missing person record and nominates them with the pre-filled 事迹, under the nomination’s rules; a second adopt is 409', async () => {
    const draft = (await draftsOf('ev-weld')).find((d: any) => d.honourCode === 'provincial_may_day_medal');
    const input = { draftId: draft.draftId, version: draft.version, campaignId: medalCampaign, minutesRef: '兴发集团职代会决议〔2026〕5号' };

    const wrong = await p.mutate(staff, 'modelWorkers.drafts.adopt', { ...input, campaignId: expertCampaign, education: 'secondary' });
    expect(wrong.status).toBe(409);
    expect(wrong.error?.message).toContain('省五一劳动奖章');
    const noEducation = await p.mutate(staff, 'modelWorkers.drafts.adopt', input);
    expect(noEducation.status).toBe(400);
    expect(noEducation.error?.message).toContain('学历');
    const quota = await p.mutate(staff, 'modelWorkers.drafts.adopt', { ...input, education: 'secondary' });
    expect(quota.status).toBe(409);
    expect(quota.error?.message).toContain('女性占比');
    expect((await ok(p.query(staff, 'modelWorkers.people.list', { q: newcomerId }))).items).toHaveLength(0);

    const adopted = await ok(p.mutate(staff, 'modelWorkers.drafts.adopt', { ...input, education: 'secondary', acknowledgeQuota: true }));
    expect(adopted).toMatchObject({ status: 'adopted', version: 2, adopted: { campaignId: medalCampaign, personCreated: true, by: staff.sub } });
    const person = await ok(p.query(staff, 'modelWorkers.people.get', { personId: adopted.adopted.personId }));
    expect(person).toMatchObject({ name: '赛场新秀', occupation: 'frontline', education: 'secondary', skillGrade: 'grade3', trade: '焊工', unitId });
    const nomination = await ok(p.query(staff, 'modelWorkers.nominations.get', { campaignId: medalCampaign, nominationId: adopted.adopted.nominationId }));
    expect(nomination).toMatchObject({ personId: person.personId, status: 'nominated', deedsShort: '在2026年兴发工匠杯职业技能竞赛焊工中获得第1名', minutesRef: input.minutesRef });
    expect(nomination.deedsLong).toContain(`/verify/competitions/${T}/ev-weld`);

    const again = await p.mutate(staff, 'modelWorkers.drafts.adopt', { ...input, version: adopted.version, education: 'secondary', acknowledgeQuota: true });
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain('已采用');
    expect(await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId: medalCampaign }))).toHaveLength(1);
    const log = await ok(p.query(adminOf(T), 'audit.list', { action: 'modelWorkers.drafts.adopt', limit: 50 }));
    expect(log.items.map((e: any) => e.entityId)).toEqual([draft.draftId]);
  });

  it('the same winner’s other draft then links the record just created (no second record); a registry person is nominated as is', async () => {
    const drafts = await draftsOf('ev-weld');
    const expert = drafts.find((d: any) => d.source.contestantId === 'ct-1' && d.honourCode === 'provincial_skills_expert');
    const adopted = await ok(p.mutate(staff, 'modelWorkers.drafts.adopt', { draftId: expert.draftId, version: expert.version, campaignId: expertCampaign, minutesRef: '职代会决议〔2026〕6号', deedsShort: '焊工决赛第一名，攻克厚板焊接变形难题' }));
    expect(adopted.adopted.personCreated).toBe(false);
    const known = drafts.find((d: any) => d.source.contestantId === 'ct-2');
    // Two staff adopt it at once: one nomination, one adopted draft, the other call refused with 409.
    const input = { draftId: known.draftId, version: known.version, campaignId: expertCampaign, minutesRef: '职代会决议〔2026〕6号' };
    const twins = await Promise.all([p.mutate(staff, 'modelWorkers.drafts.adopt', input), p.mutate(adminOf(T), 'modelWorkers.drafts.adopt', input)]);
    expect(twins.map((r) => r.status).sort()).toEqual([200, 409]);
    const linked = twins.find((r) => r.status === 200)!.data;
    expect(linked.adopted).toMatchObject({ personId: knownPersonId, personCreated: false });
    const list = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId: expertCampaign }));
    expect(list.map((n: any) => n.deedsShort).sort()).toEqual(['在2026年兴发工匠杯职业技能竞赛焊工中获得第2名', '焊工决赛第一名，攻克厚板焊接变形难题']);
    const people = await ok(p.query(staff, 'modelWorkers.people.list', { q: newcomerId }));
    expect(people.items).toHaveLength(1);
  });

  it('dismiss records the reason once; a stale version is refused; the open filter leaves it out', async () => {
    const envelope = await finalize('ev-lathe');
    expect(envelope).toBeDefined();
    const draft = (await draftsOf('ev-lathe')).find((d: any) => d.source.contestantId === 'ct-2');
    const stale = await p.mutate(staff, 'modelWorkers.drafts.dismiss', { draftId: draft.draftId, version: draft.version + 1, reason: '已另行推荐' });
    expect(stale.status).toBe(409);
    const dismissed = await ok(p.mutate(staff, 'modelWorkers.drafts.dismiss', { draftId: draft.draftId, version: draft.version, reason: '已另行推荐' }));
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissed: { reason: '已另行推荐', by: staff.sub } });
    const again = await p.mutate(staff, 'modelWorkers.drafts.dismiss', { draftId: draft.draftId, version: dismissed.version, reason: '已另行推荐' });
    expect(again.status).toBe(409);
    const open = await ok(p.query(staff, 'modelWorkers.drafts.list', { status: 'open' }));
    expect(open.map((d: any) => d.draftId)).not.toContain(draft.draftId);
    expect(open.filter((d: any) => d.source.eventId === 'ev-lathe')).toHaveLength(2);
    const missing = await p.mutate(staff, 'modelWorkers.drafts.dismiss', { draftId: 'crd-nope', version: 1, reason: '已另行推荐' });
    expect(missing.status).toBe(404);
  });

  it('a winner already on the campaign’s list (an adoption cut off after its nomination) is linked to that nomination: the retry completes, nothing is listed twice', async () => {
    // 赛场新秀 won ev-lathe too; the ev-weld adoption already put them on the 省五一劳动奖章 list.
    const draft = (await draftsOf('ev-lathe')).find((d: any) => d.source.contestantId === 'ct-1' && d.honourCode === 'provincial_may_day_medal');
    const before = await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId: medalCampaign }));
    expect(before).toHaveLength(1);
    const adopted = await ok(p.mutate(staff, 'modelWorkers.drafts.adopt', { draftId: draft.draftId, version: draft.version, campaignId: medalCampaign, minutesRef: '职代会决议〔2026〕7号' }));
    expect(adopted).toMatchObject({ status: 'adopted', adopted: { nominationId: before[0].nominationId, personId: before[0].personId, personCreated: false } });
    expect(await ok(p.query(staff, 'modelWorkers.nominations.list', { campaignId: medalCampaign }))).toHaveLength(1);
  });

  it('another tenant sees none of the drafts; a unit reporter may not list them', async () => {
    await createTenant(p, '321282', '321282');
    expect(await ok(p.query(staffOf('321282'), 'modelWorkers.drafts.list'))).toEqual([]);
    const draft = (await draftsOf('ev-weld'))[0];
    expect((await p.query(staffOf('321282'), 'modelWorkers.drafts.get', { draftId: draft.draftId })).status).toBe(404);
    expect((await p.query({ sub: 'r', roles: ['unit_reporter'], tenantId: T, unitId }, 'modelWorkers.drafts.list')).status).toBe(403);
  });
});
