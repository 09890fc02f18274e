/**
 * A bot process for the crash test: connects to the simulator given on the command line and
 * prints every session update as a JSON line, until the test kills it with SIGKILL.
 */
import { REST } from '@discordjs/rest';
import { type SessionInfo, WebSocketManager } from '@discordjs/ws';
import { GatewayIntentBits } from 'discord-api-types/v10';

const [apiUrl = '', token = ''] = process.argv.slice(2);
const rest = new REST({ api: apiUrl, version: '10' }).setToken(token);
let session: SessionInfo | null = null;
const manager = new WebSocketManager({
  token,
  intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildPresences,
  rest,
  // The library reads the session back on every dispatch, so the two hooks go together.
  retrieveSessionInfo: () => session,
  updateSessionInfo: (_shardId, info) => {
    session = info;
    process.stdout.write(`${JSON.stringify(info)}\n`);
  },
});
await manager.connect();
