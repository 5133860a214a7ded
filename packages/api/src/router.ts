import { mergeRouters } from '@ufp/kit/trpc';
import { moduleRouters } from './modules.js';

/** The router tree: every module's procedures under its own names (see `modules.ts`). */
export const appRouter = mergeRouters(...moduleRouters);

export type AppRouter = typeof appRouter;
