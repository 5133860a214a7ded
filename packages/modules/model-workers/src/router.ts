import { router } from '@ufp/kit/trpc';
import { honoursRouter, peopleRouter, provinceRouter } from './routers/people.js';

export const modelWorkersRouter = router({
  people: peopleRouter,
  honours: honoursRouter,
  province: provinceRouter,
});
