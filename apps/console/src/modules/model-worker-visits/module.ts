import { defineModule } from '../../console-module';
import Board from './Board';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import NewStudio from './NewStudio';
import VisitLogs from './Logs';
import Request from './Request';
import Studio from './Studio';
import Studios from './Studios';

const STAFF = ['federation_admin', 'federation_staff'] as const;

/** 劳模工匠助企行 (requests, matching, visits; a member unit files its own) and the 劳模/工匠创新工作室 registry. */
export const modelWorkerVisitsModule = defineModule({
  name: 'model-worker-visits',
  assignable: 'modelWorkers',
  routes: [
    { path: '/model-worker-visits', component: Board, roles: [...STAFF, 'unit_reporter'] },
    { path: '/model-worker-visits/logs', component: VisitLogs, roles: [...STAFF, 'unit_reporter'] },
    { path: '/model-worker-visits/:requestId', component: Request, roles: [...STAFF, 'unit_reporter'] },
    { path: '/model-worker-studios', component: Studios, roles: [...STAFF, 'unit_reporter'] },
    { path: '/model-worker-studios/new', component: NewStudio, roles: STAFF },
    { path: '/model-worker-studios/:studioId', component: Studio, roles: [...STAFF, 'unit_reporter'] },
  ],
  nav: [
    { path: '/model-worker-visits', key: 'mwVisits.nav.board', roles: [...STAFF, 'unit_reporter'], order: 86 },
    { path: '/model-worker-studios', key: 'mwVisits.nav.studios', roles: [...STAFF, 'unit_reporter'], order: 88 },
  ],
  dict: { zh, en },
});
