import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordSimulator, type DiscordSimulator } from './discord-simulator.ts';

describe('simulated slash commands', () => {
  let sim: DiscordSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('keeps registered commands; refuses a callback without a pending interaction and a PUT without the bot token', async () => {
    sim = await createDiscordSimulator();
    const rest = new REST({ api: sim.apiUrl, version: '10' }).setToken(sim.botToken);
    const commands = [{ name: 'privacy', description: 'x' }];
    await rest.put(Routes.applicationCommands(sim.application.clientId), { body: commands });
    expect(sim.listCommands()).toEqual(commands);

    const wrong = await fetch(`${sim.apiUrl}/v10/interactions/1/nope/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4 }),
    });
    expect(wrong.status).toBe(404);
    expect(await wrong.json()).toEqual({ message: 'Unknown interaction', code: 10_062 });
    const unauthorized = await fetch(`${sim.apiUrl}/v10/applications/1/commands`, {
      method: 'PUT',
      body: '[]',
    });
    expect(unauthorized.status).toBe(401);
  });
});
