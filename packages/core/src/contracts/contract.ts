// console import; see issue 13 — the rules live in packages/modules/contracts/src/domain.
import { contractStatus, contractType, industry, specialKind } from '../../../modules/contracts/src/domain/contract.js';

export { voteRuleOf, type ClockRule, type ContractType } from '../../../modules/contracts/src/domain/contract.js';
export const contractTypes = contractType.values;
export const specialKinds = specialKind.values;
export const industries = industry.values;
export const contractStatuses = contractStatus.values;
export const contractTypeLabels = contractType.labels;
export const specialKindLabels = specialKind.labels;
export const industryLabels = industry.labels;
export const contractStatusLabels = contractStatus.labels;
