// THE list of console modules: registering a module is one line here. The routes, the side navigation,
// the access guards and the merged dictionaries (`t`) are all built from this list.
import { auditModule } from './modules/audit/module';
import { calendarModule } from './modules/calendar/module';
import { competitionsModule } from './modules/competitions/module';
import { contractsModule } from './modules/contracts/module';
import { deadLettersModule } from './modules/dead-letters/module';
import { hardshipModule } from './modules/hardship/module';
import { modelWorkersModule } from './modules/model-workers/module';
import { modelWorkerServicesModule } from './modules/model-worker-services/module';
import { modelWorkerCampaignsModule } from './modules/model-worker-campaigns/module';
import { modelWorkerVisitsModule } from './modules/model-worker-visits/module';
import { modelWorkerDraftsModule } from './modules/model-worker-drafts/module';
import { notificationsModule } from './modules/notifications/module';
import { cockpitModule } from './modules/cockpit/module';
import { platformDeadLettersModule } from './modules/platform-dead-letters/module';
import { tenantsModule } from './modules/tenants/module';
import { tenThingsModule } from './modules/ten-things/module';
import { unitsModule } from './modules/units/module';
import { usersModule } from './modules/users/module';

export const CONSOLE_MODULES = [
  unitsModule,
  usersModule,
  auditModule,
  deadLettersModule,
  cockpitModule,
  notificationsModule,
  tenantsModule,
  calendarModule,
  platformDeadLettersModule,
  hardshipModule,
  contractsModule,
  tenThingsModule,
  modelWorkersModule,
  modelWorkerServicesModule,
  modelWorkerCampaignsModule,
  modelWorkerVisitsModule,
  modelWorkerDraftsModule,
  competitionsModule,
] as const;
