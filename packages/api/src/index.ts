export type { AppRouter } from './router.js';
export { appRouter } from './router.js';
export { createRuntime, type Runtime, type RuntimeConfig } from './runtime.js';
export { createApp } from './app.js';
export * from '@ufp/kit/auth';
