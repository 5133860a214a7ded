import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Queue from './Queue';
import Apply from './Apply';
import FileDetail from './FileDetail';
import Funds from './Funds';
import Import from './Import';
import Charts from './Charts';
import SelfTest from './SelfTest';
import Notices from './Notices';

export const hardshipModule = defineModule({
  name: 'hardship',
  assignable: 'hardship',
  routes: [
    { path: '/self-test', component: SelfTest, public: true },
    { path: '/notices/:tenantId', component: Notices, public: true },
    { path: '/hardship', component: Queue, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/hardship/apply', component: Apply, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/hardship/files/:fileId', component: FileDetail, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/hardship/funds', component: Funds, roles: ['federation_admin', 'federation_staff'] },
    { path: '/hardship/import', component: Import, roles: ['federation_admin', 'federation_staff'] },
    { path: '/hardship/charts', component: Charts, roles: ['federation_admin', 'federation_staff', 'leadership_viewer'] },
  ],
  nav: [
    { path: '/hardship', key: 'hardship.nav', roles: ['federation_admin', 'federation_staff', 'unit_reporter'], order: 60, tab: { key: 'tabbar.apply', icon: 'apply', roles: ['unit_reporter'], order: 2 } },
    { path: '/hardship/charts', key: 'hardship.navCharts', roles: ['leadership_viewer'], order: 140 },
  ],
  dict: { zh, en },
});
