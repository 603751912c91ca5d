import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Provider, useMutation, useSubscription } from 'urql';
import { createApiClient, useLinkState } from './client';
import { graphql } from './gql';
import { pagesFor } from './pages';
import { LoginPage } from './pages/login.page';
import { Link, navigate, usePath } from './router';
import { endSession, type Session, useSession } from './session';
import { SiteClockProvider } from './site-clock';

const ForecastPage = lazy(() => import('./pages/forecast.page').then((m) => ({ default: m.ForecastPage })));
const StaffingPage = lazy(() => import('./pages/staffing.page').then((m) => ({ default: m.StaffingPage })));
const RosterPage = lazy(() => import('./pages/roster.page').then((m) => ({ default: m.RosterPage })));
const RankingPage = lazy(() => import('./pages/ranking.page').then((m) => ({ default: m.RankingPage })));
const AgentPage = lazy(() => import('./pages/agent.page').then((m) => ({ default: m.AgentPage })));
const UsersPage = lazy(() => import('./pages/users.page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit.page').then((m) => ({ default: m.AuditPage })));

const Ping = graphql(`
  subscription Ping {
    ping {
      seq
    }
  }
`);

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export function App() {
  const { session, notice } = useSession();
  const api = useMemo(() => createApiClient(), [session?.token]);
  useEffect(() => api.dispose, [api]);
  return (
    <Provider value={api.client}>
      {session ? <Shell session={session} /> : <LoginPage notice={notice} />}
    </Provider>
  );
}

function LinkBadge() {
  // Keeps the socket open, so the badge tells whether live updates arrive.
  useSubscription({ query: Ping });
  const link = useLinkState();
  const text = link === 'connected' ? 'Live' : link === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span
      className={`badge link-${link}`}
      role="status"
      aria-label={`Live updates: ${text}`}
      data-testid="link-state"
    >
      {text}
    </span>
  );
}

function Shell({ session }: { session: Session }) {
  const path = usePath();
  const pages = pagesFor(session.roles);
  const [, logout] = useMutation(Logout);
  const current = pages.find((p) => p.path === path);
  useEffect(() => {
    if (!current && pages[0]) navigate(pages[0].path, true);
  }, [current, pages]);

  const signOut = async () => {
    await logout({});
    endSession();
  };

  return (
    <div className="shell">
      <header className="top">
        <span className="brand">Shiftcast</span>
        <nav aria-label="Pages">
          {pages.map((p) => (
            <Link key={p.path} to={p.path} current={p.path === path}>
              {p.label}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <LinkBadge />
        <span className="who">
          {session.username} <span className="muted">({session.roles.join(', ')})</span>
        </span>
        {!session.roles.includes('AGENT') && (
          <a href="/graphiql" target="_blank" rel="noreferrer">
            API explorer
          </a>
        )}
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main className="content">
        <SiteClockProvider>
          <Suspense fallback={<p aria-busy="true">Loading…</p>}>
            {current && <PageView path={current.path} session={session} />}
          </Suspense>
        </SiteClockProvider>
      </main>
    </div>
  );
}

function PageView({ path, session }: { path: string; session: Session }) {
  switch (path) {
    case '/forecast':
      return <ForecastPage roles={session.roles} />;
    case '/staffing':
      return <StaffingPage roles={session.roles} />;
    case '/roster':
      return <RosterPage />;
    case '/ranking':
      return <RankingPage />;
    case '/my':
      return <AgentPage />;
    case '/admin/users':
      return <UsersPage />;
    case '/admin/audit':
      return <AuditPage />;
    default:
      return null;
  }
}
