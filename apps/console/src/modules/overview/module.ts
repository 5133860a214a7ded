import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Overview from './Overview';

export const overviewModule = defineModule({
  name: 'overview',
  routes: [
    { path: '/overview', component: Overview, roles: ['federation_admin', 'federation_staff', 'leadership_viewer'] },
  ],
  nav: [
    { path: '/overview', key: 'overview.nav', roles: ['federation_admin', 'federation_staff', 'leadership_viewer'], order: 120 },
  ],
  dict: { zh, en },
});
