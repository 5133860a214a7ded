import { router } from '@ufp/kit/trpc';
import { evidenceRouter } from './routers/evidence.js';
import { credentialsRouter, recuperationRouter, registryRouter } from './routers/extras.js';
import { campaignsRouter, nominationsRouter, objectionsRouter } from './routers/campaigns.js';
import { draftsRouter } from './routers/drafts.js';
import { honoursRouter, peopleRouter, provinceRouter } from './routers/people.js';
import { benefitsRouter, surveysRouter } from './routers/services.js';
import { studiosRouter } from './routers/studios.js';
import { visitsRouter } from './routers/visits.js';

export const modelWorkersRouter = router({
  people: peopleRouter,
  honours: honoursRouter,
  province: provinceRouter,
  recuperation: recuperationRouter,
  credentials: credentialsRouter,
  registry: registryRouter,
  surveys: surveysRouter,
  benefits: benefitsRouter,
  campaigns: campaignsRouter,
  nominations: nominationsRouter,
  objections: objectionsRouter,
  visits: visitsRouter,
  studios: studiosRouter,
  evidence: evidenceRouter,
  drafts: draftsRouter,
});
