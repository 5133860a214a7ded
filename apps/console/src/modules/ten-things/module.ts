import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Board from './Board';
import ItemPage from './ItemPage';
import MyTasks from './MyTasks';
import AnnualReport from './AnnualReport';
import Compare from './Compare';
import Rate from './Rate';

export const tenThingsModule = defineModule({
  name: 'ten-things',
  assignable: 'tenThings',
  routes: [
    { path: '/rate/:tenantId/:itemId', component: Rate, public: true },
    { path: '/ten-things', component: Board, roles: ['federation_admin', 'federation_staff'] },
    { path: '/ten-things/my', component: MyTasks, roles: ['unit_reporter'] },
    { path: '/ten-things/compare', component: Compare, roles: ['federation_admin', 'federation_staff', 'leadership_viewer'] },
    { path: '/ten-things/items/:itemId', component: ItemPage, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/ten-things/report/:planId', component: AnnualReport, roles: ['federation_admin', 'federation_staff'] },
  ],
  nav: [
    { path: '/ten-things', key: 'tenThings.nav', roles: ['federation_admin', 'federation_staff'], order: 80 },
    { path: '/ten-things/my', key: 'tenThings.navMine', roles: ['unit_reporter'], order: 90, tab: { key: 'tabbar.tasks', icon: 'tasks', roles: ['unit_reporter'], order: 1 } },
    { path: '/ten-things/compare', key: 'tenThings.navCompare', roles: ['federation_admin', 'federation_staff'], order: 100 },
    { path: '/ten-things/compare', key: 'tenThings.navCompare', roles: ['leadership_viewer'], order: 130 },
  ],
  dict: { zh, en },
});
