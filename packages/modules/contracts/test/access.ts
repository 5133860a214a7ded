import type { AccessTable } from '@ufp/testing/access';

/**
 * Who may call each of the 集体合同 procedures (the holiday calendar included), and a valid input to call it with: the permission
 * matrix sends it as every role, the fuzz test mutates it. A procedure without a row fails the matrix.
 */
export const access: AccessTable = {
  // 集体合同 (contracts): staff run the lifecycle, reporters read their unit's contracts, admins set the rules.
  'contracts.create': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ type: 'industry', scope: { industry: 'express' }, employerParties: [{ name: '矩阵快递协会' }], coveredEnterprises: 3, coveredEmployees: 90, term: { start: '2026-01-01', end: '2026-12-31' } }) },
  'contracts.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.list': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ limit: 5, q: '集体合同' }) },
  'contracts.export': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({}) },
  'contracts.offer.send': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', sentOn: '2026-01-05', fromSide: 'worker' }) },
  'contracts.offer.reply': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', repliedOn: '2026-01-05', accepted: true }) },
  'contracts.campaigns.create': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ title: '矩阵集中要约', sentOn: '2026-01-05', fromSide: 'worker', contractIds: ['no-such-contract', 'no-such-contract-2'] }) },
  'contracts.campaigns.list': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'contracts.campaigns.get': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign' }) },
  'contracts.representatives.set': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', side: 'worker', members: [{ name: '甲', role: '首席' }, { name: '乙', role: '成员' }, { name: '丙', role: '成员' }], chiefIndex: 0 }) },
  'contracts.representatives.vacate': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', side: 'worker', memberIndex: 1, vacatedOn: '2026-01-05', reason: '辞任' }) },
  'contracts.rounds.add': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', heldOn: '2026-01-05', minutes: '纪要' }) },
  'contracts.congress.record': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', representativesTotal: 30, present: 20, approve: 16 }) },
  'contracts.sign': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', signedOn: '2026-01-05' }) },
  'contracts.file': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', filedOn: '2026-01-05' }) },
  'contracts.filingPackage': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.review.record': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', objectionOn: '2026-01-05', opinion: '工资条款须修改', opinionEvidenceId: 'no-such-evidence' }) },
  'contracts.publish': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', publishedOn: '2026-01-05' }) },
  'contracts.performance.check': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', checkedOn: '2026-01-05', checkers: ['王主席'], items: [{ item: '工资按时足额发放', kept: true }], findings: '履约良好', reportedToCongress: true, reportedOn: '2026-01-05' }) },
  'contracts.evidence.createUpload': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', purpose: 'filing', kind: 'contract_text', fileName: '集体合同文本.pdf', contentType: 'application/pdf', sizeBytes: 100 }) },
  'contracts.evidence.complete': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'contracts.evidence.url': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'contracts.renew': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.amend': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract' }) },
  'contracts.terminate': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ contractId: 'no-such-contract', reason: '企业破产' }) },
  'contracts.deadlines.list': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ withinDays: 30 }) },
  'contracts.settings.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => undefined },
  'contracts.settings.set': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ version: 0, extendOnRestDay: false }) },
  'contracts.calendar.get': { allow: 'signed-in', as: 'federation_admin', input: () => undefined },
  'contracts.calendar.job': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ jobId: 'no-such-job' }) },
  'contracts.calendar.load': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ year: 2099, version: 0, source: '矩阵测试', off: ['2099-01-01'], work: [] }) },
};
