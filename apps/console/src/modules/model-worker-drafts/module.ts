import { defineModule } from '../../console-module';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Drafts from './Drafts';

const STAFF = ['federation_admin', 'federation_staff'] as const;

/** 竞赛推荐草稿: the nomination drafts a skills competition's final results open; staff adopt or dismiss them. */
export const modelWorkerDraftsModule = defineModule({
  name: 'model-worker-drafts',
  assignable: 'modelWorkers',
  routes: [{ path: '/mw-drafts', component: Drafts, roles: STAFF }],
  nav: [{ path: '/mw-drafts', key: 'mwDrafts.nav', roles: STAFF, order: 115 }],
  dict: { zh, en },
});
