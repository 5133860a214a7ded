// console import; see issue 13 — the rules live in packages/modules/contracts/src/domain.
export { voteThresholds } from '../../../modules/contracts/src/domain/rules.js';
