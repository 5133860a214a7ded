/** The router tree: every module's procedures under its own names (see `modules.ts`). */
export { appRouter } from './modules.js';
import type { appRouter } from './modules.js';

export type AppRouter = typeof appRouter;
