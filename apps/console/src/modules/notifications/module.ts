import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Notifications from './Notifications';

export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [
    // Unit reporters read and mark their union's (the API addresses them per unit).
    { path: '/notifications', component: Notifications, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
  ],
  nav: [
    {
      path: '/notifications',
      key: 'notifications.nav',
      roles: ['federation_admin', 'federation_staff', 'unit_reporter'],
      order: 110,
      tab: { key: 'tabbar.notices', icon: 'notices', roles: ['unit_reporter'], order: 3 },
    },
  ],
  dict: { zh, en },
});
