import { defineModule } from '../../console-module';
import { UNITS_ACCESS } from './access';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Units from './Units';
import UnitNew from './UnitNew';
import UnitDetail from './UnitDetail';
import MyUnit from './MyUnit';

export const unitsModule = defineModule({
  name: 'units',
  routes: [
    { path: '/units', component: Units, roles: UNITS_ACCESS.read },
    { path: '/units/new', component: UnitNew, roles: UNITS_ACCESS.write },
    { path: '/units/:unitId', component: UnitDetail, roles: UNITS_ACCESS.read },
    { path: '/my-unit', component: MyUnit, roles: ['unit_reporter'] },
  ],
  nav: [
    { path: '/units', key: 'units.nav', roles: UNITS_ACCESS.read, order: 10 },
    { path: '/my-unit', key: 'units.navMine', roles: ['unit_reporter'], order: 20, tab: { key: 'tabbar.mine', icon: 'mine', roles: ['unit_reporter'], order: 4 } },
  ],
  dict: { zh, en },
});
