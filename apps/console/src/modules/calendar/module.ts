import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Calendar from './Calendar';

export const calendarModule = defineModule({
  name: 'calendar',
  routes: [
    { path: '/calendar', component: Calendar, roles: ['platform_operator'] },
  ],
  nav: [
    { path: '/calendar', key: 'calendar.nav', roles: ['platform_operator'], order: 160 },
  ],
  dict: { zh, en },
});
