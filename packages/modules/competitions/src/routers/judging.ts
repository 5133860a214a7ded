import { router } from '@ufp/kit/trpc';

export const judgingRouter = router({});
