// The contracts module's zod-free rules and labels the console shows (the server module owns them).
import { contractStatus, contractType, femaleProtection, industry, skillGrade, specialKind } from '@ufp/contracts/domain/contract';
import { historyStep } from '@ufp/contracts/domain/lifecycle';
import { replyState } from '@ufp/contracts/domain/campaign-states';
import { filingDocumentKind } from '@ufp/contracts/domain/filing-kinds';

export { voteRuleOf, type ClockRule, type ContractType } from '@ufp/contracts/domain/contract';
export { voteThresholds } from '@ufp/contracts/domain/rules';
export { clauseFits, clauseLabels } from '@ufp/contracts/domain/clauses';
export const contractTypes = contractType.values;
export const specialKinds = specialKind.values;
export const industries = industry.values;
export const contractStatuses = contractStatus.values;
export const contractTypeLabels = contractType.labels;
export const specialKindLabels = specialKind.labels;
export const industryLabels = industry.labels;
export const contractStatusLabels = contractStatus.labels;
export const stepLabels = historyStep.labels;
export { MAX_CAMPAIGN_CONTRACTS } from '@ufp/contracts/domain/campaign-states';
export const replyStates = replyState.values;
export const replyStateLabels = replyState.labels;
export const skillGrades = skillGrade.values;
export const skillGradeLabels = skillGrade.labels;
export const femaleProtections = femaleProtection.values;
export const femaleProtectionLabels = femaleProtection.labels;
export { filingDocumentTypes, filingKindHint, filingKindLabel, reviewOpinionTypes, type FilingDocumentKind } from '@ufp/contracts/domain/filing-kinds';
export const filingKinds = filingDocumentKind.values;
export const filingKindLabels = filingDocumentKind.labels;
