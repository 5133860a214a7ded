import { invalid } from '@ufp/core/errors';
import { regionProblem } from '@ufp/core/validation/divisions';
import type { DecideContext, Decision } from '@ufp/kit/transition';
import { contractCreated } from '../events.js';
import type { CreateInput } from '../schemas.js';
import { industry, type Contract, type ContractSettings, type SpecialKind } from './contract.js';
import { contractStepMetrics } from './metrics.js';
import { checkLegalFloors, checkTypeClauses, normalClauses } from './clauses.js';
import { checkTerm } from './rules.js';
import { historyEntry } from './steps.js';

/**
 * What each kind of contract must name: a term of 1–3 years, its special kind, industry or region (inside the
 * tenant), its enterprise union; and no clause below the local minimum wage.
 */
export function checkNewContract(input: CreateInput, tenantDivisionCode: string, settings: Pick<ContractSettings, 'minimumWageFen'>): void {
  checkTerm(input.term);
  if (input.type === 'special' && !input.specialKind) throw invalid({ zh: '专项集体合同须选择专项类别', en: 'Choose the kind of special contract' }, { field: 'specialKind' });
  if (input.type === 'industry' && !input.scope?.industry) throw invalid({ zh: '行业性集体合同须选择行业', en: 'Choose the industry' }, { field: 'scope.industry' });
  if (input.type === 'regional' && !input.scope?.regionCode) throw invalid({ zh: '区域性集体合同须填写区域代码', en: 'Enter the region code' }, { field: 'scope.regionCode' });
  const outside = input.scope?.regionCode ? regionProblem(input.scope.regionCode, tenantDivisionCode) : undefined;
  if (outside) throw invalid(outside.reason, { field: 'scope.regionCode' });
  if ((input.type === 'comprehensive' || input.type === 'special') && !input.unitId) {
    throw invalid({ zh: '企业集体合同须选择所属基层工会', en: 'Choose the enterprise union' }, { field: 'unitId' });
  }
  checkTypeClauses(input, input.clauses, 'clauses');
  checkLegalFloors(input.clauses, settings);
}

/** A new ledger entry, a draft (checked by `checkNewContract`). */
export function newContract(input: CreateInput, ctx: DecideContext & { contractId: string; unitName?: string }): Decision<Contract> {
  const at = ctx.now.toISOString();
  const c: Contract = {
    contractId: ctx.contractId,
    tenantId: ctx.scope.tenantId,
    title: input.title ?? defaultTitle(input, ctx.unitName),
    type: input.type,
    ...(input.specialKind && input.type === 'special' ? { specialKind: input.specialKind } : {}),
    ...(input.unitId ? { unitId: input.unitId } : {}),
    ...(input.scope ? { scope: input.scope } : {}),
    employerParties: input.employerParties,
    coveredEnterprises: input.coveredEnterprises,
    coveredEmployees: input.coveredEmployees,
    term: input.term,
    clauses: normalClauses(input.clauses),
    status: 'draft',
    representatives: {},
    rounds: [],
    performanceChecks: [],
    history: [historyEntry('create', ctx.today, at, ctx.scope.actor.sub)],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return {
    after: c,
    events: [contractCreated.create({ contractId: c.contractId, type: c.type, metrics: { ...contractStepMetrics.created } })],
    audit: { action: 'contracts.create', entityType: 'contract', entityId: c.contractId, summary: `新建集体合同台账「${c.title}」` },
  };
}

const specialKindTitle: Record<SpecialKind, string> = { wage: '工资', skill_level_wage: '能级工资', female_workers: '女职工权益保护', safety: '劳动安全卫生', tech_innovation: '职工技术创新' };

function defaultTitle(input: CreateInput, unitName?: string): string {
  const year = input.term.start.slice(0, 4);
  const party = unitName ?? input.employerParties[0]!.name;
  if (input.type === 'industry' && input.scope?.industry) return `${year}年${industry.labels[input.scope.industry].zh}集体合同`;
  if (input.type === 'special' && input.specialKind) return `${party}${year}年${specialKindTitle[input.specialKind]}专项集体合同`;
  if (input.type === 'regional') return `${party}${year}年区域性集体合同`;
  return `${party}${year}年集体合同`;
}
