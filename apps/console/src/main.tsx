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
import Units from './pages/Units';
import UnitNew from './pages/UnitNew';
import UnitDetail from './pages/UnitDetail';
import MyUnit from './pages/MyUnit';
import Users from './pages/Users';
import Audit from './pages/Audit';
import DeadLetters from './pages/DeadLetters';
import Tenants from './pages/Tenants';
import Overview from './pages/Overview';

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
        <Route path="*404" component={NotFound} />
      </Route>
    </Router>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
render(() => <App />, root);
