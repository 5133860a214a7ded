import type { Contract } from '../src/domain/contract.js';

/** An industry contract (快递行业) in draft, for the domain rules' unit tests; `over` sets what a test is about. */
export const aContract = (over: Partial<Contract> = {}): Contract => ({
  contractId: 'c1',
  tenantId: 't',
  title: '快递行业集体合同',
  type: 'industry',
  scope: { industry: 'express' },
  employerParties: [{ name: '某快递企业协会' }],
  coveredEnterprises: 12,
  coveredEmployees: 1800,
  term: { start: '2026-01-01', end: '2028-12-31' },
  clauses: { wageGrowthPct: 5.5 },
  status: 'draft',
  representatives: {},
  rounds: [],
  performanceChecks: [],
  history: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});
