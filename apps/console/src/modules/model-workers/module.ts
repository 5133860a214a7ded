import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Ladder from './Ladder';
import NewPerson from './NewPerson';
import People from './People';
import Person from './Person';
import Registry from './Registry';
import Summary from './Summary';
import Verify from './Verify';

const STAFF = ['federation_admin', 'federation_staff'] as const;

export const modelWorkersModule = defineModule({
  name: 'modelWorkers',
  assignable: 'modelWorkers',
  routes: [
    { path: '/model-workers', component: People, roles: [...STAFF, 'unit_reporter'] },
    { path: '/model-workers/new', component: NewPerson, roles: STAFF },
    { path: '/model-workers/ladder', component: Ladder, roles: [...STAFF, 'platform_operator'] },
    { path: '/model-workers/summary', component: Summary, roles: [...STAFF, 'leadership_viewer'] },
    { path: '/model-workers/registry', component: Registry, roles: STAFF },
    { path: '/mw-verify', component: Verify, public: true },
    { path: '/model-workers/:personId', component: Person, roles: [...STAFF, 'unit_reporter'] },
  ],
  nav: [
    { path: '/model-workers', key: 'modelWorkers.nav', roles: [...STAFF, 'unit_reporter'], order: 75 },
    { path: '/model-workers/summary', key: 'modelWorkers.navSummary', roles: [...STAFF, 'leadership_viewer'], order: 145 },
    { path: '/model-workers/ladder', key: 'modelWorkers.navLadder', roles: ['platform_operator'], order: 175 },
  ],
  dict: { zh, en },
});
