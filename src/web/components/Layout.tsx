import { type ReactNode, useEffect, useState } from 'react';
import type { Guild } from '../api/api-types.ts';
import { useClient, useSession } from '../hooks/client-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { navigate, useLocation } from '../hooks/use-location.ts';
import { useTheme } from '../hooks/use-theme.ts';
import type { Route } from '../lib/match-route.ts';
import { analyticPages } from '../pages/analytics/analytic-pages.tsx';
import { Link } from './Link.tsx';

const guildIdOf = (route: Route): string | undefined =>
  'guildId' in route ? route.guildId : undefined;

/** The frame of every page: a skip link, the navigation (a drawer on phones) and the content. */
export const Layout = ({ route, children }: { route: Route; children: ReactNode }) => {
  const client = useClient();
  const { user } = useSession();
  const [theme, toggleTheme] = useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  const guilds = useApi<{ guilds: Guild[] }>('/guilds');
  const guildId = guildIdOf(route);
  const guild =
    guilds.status === 'ok' ? guilds.data.guilds.find((g) => g.id === guildId) : undefined;
  const { pathname } = useLocation();
  // Following a link closes the phone drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation
  useEffect(() => setMenuOpen(false), [pathname]);
  const here = (path: string) => (pathname === path ? 'page' : undefined);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
          <span className="sr-only">Menu</span>
        </button>
        <Link to="/" className="brand">
          Spywatcher
        </Link>
        {guild && <span className="topbar-guild">{guild.name}</span>}
        <span className="topbar-spacer" />
        <button
          type="button"
          onClick={toggleTheme}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        <span className="user-name" title={user.username}>
          {user.globalName ?? user.username}
        </span>
        <button
          type="button"
          onClick={() => {
            void client.logout().then(() => navigate('/', { replace: true }));
          }}
        >
          Log out
        </button>
      </header>
      <nav id="sidebar" className={`sidebar ${menuOpen ? 'open' : ''}`} aria-label="Main">
        {guildId && (
          <>
            <h2 className="nav-heading">{guild?.name ?? 'Guild'}</h2>
            <ul>
              <li>
                <Link to={`/guilds/${guildId}`} aria-current={here(`/guilds/${guildId}`)}>
                  Overview
                </Link>
              </li>
              <li>
                <Link
                  to={`/guilds/${guildId}/members`}
                  aria-current={here(`/guilds/${guildId}/members`)}
                >
                  Members
                </Link>
              </li>
              {analyticPages.map((page) => {
                const path = `/guilds/${guildId}/analytics/${page.id}`;
                return (
                  <li key={page.id}>
                    <Link to={path} aria-current={here(path)}>
                      {page.title}
                    </Link>
                  </li>
                );
              })}
              <li>
                <Link
                  to={`/guilds/${guildId}/settings`}
                  aria-current={here(`/guilds/${guildId}/settings`)}
                >
                  Guild settings
                </Link>
              </li>
            </ul>
          </>
        )}
        <h2 className="nav-heading">Account</h2>
        <ul>
          <li>
            <Link to="/" aria-current={here('/')}>
              Guilds
            </Link>
          </li>
          <li>
            <Link to="/keys" aria-current={here('/keys')}>
              API keys
            </Link>
          </li>
          <li>
            <Link to="/sessions" aria-current={here('/sessions')}>
              Sessions
            </Link>
          </li>
          <li>
            <Link to="/privacy" aria-current={here('/privacy')}>
              My privacy
            </Link>
          </li>
          <li>
            <Link to="/audit" aria-current={here('/audit')}>
              Audit log
            </Link>
          </li>
          {user.role === 'ADMIN' && (
            <li>
              <Link to="/ip-blocks" aria-current={here('/ip-blocks')}>
                IP blocks
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
};
