import type { Route } from '../lib/match-route.ts';
import { AuditPage } from './admin/AuditPage.tsx';
import { GuildSettingsPage } from './admin/GuildSettingsPage.tsx';
import { IpBlocksPage } from './admin/IpBlocksPage.tsx';
import { KeysPage } from './admin/KeysPage.tsx';
import { AnalyticPage } from './analytics/AnalyticPage.tsx';
import { analyticPages } from './analytics/analytic-pages.tsx';
import { GuildPickerPage } from './GuildPickerPage.tsx';
import { GuildScope } from './GuildScope.tsx';
import { MembersPage } from './MembersPage.tsx';
import { MemberPage } from './member/MemberPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { OverviewPage } from './overview/OverviewPage.tsx';
import { PrivacyPage } from './PrivacyPage.tsx';
import { SessionsPage } from './SessionsPage.tsx';

const GuildRoutePage = ({ route }: { route: Extract<Route, { guildId: string }> }) => {
  switch (route.page) {
    case 'overview':
      return <OverviewPage guildId={route.guildId} />;
    case 'members':
      return <MembersPage guildId={route.guildId} />;
    case 'member':
      return <MemberPage key={route.userId} guildId={route.guildId} userId={route.userId} />;
    case 'settings':
      return <GuildSettingsPage guildId={route.guildId} />;
    case 'analytic': {
      const def = analyticPages.find((candidate) => candidate.id === route.analytic);
      return def ? (
        <AnalyticPage key={def.id} def={def} guildId={route.guildId} />
      ) : (
        <NotFoundPage />
      );
    }
  }
};

/** The page for a route; guild pages share one live connection through {@link GuildScope}. */
export const RoutePage = ({ route }: { route: Route }) => {
  if ('guildId' in route) {
    return (
      <GuildScope guildId={route.guildId}>
        <GuildRoutePage route={route} />
      </GuildScope>
    );
  }
  switch (route.page) {
    case 'home':
      return <GuildPickerPage />;
    case 'sessions':
      return <SessionsPage />;
    case 'keys':
      return <KeysPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'audit':
      return <AuditPage />;
    case 'ipBlocks':
      return <IpBlocksPage />;
    default:
      return <NotFoundPage />;
  }
};
