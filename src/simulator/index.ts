/** The Discord simulator's public surface: the server, scenarios, and their drivers. */
export {
  createDiscordSimulator,
  type DiscordSimulator,
  type DiscordSimulatorOptions,
} from './discord-simulator.ts';
export { defaultGatewayOptions, type GatewayOptions } from './gateway-options.ts';
export type { GuildState, SimChannel, SimGuild, SimPresence } from './guild-state.ts';
export { createCodeVerifier, toCodeChallenge } from './pkce.ts';
export { type BenchmarkMixOptions, createBenchmarkMix } from './scenario/benchmark-mix.ts';
export {
  buildLargeGuild,
  type LargeGuild,
  type LargeGuildOptions,
} from './scenario/build-large-guild.ts';
export {
  createScenario,
  defaultCastSize,
  type Scenario,
  type ScenarioCast,
  type ScenarioOptions,
} from './scenario/create-scenario.ts';
export { type DriveOptions, type DriveResult, driveScenario } from './scenario/drive-scenario.ts';
export type {
  ScenarioEvent,
  ScenarioEventName,
  ScenarioPayloads,
} from './scenario/scenario-event.ts';
export type { SessionSummary } from './session-registry.ts';
export type { SimulatorCounters } from './simulator-counters.ts';
export type { SimApplication, SimUser, SimUserGuild } from './simulator-state.ts';
export { DISCORD_EPOCH_MS, toShardId, toSnowflake, toSnowflakeTimestampMs } from './snowflake.ts';
