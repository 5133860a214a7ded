export * from './targets.js';
export * from './vote.js';
export * from './status.js';
export * from './ledger.js';
export * from './model.js';
