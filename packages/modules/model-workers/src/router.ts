import { router } from '@ufp/kit/trpc';
import { campaignsRouter, nominationsRouter, objectionsRouter } from './routers/campaigns.js';
import { credentialsRouter, recuperationRouter } from './routers/extras.js';
import { honoursRouter, peopleRouter, provinceRouter } from './routers/people.js';

export const modelWorkersRouter = router({
  people: peopleRouter,
  honours: honoursRouter,
  province: provinceRouter,
  recuperation: recuperationRouter,
  credentials: credentialsRouter,
  campaigns: campaignsRouter,
  nominations: nominationsRouter,
  objections: objectionsRouter,
});
