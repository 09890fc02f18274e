import { randomBytes } from 'node:crypto';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import { decideIdentify } from './decide-identify.ts';
import { decideMemberRequest, parseMemberRequest } from './decide-member-request.ts';
import { decideResume } from './decide-resume.ts';
import type { ConnectionHandlers, GatewayConnection } from './gateway-connection.ts';
import type { GatewayOptions } from './gateway-options.ts';
import { toReadyPayload } from './ready-payload.ts';
import type { SessionRegistry } from './session-registry.ts';
import type { SimulatorCounters } from './simulator-counters.ts';
import type { SimulatorState } from './simulator-state.ts';

/** What the session handlers work with. */
export interface SessionHandlersContext {
  state: SimulatorState;
  options: GatewayOptions;
  counters: SimulatorCounters;
  registry: SessionRegistry;
  connections: Set<GatewayConnection>;
  nowMs: () => number;
  /** The `resume_gateway_url` READY hands out. */
  getResumeUrl: () => string;
}

/** Closing with these ends the session: no RESUME afterwards. */
const sessionEndingCodes = new Set<number>([
  1000,
  1001,
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidSeq,
  GatewayCloseCodes.SessionTimedOut,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

/** IDENTIFY, RESUME, op 8 and close handling: each decides purely, then applies here. */
export const createSessionHandlers = (context: SessionHandlersContext): ConnectionHandlers => {
  const { state, options, counters, registry } = context;
  return {
    identify(connection, data) {
      const sessionStartsRemaining = registry.startsRemaining;
      const decision = decideIdentify(data, { state, options, sessionStartsRemaining });
      if (decision.type === 'close') return connection.close(decision.code, decision.reason);
      if (decision.type === 'invalid-session') {
        return connection.sendOp(GatewayOpcodes.InvalidSession, false);
      }
      const { identify } = decision;
      registry.startsRemaining -= 1;
      counters.identifies += 1;
      const session = registry.open({ ...identify, id: randomBytes(16).toString('hex') });
      registry.attach(connection, session);
      const ready = toReadyPayload({
        user: state.bot,
        applicationId: state.application.clientId,
        privilegedIntents: state.application.privilegedIntents,
        guildIds: identify.guildIds,
        sessionId: session.id,
        resumeUrl: context.getResumeUrl(),
        shard: identify.shard,
      });
      session.push(GatewayDispatchEvents.Ready, JSON.stringify(ready), false);
      for (const guildId of identify.guildIds) registry.pushGuildCreate(session, guildId);
    },

    resume(connection, data) {
      const decision = decideResume(data, state, registry.sessions);
      if (decision.type === 'close') return connection.close(decision.code, decision.reason);
      if (decision.type === 'invalid-session') {
        counters.failedResumes += 1;
        if (decision.session) registry.end(decision.session);
        return connection.sendOp(GatewayOpcodes.InvalidSession, false);
      }
      const { session, replay } = decision;
      counters.resumes += 1;
      const previous = [...context.connections].find((other) => other.session === session);
      if (previous && previous !== connection) {
        previous.session = undefined;
        previous.close(1000, 'Session resumed on another connection.');
      }
      registry.attach(connection, session);
      for (const entry of replay) connection.sendFrame(entry.frame, entry.event, true);
      session.push(GatewayDispatchEvents.Resumed, '{"_trace":["spywatcher-simulator"]}', false);
    },

    requestMembers(connection, data) {
      const session = connection.session;
      const request = parseMemberRequest(data);
      const guild = request && state.guilds.get(request.guildId);
      if (!session || !request || !guild || !session.covers(guild.id)) return;
      counters.memberRequests += 1;
      const decision = decideMemberRequest(request, guild, {
        intents: session.intents,
        lastAllMembersRequestMs: session.memberRequestAtMs.get(guild.id),
        nowMs: context.nowMs(),
        intervalMs: options.memberRequestIntervalMs,
        chunkSize: options.memberChunkSize,
      });
      if (decision.type === 'rate-limited') {
        counters.memberRequestsRateLimited += 1;
        session.push(GatewayDispatchEvents.RateLimited, JSON.stringify(decision.data));
      } else if (decision.type === 'chunks') {
        if (decision.recordAtMs !== undefined) {
          session.memberRequestAtMs.set(guild.id, decision.recordAtMs);
        }
        for (const chunk of decision.chunks) {
          session.push(GatewayDispatchEvents.GuildMembersChunk, JSON.stringify(chunk));
        }
      }
    },

    closed(connection, code) {
      context.connections.delete(connection);
      const session = connection.session;
      if (!session || session.socket !== connection) return;
      if (sessionEndingCodes.has(code)) registry.end(session);
      else registry.detach(session);
    },
  };
};
