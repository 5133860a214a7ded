import type { Contract } from '../src/domain/contract.js';
import type { FilingDocument, ReviewOpinionFile } from '../src/domain/evidence.js';
import { DEFAULT_FILING_DOCUMENTS, type FilingDocumentKind } from '../src/domain/filing-kinds.js';

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

/** A checked file of contract c1, uploaded before its first filing; `over` sets what a test is about. */
const aFile = (evidenceId: string) => ({
  evidenceId,
  tenantId: 't',
  module: 'contracts' as const,
  subjectId: 'c1',
  fileName: `${evidenceId}.pdf`,
  contentType: 'application/pdf' as const,
  sizeBytes: 1000,
  key: `t/evidence/${evidenceId}`,
  status: 'ready' as const,
  uploadedBy: 'u1',
  version: 2,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
});

/** A checked 备案材料 of `kind` for contract c1's first filing. */
export const aFilingDocument = (kind: FilingDocumentKind, over: Partial<FilingDocument> = {}): FilingDocument => ({ ...aFile(`doc-${kind}`), purpose: 'filing', documentKind: kind, filingRound: 0, ...over });

/** Checked documents of every kind in `kinds` (by default the four a filing needs) for contract c1's first filing. */
export const aFilingPackage = (kinds: readonly FilingDocumentKind[] = DEFAULT_FILING_DOCUMENTS, over: Partial<FilingDocument> = {}): FilingDocument[] => kinds.map((k) => aFilingDocument(k, over));

/** The bureau's checked 审查意见书 for contract c1. */
export const aReviewOpinion = (over: Partial<ReviewOpinionFile> = {}): ReviewOpinionFile => ({ ...aFile('opinion'), fileName: '审查意见书.pdf', purpose: 'reviewOpinion', ...over });

/** A 快递行业 (industry-wide) contract's create input for the unit, in force 2025-10-01 to 2027-09-30; `over` sets what a test is about. */
export const expressContract = (unitId: string, over: Record<string, unknown> = {}) => ({
  type: 'industry',
  scope: { industry: 'express' },
  unitId,
  employerParties: [{ name: '兴化市快递物流协会' }],
  coveredEnterprises: 18,
  coveredEmployees: 1200,
  term: { start: '2025-10-01', end: '2027-09-30' },
  clauses: { wageGrowthPct: 6.5, minimumWageFen: 260000 },
  ...over,
});
