/** How to go from the demo or an API-only start to monitoring real servers. */
export const connectHelp = [
  'To monitor your own servers: create an application at https://discord.com/developers/applications,',
  'add a bot, enable the Server Members and Presence intents, invite it to your server, then start',
  'again with DISCORD_TOKEN=<bot token> (and DISCORD_CLIENT_ID / DISCORD_CLIENT_SECRET for login).',
].join('\n');
