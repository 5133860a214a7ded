import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Users from './Users';

export const usersModule = defineModule({
  name: 'users',
  routes: [
    { path: '/users', component: Users, roles: ['federation_admin'] },
  ],
  nav: [
    { path: '/users', key: 'users.nav', roles: ['federation_admin'], order: 30 },
  ],
  dict: { zh, en },
});
