import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Audit from './Audit';

export const auditModule = defineModule({
  name: 'audit',
  routes: [
    { path: '/audit', component: Audit, roles: ['federation_admin'] },
  ],
  nav: [
    { path: '/audit', key: 'audit.nav', roles: ['federation_admin'], order: 40 },
  ],
  dict: { zh, en },
});
