/* @refresh reload */
import { Route, Router, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { render } from 'solid-js/web';
import { onUnauthorized } from './api';
import { NotFound } from './components/ErrorPages';
import { guarded } from './components/Guard';
import { Home, Shell } from './components/Shell';
import { Toasts } from './components/Toasts';
import { registerDictionaries } from './i18n';
import { CONSOLE_MODULES } from './modules';
import Login from './pages/Login';
import { useDocumentTitle } from './title';
import './styles.css';

// Every page comes from a registered module (`modules.ts`); pages are small and bundled together. ECharts
// (the one heavy dependency) is imported lazily inside the chart components, so it is a separate chunk.
registerDictionaries(CONSOLE_MODULES.map((m) => m.dict));

const publicRoutes = CONSOLE_MODULES.flatMap((m) => m.routes.filter((r) => r.public));
const shellRoutes = CONSOLE_MODULES.flatMap((m) =>
  m.routes.filter((r) => !r.public).map((r) => ({ path: r.path, component: guarded(r.roles ?? [], r.component, m.assignable) })),
);

function Root(props: RouteSectionProps) {
  const navigate = useNavigate();
  // Any 401 (expired/invalid token) clears the token and returns to the login page.
  onUnauthorized(() => navigate('/login', { replace: true }));
  useDocumentTitle();
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
      {publicRoutes.map((r) => <Route path={r.path} component={r.component} />)}
      <Route path="/" component={Shell}>
        <Route path="/" component={Home} />
        {shellRoutes.map((r) => <Route path={r.path} component={r.component} />)}
        <Route path="*404" component={NotFound} />
      </Route>
    </Router>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
render(() => <App />, root);
