import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Campaigns from './Campaigns';
import CampaignBoard from './Board';
import Publicity from './Publicity';

const STAFF = ['federation_admin', 'federation_staff'] as const;

/** 劳模评选推荐: campaigns, the nomination board with its live quota panel, and the public 公示 page. */
export const modelWorkerCampaignsModule = defineModule({
  name: 'model-worker-campaigns',
  assignable: 'modelWorkers',
  routes: [
    { path: '/mw-publicity/:tenantId/:campaignId', component: Publicity, public: true },
    { path: '/mw-campaigns', component: Campaigns, roles: [...STAFF, 'unit_reporter'] },
    { path: '/mw-campaigns/:campaignId', component: CampaignBoard, roles: [...STAFF, 'unit_reporter'] },
  ],
  nav: [{ path: '/mw-campaigns', key: 'mwCampaigns.nav', roles: [...STAFF, 'unit_reporter'], order: 114 }],
  dict: { zh, en },
});
