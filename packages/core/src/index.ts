export * from './roles.js';
export * from './events.js';
export * from './validation/index.js';
export * from './pii/index.js';
