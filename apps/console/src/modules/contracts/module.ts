import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Ledger from './Ledger';
import New from './New';
import Deadlines from './Deadlines';
import Detail from './Detail';
import Campaigns from './Campaigns';
import CampaignBoard from './CampaignBoard';

export const contractsModule = defineModule({
  name: 'contracts',
  assignable: 'contracts',
  routes: [
    { path: '/contracts', component: Ledger, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/contracts/new', component: New, roles: ['federation_admin', 'federation_staff'] },
    { path: '/contracts/deadlines', component: Deadlines, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
    { path: '/contracts/campaigns', component: Campaigns, roles: ['federation_admin', 'federation_staff'] },
    { path: '/contracts/campaigns/:campaignId', component: CampaignBoard, roles: ['federation_admin', 'federation_staff'] },
    { path: '/contracts/:contractId', component: Detail, roles: ['federation_admin', 'federation_staff', 'unit_reporter'] },
  ],
  nav: [
    { path: '/contracts', key: 'contracts.nav', roles: ['federation_admin', 'federation_staff', 'unit_reporter'], order: 70 },
  ],
  dict: { zh, en },
});
