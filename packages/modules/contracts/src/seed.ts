import { shanghaiDate } from '@ufp/core/clock';
import { addDays, addYears } from '@ufp/core/calendar/dates';
import { seedUpload, type SeedApi } from '@ufp/kit/seed';

/**
 * 集体合同 demo data, through the API: each tenant's local minimum wage (江苏 2025 一类 2490 元),
 * a 兴化 enterprise contract already signed (its filing clock running, three of the four 备案材料
 * uploaded: the 职代会决议 is still to come, so the page shows what blocks the filing), a 泰州
 * express-industry contract in negotiation, and a 靖江 offer awaiting its reply.
 */
export async function seedContracts(api: SeedApi): Promise<void> {
  const today = shanghaiDate(new Date());
  const ago = (n: number) => addDays(today, -n);
  const term = { start: addDays(today, 30), end: addDays(addYears(addDays(today, 30), 3), -1) };
  for (const t of api.tenants) {
    await api.call(api.admin(t.id), 'contracts.settings.set', { version: 0, minimumWageFen: 249000 });
  }
  const byId = new Map(api.tenants.map((t) => [t.id, t]));

  const xinghua = byId.get('321281');
  if (xinghua) {
    const staff = api.staff(xinghua.id);
    const c = await api.call(staff, 'contracts.create', {
      type: 'comprehensive',
      unitId: xinghua.unitIds[1],
      employerParties: [{ name: '江苏兴化钢铁制品有限公司' }],
      coveredEnterprises: 1,
      coveredEmployees: 620,
      term,
      clauses: { wageGrowthPct: 5, minimumWageFen: 260000, workingHours: '标准工时制，每周40小时' },
    });
    await walk(api, staff, String(c.contractId), ago(40), ago(5));
    for (const [kind, fileName] of [['contract_text', '兴化钢铁集体合同（签字文本）.pdf'], ['representative_lists', '双方协商代表名单.pdf'], ['offer_and_reply', '协商要约书及回复函.pdf']] as const) {
      await seedUpload(api, staff, { path: 'contracts.evidence.createUpload', input: { contractId: c.contractId, purpose: 'filing', kind, fileName, contentType: 'application/pdf' } }, { path: 'contracts.evidence.complete' });
    }
  }
  const taizhou = byId.get('3212');
  if (taizhou) {
    const staff = api.staff(taizhou.id);
    const c = await api.call(staff, 'contracts.create', {
      type: 'industry',
      scope: { industry: 'express' },
      unitId: taizhou.unitIds[0],
      employerParties: [{ name: '泰州市快递行业协会' }],
      coveredEnterprises: 36,
      coveredEmployees: 4200,
      term,
      clauses: { wageGrowthPct: 6.5, minimumWageFen: 265000, protections: '高温、冬季送件安全保障' },
    });
    const id = String(c.contractId);
    await api.call(staff, 'contracts.offer.send', { contractId: id, sentOn: ago(20), fromSide: 'worker' });
    await api.call(staff, 'contracts.offer.reply', { contractId: id, repliedOn: ago(12), accepted: true });
  }
  const jingjiang = byId.get('321282');
  if (jingjiang) {
    const staff = api.staff(jingjiang.id);
    const c = await api.call(staff, 'contracts.create', {
      type: 'special',
      specialKind: 'wage',
      unitId: jingjiang.unitIds[0],
      employerParties: [{ name: '靖江市船舶制造有限公司' }],
      coveredEnterprises: 1,
      coveredEmployees: 1380,
      term: { start: term.start, end: addDays(addYears(term.start, 1), -1) },
      clauses: { wageGrowthPct: 4.5 },
    });
    await api.call(staff, 'contracts.offer.send', { contractId: String(c.contractId), sentOn: ago(15), fromSide: 'worker' });
  }
}

async function walk(api: SeedApi, staff: ReturnType<SeedApi['staff']>, contractId: string, from: string, signedOn: string) {
  const members = (who: string) => ['主席', '委员', '委员'].map((role, i) => ({ name: `${who}代表${i + 1}`, role }));
  // The enterprise union has a 女职工委员会, so its head sits on the worker side (local rules).
  const workers = members('职工').map((m, i) => (i === 1 ? { ...m, role: '女职工委员会主任', femaleCommitteeHead: true } : m));
  const steps: [string, Record<string, unknown>][] = [
    ['contracts.offer.send', { sentOn: from, fromSide: 'worker' }],
    ['contracts.offer.reply', { repliedOn: addDays(from, 5), accepted: true }],
    ['contracts.representatives.set', { side: 'worker', members: workers, chiefIndex: 0, femaleCommittee: true }],
    ['contracts.representatives.set', { side: 'employer', members: members('企业'), chiefIndex: 0 }],
    ['contracts.rounds.add', { heldOn: addDays(from, 10), minutes: '就工资增幅、工时和劳动保护达成一致', openIssues: [] }],
    ['contracts.congress.record', { heldOn: addDays(signedOn, -2), representativesTotal: 45, present: 41, approve: 39 }],
    ['contracts.sign', { signedOn }],
  ];
  for (const [path, input] of steps) await api.call(staff, path, { contractId, ...input });
}
