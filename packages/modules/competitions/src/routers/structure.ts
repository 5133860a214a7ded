import { router } from '@ufp/kit/trpc';

export const competitionsRouter = router({});
export const eventsRouter = router({});
export const contestantsRouter = router({});
