import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Notifications from './Notifications';

export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [
    { path: '/notifications', component: Notifications, roles: ['federation_admin', 'federation_staff'] },
  ],
  nav: [
    { path: '/notifications', key: 'notifications.nav', roles: ['federation_admin', 'federation_staff'], order: 110 },
  ],
  dict: { zh, en },
});
