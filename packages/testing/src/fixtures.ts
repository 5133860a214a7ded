/**
 * A valid input for every procedure of the app router, and a role that may send it: the
 * permission matrix (tests/permissions.test.ts) sends them as every role, the fuzz test
 * (tests/fuzz.property.test.ts) mutates them. Each new procedure gets its line here.
 *
 * Inputs name records that do not exist ('no-such-…') where a real one is not needed, so an
 * allowed call answers 200, 404 or 409; `f` holds the few real records (made in the tests'
 * beforeAll) and the other values the inputs need.
 */
import type { Claims } from '@ufp/kit/auth';
import { adminOf, leaderOf, operator, reporterOf, staffOf } from './platform.js';

export const FIXTURE_TENANT = '321281';

/** Who sends a fixture: a role of the fixture tenant, the platform operator, or nobody (public procedures). */
export type FixtureRole = 'platform_operator' | 'federation_admin' | 'federation_staff' | 'unit_reporter' | 'leadership_viewer' | 'anonymous';

export interface FixtureRefs {
  /** A unit of the fixture tenant. */
  unitId: string;
  /** The current year (rule packs, funds, rollups). */
  year: number;
  /** A tenant id not used before (tenant creation). */
  newTenantId(): string;
  /** A ledger workbook (base64) with the template's header and one invalid row: the import answers 200 with row errors. */
  ledgerXlsx: string;
}

export interface Fixture {
  as: FixtureRole;
  input: (f: FixtureRefs) => unknown;
}

/** The claims of a fixture role in the fixture tenant (null: anonymous). */
export function claimsFor(role: FixtureRole, unitId: string): Claims | null {
  switch (role) {
    case 'platform_operator':
      return operator;
    case 'federation_admin':
      return adminOf(FIXTURE_TENANT);
    case 'federation_staff':
      return staffOf(FIXTURE_TENANT);
    case 'unit_reporter':
      return reporterOf(FIXTURE_TENANT, unitId);
    case 'leadership_viewer':
      return leaderOf('32');
    case 'anonymous':
      return null;
  }
}

