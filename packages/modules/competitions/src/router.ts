import { router } from '@ufp/kit/trpc';
import { analyticsRouter } from './routers/analytics.js';
import { judgingRouter } from './routers/judging.js';
import { protestsRouter, publicRouter, resultsRouter } from './routers/results.js';
import { competitionsRouter as competitionRecords, contestantsRouter, eventsRouter } from './routers/structure.js';

/** `competitions.*`: structure and registration, judging, results and protests, the public pages, and the judging analytics. */
export const competitionsRouter = router({
  competitions: competitionRecords,
  events: eventsRouter,
  contestants: contestantsRouter,
  judging: judgingRouter,
  results: resultsRouter,
  protests: protestsRouter,
  public: publicRouter,
  analytics: analyticsRouter,
});
