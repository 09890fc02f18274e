import { useEffect, useState } from 'react';
import type { Session } from './api/api-client.ts';
import { Layout } from './components/Layout.tsx';
import { SessionContext, useClient } from './hooks/client-context.ts';
import { useLocation } from './hooks/use-location.ts';
import { matchRoute } from './lib/match-route.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { RoutePage } from './pages/RoutePage.tsx';

/** The login gate: the refresh cookie decides whether a session exists; the rest needs one. */
export const App = () => {
  const client = useClient();
  const { pathname } = useLocation();
  const [session, setSession] = useState<Session | undefined | 'checking'>('checking');

  useEffect(() => {
    const unsubscribe = client.onSessionChange(setSession);
    void client.refresh().catch(() => setSession(undefined));
    return () => {
      unsubscribe();
    };
  }, [client]);

  if (session === 'checking') {
    return (
      <div className="center-page" role="status">
        <span className="spinner" aria-hidden="true" /> Loading Spywatcher…
      </div>
    );
  }
  if (session === undefined) return <LoginPage />;
  const route = matchRoute(pathname);
  return (
    <SessionContext.Provider value={session}>
      <Layout route={route}>
        <RoutePage route={route} />
      </Layout>
    </SessionContext.Provider>
  );
};
