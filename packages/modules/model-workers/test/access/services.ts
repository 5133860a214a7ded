import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const reporters = [...staff, 'unit_reporter'] as const;
const survey = {
  personId: 'no-such-person',
  year: 2026,
  personIncomeFen: 3_600_000,
  spouseIncomeFen: 1_200_000,
  spouseName: '矩阵配偶',
  members: [{ relation: '子女', name: '矩阵子女', annualIncomeFen: 0, health: '健康' }],
  householdSize: 3,
  rigidExpensesFen: 0,
  illness: false,
  health: '良好',
  pensionInsurance: true,
  medicalInsurance: true,
  housingType: 'owned',
  housingAreaM2: 60,
  employmentStatus: 'employed',
  difficulties: '无',
  hardshipCategory: 'none',
};
const grant = { personId: 'no-such-person', kind: 'special_subsidy', grantedOn: '2026-01-05', amountFen: 100_000, note: '矩阵' };
const amounts = { national: 100_000, provincial: 50_000, city: 30_000, county: 20_000 };

/** 生活状况调查 (the person's unit or staff) and the benefits ledger (staff; budgets and amounts: the admin). */
export const servicesAccess: AccessTable = {
  'modelWorkers.surveys.submit': { allow: reporters, as: 'federation_admin', input: () => survey },
  'modelWorkers.surveys.listOfPerson': { allow: reporters, as: 'federation_admin', input: () => ({ personId: 'no-such-person' }) },
  'modelWorkers.surveys.get': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', year: 2026 }) },
  'modelWorkers.benefits.budgets': { allow: staff, as: 'federation_admin', input: () => ({ year: 2026 }) },
  'modelWorkers.benefits.setBudget': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ year: 2026, budgetFen: 100_000, version: 99 }) },
  'modelWorkers.benefits.setAmounts': { allow: ['federation_admin'], as: 'federation_admin', input: () => ({ version: 99, amounts: { special_subsidy: amounts, honour_allowance: amounts, spring_festival: amounts } }) },
  'modelWorkers.benefits.quote': { allow: staff, as: 'federation_admin', input: () => grant },
  'modelWorkers.benefits.grant': { allow: staff, as: 'federation_admin', input: () => grant },
  'modelWorkers.benefits.list': { allow: staff, as: 'federation_admin', input: () => ({ year: 2026, personId: 'no-such-person' }) },
};
