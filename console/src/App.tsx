import { lazy, Suspense, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from './api/session';
import { Link, match, useLocation } from './router';
import { Loading } from './components/ui';
import SignIn from './pages/SignIn';
import Overview from './pages/Overview';
import SsoCallback from './pages/SsoCallback';
import { CALLBACK_PATH } from './api/sso';

const Agents = lazy(() => import('./pages/Agents'));
const AgentDetail = lazy(() => import('./pages/AgentDetail'));
const Tasks = lazy(() => import('./pages/Tasks'));
const TaskSubmit = lazy(() => import('./pages/TaskSubmit'));
const TaskDetail = lazy(() => import('./pages/TaskDetail'));
const Queues = lazy(() => import('./pages/Queues'));
const Rag = lazy(() => import('./pages/Rag'));
const Usage = lazy(() => import('./pages/Usage'));
const Admin = lazy(() => import('./pages/Admin'));

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/agents', label: 'Agents' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/queues', label: 'Queues' },
  { to: '/rag', label: 'RAG' },
  { to: '/usage', label: 'Usage & budgets' },
  { to: '/admin', label: 'Admin' },
];

function Page({ path }: { path: string }) {
  let m;
  if (path === '/' || path === '' || path === CALLBACK_PATH) return <Overview />; // the callback, just signed in: on its way to /
  if (path === '/agents') return <Agents />;
  if ((m = match('/agents/:id', path))) return <AgentDetail id={m.id} />;
  if (path === '/tasks') return <Tasks />;
  if (path === '/tasks/new') return <TaskSubmit />;
  if ((m = match('/tasks/:id', path))) return <TaskDetail id={m.id} />;
  if (path === '/queues') return <Queues />;
  if (path === '/rag') return <Rag />;
  if (path === '/usage') return <Usage />;
  if (path === '/admin') return <Admin />;
  return (
    <>
      <h1>Not found</h1>
      <p>There is no page at {path}. <Link to="/">Back to the overview</Link></p>
    </>
  );
}

function useTheme(): [string, () => void] {
  const [theme, setTheme] = useState(() => localStorage.getItem('luna.theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('luna.theme', theme);
  }, [theme]);
  return [theme, () => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))];
}

export default function App() {
  const { session, api, projects, projectId, setProjectId, role } = useAuth();
  const { path } = useLocation();
  const [theme, toggleTheme] = useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => setMenuOpen(false), [path]);

  if (path === CALLBACK_PATH && !session) return <SsoCallback />;
  if (!session) return <SignIn theme={theme} toggleTheme={toggleTheme} />;
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen((o) => !o)}>
          Menu
        </button>
        <span className="brand">Luna</span>
        <label className="project-switch">
          <span>Project</span>
          <select value={projectId} onChange={(e) => { setProjectId(e.target.value); void queryClient.invalidateQueries(); }}>
            {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <span className="who" title={session.scopes.join(' ')}>
          {session.subject}{role ? ` · ${role}` : ''}
        </span>
        <button type="button" onClick={toggleTheme} aria-pressed={theme === 'dark'}>Dark mode</button>
        <button type="button" onClick={() => { api.signOut(); queryClient.clear(); }}>Sign out</button>
      </header>
      <nav id="nav" aria-label="Main" className={menuOpen ? 'open' : ''}>
        <ul>
          {NAV.map((n) => (
            <li key={n.to}>
              <Link to={n.to} aria-current={active(n.to) ? 'page' : undefined}>{n.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        <Suspense fallback={<Loading />}>
          <Page path={path} key={path} />
        </Suspense>
      </main>
    </div>
  );
}
