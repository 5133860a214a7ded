import { defineModule } from '../../console-module';
import Benefits from './Benefits';
import { en } from './i18n/en';
import Recuperation from './Recuperation';
import { zh } from './i18n/zh';
import Survey from './Survey';

/** 劳模 services: the annual 生活状况调查 (the person's unit or staff), the benefits ledger and the 疗休养 planner (staff). */
export const modelWorkerServicesModule = defineModule({
  name: 'model-worker-services',
  assignable: 'modelWorkers',
  routes: [
    { path: '/model-worker-services/survey', component: Survey, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/model-worker-services/benefits', component: Benefits, roles: ['federation_admin', 'federation_staff'] },
    { path: '/model-worker-services/recuperation', component: Recuperation, roles: ['federation_admin', 'federation_staff'] },
  ],
  nav: [
    { path: '/model-worker-services/survey', key: 'mwServices.nav.survey', roles: ['federation_admin', 'federation_staff', 'unit_reporter'], order: 82 },
    { path: '/model-worker-services/benefits', key: 'mwServices.nav.benefits', roles: ['federation_admin', 'federation_staff'], order: 84 },
    { path: '/model-worker-services/recuperation', key: 'mwServices.nav.recuperation', roles: ['federation_admin', 'federation_staff'], order: 85 },
  ],
  dict: { zh, en },
});
