import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { platformEvents } from './events.js';
import { platformManifest } from './manifest.js';
import { recounting } from './recount.js';
import { auditRouter } from './routers/audit.js';
import { deadLettersRouter } from './routers/dead-letters.js';
import { meProcedure } from './routers/me.js';
import { notificationsRouter } from './routers/notifications.js';
import { platformRouter } from './routers/platform.js';
import { rollupsRouter } from './routers/rollups.js';
import { unitsRouter } from './routers/units.js';
import { usersRouter } from './routers/users.js';

export const platformModule = defineModule({
  ...platformManifest,
  events: platformEvents,
  ...recounting,
  router: router({
    me: meProcedure,
    platform: platformRouter,
    units: unitsRouter,
    users: usersRouter,
    audit: auditRouter,
    deadLetters: deadLettersRouter,
    rollups: rollupsRouter,
    notifications: notificationsRouter,
  }),
});
