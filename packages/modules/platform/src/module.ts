import { defineModule } from '@ufp/kit/module';
import { router } from '@ufp/kit/trpc';
import { platformEvents } from './events.js';
import { unitDerivedIndicators, unitIndicators } from './metrics.js';
import { recounting } from './recount.js';
import { auditRouter } from './routers/audit.js';
import { deadLettersRouter } from './routers/dead-letters.js';
import { meProcedure } from './routers/me.js';
import { notificationsRouter } from './routers/notifications.js';
import { platformRouter } from './routers/platform.js';
import { rollupsRouter } from './routers/rollups.js';
import { unitsRouter } from './routers/units.js';
import { usersRouter } from './routers/users.js';

/** The platform pieces every federation uses: tenants, units, users, audit, dead letters, rollups, notifications. */
export const platformModule = defineModule({
  name: 'platform',
  label: { zh: '平台', en: 'Platform' },
  events: platformEvents,
  indicators: unitIndicators,
  derivedIndicators: unitDerivedIndicators,
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