/** The ledger workbook of `FixtureRefs.ledgerXlsx`. */
export async function fixtureLedgerXlsx(): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const { ledgerColumns } = await import('@ufp/core/hardship/ledger');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(ledgerColumns.map((c) => c.zh)).commit();
  wb.worksheets[0]!.addRow(['不存在的工会', '矩阵', '1']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const fixtures: Record<string, Fixture> = {
  me: { as: 'federation_admin', input: () => undefined },
  'platform.tenants.create': { as: 'platform_operator', input: (f) => ({ id: f.newTenantId(), name: '泰兴市总工会', level: 'county', divisionCode: '321283' }) },
  'platform.tenants.list': { as: 'platform_operator', input: () => undefined },
  'platform.tenants.update': { as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant', version: 1, name: '矩阵租户' }) },
  'platform.tenants.suspend': { as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant', reason: '矩阵测试' }) },
  'platform.tenants.reactivate': { as: 'platform_operator', input: () => ({ tenantId: 'no-such-tenant' }) },
  'platform.deadLetters.list': { as: 'platform_operator', input: () => ({}) },
  'platform.deadLetters.redrive': { as: 'platform_operator', input: () => ({ ids: ['table/321281/no-such-letter'] }) },
  'units.create': { as: 'federation_admin', input: () => ({ name: '权限矩阵工会', type: 'regional', memberCount: 3, chair: { name: '矩阵' } }) },
  'units.update': { as: 'federation_admin', input: (f) => ({ unitId: f.unitId, version: 1, memberCount: 7 }) },
  'units.get': { as: 'federation_admin', input: (f) => ({ unitId: f.unitId }) },
  'units.list': { as: 'federation_admin', input: () => ({ limit: 5 }) },
  'units.revealChairPhone': { as: 'federation_admin', input: (f) => ({ unitId: f.unitId }) },
  'users.create': { as: 'federation_admin', input: () => ({ name: '矩阵用户', roles: ['federation_staff'] }) },
  'users.list': { as: 'federation_admin', input: () => ({}) },
  'users.update': { as: 'federation_admin', input: () => ({ userId: 'no-such-user', version: 1, name: '矩阵用户' }) },
  'users.disable': { as: 'federation_admin', input: () => ({ userId: 'no-such-user', reason: '矩阵测试' }) },
  'users.enable': { as: 'federation_admin', input: () => ({ userId: 'no-such-user' }) },
  'audit.list': { as: 'federation_admin', input: () => ({ limit: 5 }) },
  'audit.platform': { as: 'platform_operator', input: () => ({ limit: 5 }) },
  'audit.verify': { as: 'federation_admin', input: () => ({}) },
  'audit.verifyPlatform': { as: 'platform_operator', input: () => ({}) },
  'deadLetters.list': { as: 'federation_admin', input: () => ({}) },
  'deadLetters.replay': { as: 'federation_admin', input: () => ({ id: 'no-such-dead-letter' }) },
  'rollups.overview': { as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'contracts.create': { as: 'federation_admin', input: () => ({ type: 'industry', scope: { industry: 'express' }, employerParties: [{ name: '矩阵快递协会' }], coveredEnterprises: 3, coveredEmployees: 90, term: { start: '2026-01-01', end: '2026-12-31' } }) },
  'contracts.get': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.list': { as: 'federation_admin', input: () => ({ limit: 5 }) },
  'contracts.export': { as: 'federation_admin', input: () => ({}) },
  'contracts.offer.send': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', sentOn: '2026-01-05', fromSide: 'worker' }) },
  'contracts.offer.reply': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', repliedOn: '2026-01-05', accepted: true }) },
  'contracts.representatives.set': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', side: 'worker', members: [{ name: '甲', role: '首席' }, { name: '乙', role: '成员' }, { name: '丙', role: '成员' }], chiefIndex: 0 }) },
  'contracts.rounds.add': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', heldOn: '2026-01-05', minutes: '纪要' }) },
  'contracts.representatives.vacate': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', side: 'worker', memberIndex: 1, vacatedOn: '2026-01-05', reason: '辞任' }) },
  'contracts.congress.record': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', representativesTotal: 30, present: 20, approve: 16 }) },
  'contracts.sign': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', signedOn: '2026-01-05' }) },
  'contracts.file': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', filedOn: '2026-01-05' }) },
  'contracts.review.record': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', opinion: '无异议' }) },
  'contracts.publish': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', publishedOn: '2026-01-05' }) },
  'contracts.performance.check': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', year: 2026, findings: '履约良好' }) },
  'contracts.renew': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.terminate': { as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', reason: '企业破产' }) },
  'contracts.deadlines.list': { as: 'federation_admin', input: () => ({ withinDays: 30 }) },
  'contracts.settings.get': { as: 'federation_admin', input: () => undefined },
  'contracts.settings.set': { as: 'federation_admin', input: () => ({ version: 0, extendOnRestDay: false }) },
  'contracts.calendar.get': { as: 'federation_admin', input: () => undefined },
  'contracts.calendar.load': { as: 'platform_operator', input: () => ({ year: 2099, version: 0, source: '矩阵测试', off: ['2099-01-01'], work: [] }) },
  'notifications.list': { as: 'federation_admin', input: () => ({}) },
  'notifications.markRead': { as: 'federation_admin', input: () => ({ id: 'no-such-notification' }) },
  'tenThings.settings.get': { as: 'federation_admin', input: () => undefined },
  'tenThings.settings.update': { as: 'federation_admin', input: () => ({ version: 99, maxAdopted: 10, atRiskPoints: 15, behindPoints: 30 }) },
  'tenThings.plans.create': { as: 'federation_admin', input: () => ({ year: 2030, title: '矩阵十件实事' }) },
  'tenThings.plans.list': { as: 'federation_admin', input: () => ({}) },
  'tenThings.plans.get': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.plans.previewVote': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan', representativesTotal: 3, present: 3, ballots: [{ candidateId: 'x', for: 2, against: 1, abstain: 0 }] }) },
  'tenThings.plans.recordVote': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan', representativesTotal: 3, present: 3, ballots: [{ candidateId: 'x', for: 2, against: 1, abstain: 0 }] }) },
  'tenThings.plans.resolveTie': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan', candidateIds: ['x'] }) },
  'tenThings.candidates.parse': { as: 'federation_admin', input: () => ({ targetsText: '开展宣讲不少于20场' }) },
  'tenThings.candidates.propose': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan', title: '矩阵', category: 'other', leadDept: '办公室', targetsText: '开展宣讲不少于20场' }) },
  'tenThings.items.get': { as: 'federation_admin', input: () => ({ itemId: 'no-such-item' }) },
  'tenThings.items.assign': { as: 'federation_admin', input: () => ({ itemId: 'no-such-item', version: 1, leadDept: '办公室', coUnitIds: [], milestones: [] }) },
  'tenThings.items.mine': { as: 'unit_reporter', input: () => undefined },
  'tenThings.progress.report': { as: 'federation_admin', input: () => ({ itemId: 'no-such-item', targetIndex: 0, quantity: 1, occurredOn: '2024-01-02' }) },
  'tenThings.progress.correct': { as: 'federation_admin', input: () => ({ itemId: 'no-such-item', entryId: 'no-such-entry', reason: '矩阵测试' }) },
  'tenThings.evidence.createUpload': { as: 'federation_admin', input: () => ({ itemId: 'no-such-item', fileName: '矩阵.png', contentType: 'image/png', sizeBytes: 100 }) },
  'tenThings.evidence.complete': { as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'tenThings.evidence.url': { as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'tenThings.reports.annual': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.reports.annualXlsx': { as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.public.item': { as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, itemId: 'no-such-item' }) },
  'tenThings.public.rate': { as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, itemId: 'no-such-item', score: 5 }) },
  'hardship.rules.get': { as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.rules.set': { as: 'federation_admin', input: (f) => ({ year: f.year, dibaoMonthlyFen: 78_000, caps: { living: 1, medical: 1, education: 1, festival: 1, temporary: 1, training: 1 }, version: 0 }) },
  'hardship.selfTest': { as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, householdSize: 3, annualIncomeFen: 100, rigidExpensesFen: 0 }) },
  'hardship.notices.list': { as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT }) },
  'hardship.files.create': { as: 'federation_admin', input: (f) => ({
    unitId: f.unitId,
    worker: { name: '矩阵职工', idNumber: '11010519491231002X' },
    household: { members: [{ relation: '本人', name: '矩阵职工' }], annualIncomeFen: 100, rigidExpensesFen: 0 },
    consentGiven: true,
  }) },
  'hardship.files.get': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file' }) },
  'hardship.files.list': { as: 'federation_admin', input: () => ({ limit: 5 }) },
  'hardship.files.submit': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1 }) },
  'hardship.files.investigate': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, visitedOn: '2020-01-01', findings: '矩阵测试' }) },
  'hardship.files.updateHousehold': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, household: { members: [{ relation: '本人', name: '矩阵' }], annualIncomeFen: 100, rigidExpensesFen: 0 } }) },
  'hardship.files.queue': { as: 'federation_admin', input: () => undefined },
  'hardship.files.attention': { as: 'federation_admin', input: () => undefined },
  'hardship.files.publishNotice': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, startsOn: '2020-01-02' }) },
  'hardship.files.review': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, decision: 'approve', reason: '矩阵测试' }) },
  'hardship.files.reverify': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1 }) },
  'hardship.files.exit': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, reason: '矩阵测试' }) },
  'hardship.files.reenter': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, reason: '矩阵测试' }) },
  'hardship.files.followUp': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, visitedOn: '2026-01-01', findings: '矩阵测试' }) },
  'hardship.files.reveal': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', field: 'idNumber' }) },
  'hardship.funds.list': { as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.funds.set': { as: 'federation_admin', input: (f) => ({ year: f.year, source: 'county', budgetFen: 100 }) },
  'hardship.aid.grant': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', kind: 'living', amountFen: 100, fundSource: 'county' }) },
  'hardship.aid.revealBankAccount': { as: 'federation_admin', input: () => ({ fileId: 'no-such-file', grantId: 'no-such-grant' }) },
  'hardship.duplicates': { as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.ledger.template': { as: 'federation_admin', input: () => undefined },
  'hardship.ledger.import': { as: 'federation_admin', input: (f) => ({ fileBase64: f.ledgerXlsx, mode: 'allOrNothing' }) },
  'hardship.ledger.export': { as: 'federation_admin', input: () => undefined },
};
