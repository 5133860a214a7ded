import { FIXTURE_TENANT, type AccessTable } from '@ufp/testing/access';

/**
 * Who may call each of the 困难帮扶 procedures, and a valid input to call it with: the permission
 * matrix sends it as every role, the fuzz test mutates it. A procedure without a row fails the matrix.
 */
export const access: AccessTable = {
  // 困难帮扶 (hardship): selfTest and notices.list are public; reporters file for their own unit.
  'hardship.rules.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.rules.set': { allow: ['federation_admin'], as: 'federation_admin', input: (f) => ({ year: f.year, dibaoMonthlyFen: 78_000, caps: { living: 1, medical: 1, education: 1, festival: 1, temporary: 1, training: 1 }, version: 0 }) },
  'hardship.selfTest': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, householdSize: 3, annualIncomeFen: 100, rigidExpensesFen: 0 }) },
  'hardship.notices.list': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT }) },
  'hardship.files.create': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: (f) => ({
    unitId: f.unitId,
    worker: { name: '矩阵职工', idNumber: '11010519491231002X' },
    household: { members: [{ relation: '本人', name: '矩阵职工' }], annualIncomeFen: 100, rigidExpensesFen: 0 },
    consentGiven: true,
  }) },
  'hardship.files.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file' }) },
  'hardship.files.list': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ limit: 5, q: '张', status: 'draft' }) },
  'hardship.files.submit': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1 }) },
  'hardship.files.investigate': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, visitedOn: '2020-01-01', findings: '矩阵测试' }) },
  'hardship.files.updateHousehold': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, household: { members: [{ relation: '本人', name: '矩阵' }], annualIncomeFen: 100, rigidExpensesFen: 0 } }) },
  'hardship.files.queue': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.files.attention': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.files.publishNotice': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, startsOn: '2020-01-02' }) },
  'hardship.files.review': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, decision: 'approve', reason: '矩阵测试' }) },
  'hardship.files.reverify': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1 }) },
  'hardship.files.exit': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, reason: '矩阵测试' }) },
  'hardship.files.reenter': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, reason: '矩阵测试' }) },
  'hardship.files.followUp': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', version: 1, visitedOn: '2026-01-01', findings: '矩阵测试' }) },
  'hardship.files.reveal': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', field: 'idNumber' }) },
  'hardship.funds.list': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.funds.set': { allow: ['federation_admin'], as: 'federation_admin', input: (f) => ({ year: f.year, source: 'county', budgetFen: 100 }) },
  'hardship.aid.grant': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', kind: 'living', amountFen: 100, fundSource: 'county' }) },
  'hardship.aid.approve': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', grantId: 'no-such-grant', version: 1 }) },
  'hardship.aid.decline': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', grantId: 'no-such-grant', version: 1, reason: '矩阵测试' }) },
  'hardship.aid.pending': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.aid.revealBankAccount': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', grantId: 'no-such-grant' }) },
  'hardship.aid.disburse': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileId: 'no-such-file', grantId: 'no-such-grant', paidOn: '2024-03-01', channel: 'cash' }) },
  'hardship.aid.reconciliation': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ year: 2024 }) },
  'hardship.duplicates': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: (f) => ({ year: f.year }) },
  'hardship.ledger.template': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.ledger.import': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: (f) => ({ fileBase64: f.ledgerXlsx, mode: 'allOrNothing' }) },
  'hardship.ledger.export': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.ledger.exportNational': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({}) },
  'hardship.ledger.jobs.start': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ fileName: '台账.xlsx', sizeBytes: 2048, mode: 'validRows' }) },
  'hardship.ledger.jobs.queue': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'hardship.ledger.jobs.get': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'hardship.ledger.jobs.list': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'hardship.ledger.jobs.cancel': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'hardship.ledger.jobs.resume': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
  'hardship.ledger.jobs.errors': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ jobId: 'no-such-job' }) },
};
