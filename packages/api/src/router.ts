import { auditRouter } from './routers/audit.js';
import { contractsRouter } from './routers/contracts.js';
import { deadLettersRouter } from './routers/dead-letters.js';
import { meProcedure } from './routers/me.js';
import { notificationsRouter } from './routers/notifications.js';
import { platformRouter } from './routers/platform.js';
import { rollupsRouter } from './routers/rollups.js';
import { tenThingsRouter } from './routers/ten-things.js';
import { hardshipRouter } from './routers/hardship.js';
import { unitsRouter } from './routers/units.js';
import { usersRouter } from './routers/users.js';
import { router } from '@ufp/kit/trpc';

export const appRouter = router({
  me: meProcedure,
  platform: platformRouter,
  units: unitsRouter,
  users: usersRouter,
  audit: auditRouter,
  deadLetters: deadLettersRouter,
  rollups: rollupsRouter,
  tenThings: tenThingsRouter,
  contracts: contractsRouter,
  notifications: notificationsRouter,
  hardship: hardshipRouter,
});

export type AppRouter = typeof appRouter;
