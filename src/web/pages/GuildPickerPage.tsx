import type { Guild } from '../api/api-types.ts';
import { Link } from '../components/Link.tsx';
import { Panel } from '../components/Panel.tsx';
import { useApi } from '../hooks/use-api.ts';
import { formatNumber } from '../lib/format.ts';

/** The guilds this user may see: those they own or manage, where the bot is. */
export const GuildPickerPage = () => {
  const guilds = useApi<{ guilds: Guild[] }>('/guilds');
  return (
    <div className="page">
      <h1>Your guilds</h1>
      <Panel
        title="Guilds you manage"
        state={guilds}
        isEmpty={(data) => data.guilds.length === 0}
        emptyText="No guild to show: you see a guild when you own it or hold Administrator or Manage Server there, and the bot is in it."
      >
        {(data) => (
          <ul className="guild-grid">
            {data.guilds.map((guild) => (
              <li key={guild.id}>
                <Link to={`/guilds/${guild.id}`} className="guild-card">
                  <span className="guild-icon" aria-hidden="true">
                    {guild.name.slice(0, 1)}
                  </span>
                  <span>
                    <strong>{guild.name}</strong>
                    <span className="muted small">
                      {guild.memberCount === null
                        ? 'members unknown'
                        : `${formatNumber(guild.memberCount)} members`}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
};
