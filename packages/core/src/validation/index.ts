export type { Invalid, Reason } from './result.js';
export * from './division.js';
export * from './uscc.js';
export * from './id-number.js';
export * from './phone.js';
export * from './zod.js';
export * from './divisions.js';
export * from './identifiers.js';
export * from './text.js';
