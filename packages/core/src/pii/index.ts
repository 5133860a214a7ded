export * from './keyring.js';
export * from './envelope.js';
export * from './blind-index.js';
export * from './mask.js';
