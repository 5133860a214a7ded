// console import; see issue 13 (apps/console/src/pages/hardship/shared.ts). The rules live in the hardship module.
export type { HardshipClock, HardshipClockKind, HardshipClockState } from '../../../modules/hardship/src/domain/clocks.js';
