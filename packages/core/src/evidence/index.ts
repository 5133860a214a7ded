export * from './rules.js';
export * from './blob-store.js';
export * from './model.js';
export * from './lifecycle.js';
export * from './stored.js';
