// console import; see issue 13 — the rules live in packages/modules/contracts/src/domain.
import { historyStep } from '../../../modules/contracts/src/domain/lifecycle.js';

export const stepLabels = historyStep.labels;
