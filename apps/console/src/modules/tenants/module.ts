import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Tenants from './Tenants';

export const tenantsModule = defineModule({
  name: 'tenants',
  routes: [
    { path: '/tenants', component: Tenants, roles: ['platform_operator'] },
  ],
  nav: [
    { path: '/tenants', key: 'tenants.nav', roles: ['platform_operator'], order: 150 },
  ],
  dict: { zh, en },
});
