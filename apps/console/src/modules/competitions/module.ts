import { defineModule } from '../../console-module';
import Analytics from './Analytics';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import Certificates from './Certificates';
import ChiefPanel from './ChiefPanel';
import CompetitionPage from './CompetitionPage';
import Competitions from './Competitions';
import EventPage from './EventPage';
import JudgeSheet from './JudgeSheet';
import MyJudging from './MyJudging';
import Province from './Province';
import Register from './Register';
import Results from './Results';
import Scoreboard from './Scoreboard';
import Setup from './Setup';
import VerifyResults from './VerifyResults';

const STAFF = ['federation_admin', 'federation_staff'] as const;
/** Judges are ordinary users of the federation (staff or a union's reporter) on a 赛项's panel, which the server checks. */
const READERS = [...STAFF, 'unit_reporter'] as const;

export const competitionsModule = defineModule({
  name: 'competitions',
  assignable: 'competitions',
  routes: [
    { path: '/scoreboard/competitions/:tenantId/:eventId', component: Scoreboard, public: true },
    { path: '/verify/competitions/:tenantId/:eventId', component: VerifyResults, public: true },
    { path: '/competitions', component: Competitions, roles: READERS },
    { path: '/competitions/new', component: Setup, roles: STAFF },
    { path: '/competitions/analytics', component: Analytics, roles: STAFF },
    { path: '/competitions/province', component: Province, roles: [...STAFF, 'leadership_viewer'] },
    { path: '/competitions/judging', component: MyJudging, roles: READERS },
    { path: '/competitions/judging/:eventId/:stage', component: JudgeSheet, roles: READERS },
    { path: '/competitions/judging/:eventId/:stage/panel', component: ChiefPanel, roles: READERS },
    { path: '/competitions/events/:eventId', component: EventPage, roles: READERS },
    { path: '/competitions/events/:eventId/register', component: Register, roles: READERS },
    { path: '/competitions/events/:eventId/results/:stage', component: Results, roles: READERS },
    { path: '/competitions/events/:eventId/certificates', component: Certificates, roles: STAFF },
    { path: '/competitions/:competitionId', component: CompetitionPage, roles: READERS },
  ],
  nav: [
    { path: '/competitions', key: 'competitions.nav', roles: READERS, order: 87 },
    { path: '/competitions/analytics', key: 'competitions.navAnalytics', roles: STAFF, order: 87.5 },
    { path: '/competitions/judging', key: 'competitions.navJudging', roles: READERS, order: 89 },
    { path: '/competitions/province', key: 'competitions.navProvince', roles: ['leadership_viewer'], order: 150 },
  ],
  dict: { zh, en },
});
