/* @refresh reload */
import { Route, Router, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { render } from 'solid-js/web';
import { onUnauthorized } from './api';
import { NotFound } from './components/ErrorPages';
import { guarded } from './components/Guard';
import { Home, Shell } from './components/Shell';
import { Toasts } from './components/Toasts';
import { ACCESS } from './nav';
import Login from './pages/Login';
import './styles.css';

// Pages are small and bundled together; ECharts (the one heavy dependency) is imported lazily
// inside the overview chart component, so it is a separate chunk.
import Units from './modules/units/Units';
import UnitNew from './modules/units/UnitNew';
import UnitDetail from './modules/units/UnitDetail';
import MyUnit from './modules/units/MyUnit';
import Users from './modules/users/Users';
import Audit from './modules/audit/Audit';
import DeadLetters from './modules/dead-letters/DeadLetters';
import PlatformDeadLetters from './modules/platform-dead-letters/PlatformDeadLetters';
import Tenants from './modules/tenants/Tenants';
import Overview from './modules/overview/Overview';
import HardshipQueue from './modules/hardship/Queue';
import HardshipApply from './modules/hardship/Apply';
import HardshipFileDetail from './modules/hardship/FileDetail';
import HardshipFunds from './modules/hardship/Funds';
import HardshipCharts from './modules/hardship/Charts';
import HardshipImport from './modules/hardship/Import';
import HardshipSelfTest from './modules/hardship/SelfTest';
import HardshipNotices from './modules/hardship/Notices';
import ContractsLedger from './modules/contracts/Ledger';
import ContractNew from './modules/contracts/New';
import ContractDetail from './modules/contracts/Detail';
import ContractDeadlines from './modules/contracts/Deadlines';
import HolidayCalendar from './modules/calendar/Calendar';
import Notifications from './modules/notifications/Notifications';
import TenThingsBoard from './modules/ten-things/Board';
import TenThingsItem from './modules/ten-things/ItemPage';
import TenThingsMine from './modules/ten-things/MyTasks';
import TenThingsReport from './modules/ten-things/AnnualReport';
import TenThingsCompare from './modules/ten-things/Compare';
import TenThingsRate from './modules/ten-things/Rate';

function Root(props: RouteSectionProps) {
  const navigate = useNavigate();
  // Any 401 (expired/invalid token) clears the token and returns to the login page.
  onUnauthorized(() => navigate('/login', { replace: true }));
  return (
    <>
      {props.children}
      <Toasts />
    </>
  );
}

function App() {
  return (
    <Router root={Root}>
      <Route path="/login" component={Login} />
      <Route path="/self-test" component={HardshipSelfTest} />
      <Route path="/notices/:tenantId" component={HardshipNotices} />
      <Route path="/rate/:tenantId/:itemId" component={TenThingsRate} />
      <Route path="/" component={Shell}>
        <Route path="/" component={Home} />
        <Route path="/units" component={guarded(ACCESS.unitsRead, Units)} />
        <Route path="/units/new" component={guarded(ACCESS.unitsWrite, UnitNew)} />
        <Route path="/units/:unitId" component={guarded(ACCESS.unitsRead, UnitDetail)} />
        <Route path="/my-unit" component={guarded(ACCESS.myUnit, MyUnit)} />
        <Route path="/users" component={guarded(ACCESS.users, Users)} />
        <Route path="/audit" component={guarded(ACCESS.audit, Audit)} />
        <Route path="/dead-letters" component={guarded(ACCESS.deadLetters, DeadLetters)} />
        <Route path="/overview" component={guarded(ACCESS.overview, Overview)} />
        <Route path="/tenants" component={guarded(ACCESS.tenants, Tenants)} />
        <Route path="/calendar" component={guarded(ACCESS.calendar, HolidayCalendar)} />
        <Route path="/platform/dead-letters" component={guarded(ACCESS.platformDeadLetters, PlatformDeadLetters)} />
        <Route path="/hardship" component={guarded(ACCESS.hardship, HardshipQueue, 'hardship')} />
        <Route path="/hardship/apply" component={guarded(ACCESS.hardship, HardshipApply, 'hardship')} />
        <Route path="/hardship/files/:fileId" component={guarded(ACCESS.hardship, HardshipFileDetail, 'hardship')} />
        <Route path="/hardship/funds" component={guarded(ACCESS.hardshipStaff, HardshipFunds, 'hardship')} />
        <Route path="/hardship/import" component={guarded(ACCESS.hardshipStaff, HardshipImport, 'hardship')} />
        <Route path="/hardship/charts" component={guarded(ACCESS.hardshipCharts, HardshipCharts, 'hardship')} />
        <Route path="/contracts" component={guarded(ACCESS.contracts, ContractsLedger, 'contracts')} />
        <Route path="/contracts/new" component={guarded(ACCESS.contractsWrite, ContractNew, 'contracts')} />
        <Route path="/contracts/deadlines" component={guarded(ACCESS.contracts, ContractDeadlines, 'contracts')} />
        <Route path="/contracts/:contractId" component={guarded(ACCESS.contracts, ContractDetail, 'contracts')} />
        <Route path="/notifications" component={guarded(ACCESS.notifications, Notifications)} />
        <Route path="/ten-things" component={guarded(ACCESS.tenThings, TenThingsBoard, 'tenThings')} />
        <Route path="/ten-things/my" component={guarded(ACCESS.tenThingsMine, TenThingsMine, 'tenThings')} />
        <Route path="/ten-things/compare" component={guarded(ACCESS.tenThingsCompare, TenThingsCompare, 'tenThings')} />
        <Route path="/ten-things/items/:itemId" component={guarded(ACCESS.tenThingsItem, TenThingsItem, 'tenThings')} />
        <Route path="/ten-things/report/:planId" component={guarded(ACCESS.tenThings, TenThingsReport, 'tenThings')} />
        <Route path="*404" component={NotFound} />
      </Route>
    </Router>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
render(() => <App />, root);
