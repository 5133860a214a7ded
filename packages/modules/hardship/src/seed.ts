import type { Claims } from '@ufp/kit/auth';
import { shanghaiDate } from '@ufp/core/clock';
import { addDays } from './domain/workflow.js';
import { demoIdNumber, seedUpload, type SeedApi } from '@ufp/kit/seed';

const households = [
  { name: '周建华', birth: '19780214', size: 3, income: 3_405_000, rigid: 1_200_000, causes: ['本人下岗再就业，妻子患慢性病'], steps: 'approved' },
  { name: '吴秀兰', birth: '19820907', size: 4, income: 6_000_000, rigid: 1_800_000, causes: ['子女就读大学，学费负担重'], steps: 'noticed' },
  { name: '郑国强', birth: '19750530', size: 2, income: 2_400_000, rigid: 300_000, causes: ['工伤致残'], steps: 'submitted' },
] as const;

/**
 * 兴化 (321281): a second caseworker (评议 must be by someone other than the submitter),
 * budgets for the year, and three households at different steps of the workflow.
 */
export async function seedHardship(api: SeedApi): Promise<void> {
  const tenant = api.tenants.find((t) => t.id === '321281');
  if (!tenant) return;
  const admin = api.admin(tenant.id);
  const staff = api.staff(tenant.id);
  const reporter = api.reporter(tenant.id);
  const reviewerUser = await api.call(admin, 'users.create', { name: '帮扶审核员', roles: ['federation_staff'] });
  const reviewer: Claims = { sub: String(reviewerUser.userId), name: '帮扶审核员', roles: ['federation_staff'], tenantId: tenant.id };
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  for (const [source, yuan] of [['county', 500_000], ['central', 300_000], ['union', 100_000]] as const) {
    await api.call(admin, 'hardship.funds.set', { year, source, budgetFen: yuan * 100 });
  }
  const unitId = tenant.unitIds[0]!;
  let seq = 11;
  for (const h of households) {
    const idNumber = demoIdNumber(tenant.divisionCode, h.birth, seq++);
    let f = await api.call(reporter, 'hardship.files.create', {
      unitId,
      worker: { name: h.name, idNumber, phone: '13905260000' },
      household: {
        members: [{ relation: '本人', name: h.name, idNumber }, ...Array.from({ length: h.size - 1 }, (_, i) => ({ relation: i === 0 ? '配偶' : '子女', name: `${h.name.slice(0, 1)}某${i + 1}` }))],
        annualIncomeFen: h.income,
        rigidExpensesFen: h.rigid,
        causes: [...h.causes],
        events: [],
      },
      consentGiven: true,
    });
    await attachDocuments(api, reporter, String(f.fileId));
    f = await api.call(reporter, 'hardship.files.submit', { fileId: f.fileId, version: f.version });
    if (h.steps === 'submitted') continue;
    f = await api.call(reporter, 'hardship.files.investigate', { fileId: f.fileId, version: f.version, visitedOn: addDays(today, -10), findings: '单位工会入户走访，收入、支出情况与申报一致' });
    const startsOn = h.steps === 'noticed' ? today : addDays(today, -9);
    f = await api.call(staff, 'hardship.files.publishNotice', { fileId: f.fileId, version: f.version, startsOn });
    if (h.steps === 'noticed') continue;
    f = await api.call(reviewer, 'hardship.files.review', { fileId: f.fileId, version: f.version, decision: 'approve', reason: '经评议公示无异议，符合建档条件' });
    await api.call(staff, 'hardship.aid.grant', { fileId: f.fileId, kind: 'festival', amountFen: 80_000, fundSource: 'union', note: '两节送温暖' });
  }
}

/** The signed 申请表 and 收入核对授权书, uploaded by the unit's reporter as the console does. */
async function attachDocuments(api: SeedApi, reporter: Claims, fileId: string): Promise<void> {
  for (const [kind, fileName] of [['application', '困难职工帮扶申请表.pdf'], ['income_consent', '家庭经济状况核对授权书.pdf']] as const) {
    await seedUpload(api, reporter, { path: 'hardship.files.documents.createUpload', input: { fileId, kind, fileName, contentType: 'application/pdf' } }, { path: 'hardship.files.documents.complete', input: { fileId } });
  }
}
