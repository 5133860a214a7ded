import { router } from '@ufp/kit/trpc';

export const resultsRouter = router({});
export const protestsRouter = router({});
export const publicRouter = router({});
