import { FIXTURE_TENANT, type AccessTable } from '@ufp/testing/access';

/**
 * Who may call each of the 十件实事 procedures, and a valid input to call it with: the permission
 * matrix sends it as every role, the fuzz test mutates it. A procedure without a row fails the matrix.
 */
export const access: AccessTable = {
  // 十件实事 (ten things): staff run the programme; reporters see and report on their unit's tasks; the rating page is public.
  'tenThings.settings.get': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => undefined },
  'tenThings.settings.update': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ version: 99, maxAdopted: 10, atRiskPoints: 15, behindPoints: 30 }) },
  'tenThings.plans.create': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ year: 2030, title: '矩阵十件实事' }) },
  'tenThings.plans.list': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({}) },
  'tenThings.plans.get': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.plans.previewVote': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan', representativesTotal: 3, present: 3, ballots: [{ candidateId: 'x', for: 2, against: 1, abstain: 0 }] }) },
  'tenThings.plans.recordVote': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan', representativesTotal: 3, present: 3, ballots: [{ candidateId: 'x', for: 2, against: 1, abstain: 0 }] }) },
  'tenThings.plans.resolveTie': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan', candidateIds: ['x'] }) },
  'tenThings.plans.evaluate': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan', respondents: 30, items: [{ itemId: 'x', satisfied: 20, basic: 5, dissatisfied: 1 }] }) },
  'tenThings.plans.close': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.candidates.parse': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ targetsText: '开展宣讲不少于20场' }) },
  'tenThings.candidates.solicit': { allow: ['unit_reporter'], as: 'unit_reporter', input: () => ({ planId: 'no-such-plan', title: '矩阵建议', category: 'other', targetsText: '开展宣讲不少于20场' }) },
  'tenThings.candidates.mine': { allow: ['unit_reporter'], as: 'unit_reporter', input: () => undefined },
  'tenThings.candidates.shortlist': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', version: 1, leadDept: '办公室' }) },
  'tenThings.candidates.merge': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', intoItemId: 'other-item' }) },
  'tenThings.candidates.propose': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan', title: '矩阵', category: 'other', leadDept: '办公室', targetsText: '开展宣讲不少于20场' }) },
  'tenThings.items.get': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item' }) },
  'tenThings.items.assign': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', version: 1, leadDept: '办公室', coUnitIds: [], milestones: [] }) },
  'tenThings.items.mine': { allow: ['unit_reporter'], as: 'unit_reporter', input: () => undefined },
  'tenThings.progress.report': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', targetIndex: 0, quantity: 1, occurredOn: '2024-01-02' }) },
  'tenThings.progress.correct': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', entryId: 'no-such-entry', reason: '矩阵测试' }) },
  'tenThings.evidence.createUpload': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ itemId: 'no-such-item', fileName: '矩阵.png', contentType: 'image/png', sizeBytes: 100 }) },
  'tenThings.evidence.complete': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'tenThings.evidence.url': { allow: ['federation_admin', 'federation_staff', 'unit_reporter'], as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'tenThings.reports.annual': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.reports.annualXlsx': { allow: ['federation_admin', 'federation_staff'], as: 'federation_admin', input: () => ({ planId: 'no-such-plan' }) },
  'tenThings.public.item': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, itemId: 'no-such-item' }) },
  'tenThings.public.rate': { allow: 'public', as: 'anonymous', input: () => ({ tenantId: FIXTURE_TENANT, itemId: 'no-such-item', score: 5 }) },
};
