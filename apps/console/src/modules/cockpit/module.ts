import { defineModule } from '../../console-module';
import Cockpit from './Cockpit';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Shared from './Shared';

const READERS = ['federation_admin', 'federation_staff', 'leadership_viewer'] as const;

/** 领导驾驶舱: one screen per scope at `/overview` (the old overview's address), and the meeting-screen link `/share/:token`. */
export const cockpitModule = defineModule({
  name: 'cockpit',
  routes: [
    { path: '/overview', component: Cockpit, roles: READERS },
    { path: '/share/:token', component: Shared, public: true },
  ],
  nav: [{ path: '/overview', key: 'cockpit.nav', roles: READERS, order: 120 }],
  dict: { zh, en },
});
