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

/** A contract in negotiation: the offer accepted, three representatives a side, the wage clauses at the floor (249,000 fen). */
export const aNegotiatingContract = (over: Partial<Contract> = {}): Contract =>
  aContract({
    clauses: { wageGrowthPct: 5, minimumWageFen: 249_000 },
    status: 'negotiating',
    offer: { sentOn: '2026-02-01', fromSide: 'worker', repliedOn: '2026-02-10', accepted: true },
    representatives: {
      worker: { members: [{ name: '王主席', role: '主席' }, { name: '李代表', role: '职工' }, { name: '赵代表', role: '职工' }], chiefIndex: 0, setOn: '2026-02-12' },
      employer: { members: [{ name: '钱经理', role: '总经理' }, { name: '孙经理', role: '人力资源部经理' }, { name: '周经理', role: '财务' }], chiefIndex: 0, setOn: '2026-02-12' },
    },
    ...over,
  });
