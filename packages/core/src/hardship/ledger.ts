// console import; see issue 13 (apps/console/e2e/hardship.e2e.test.ts, and packages/testing/src/fixtures.ts, which this
// issue's engineers may not edit). The ledger columns live in the hardship module.
export { ledgerColumns } from '../../../modules/hardship/src/domain/ledger.js';
