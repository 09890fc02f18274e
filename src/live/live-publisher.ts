import type { Logger } from 'pino';
import type { Envelope } from '../ingest/batch-writer.ts';
import type { Queryable } from '../store/database.ts';
import { listRoleGrants } from '../store/queries/live/list-role-grants.ts';
import { detectMultiClient, type MultiClientState } from './detect-multi-client.ts';
import { detectRaidBursts, type RaidRule, type RaidState } from './detect-raid-burst.ts';
import type { EventBus } from './event-bus.ts';
import type { LiveAlert, LiveEvent } from './live-event.ts';
import { toCommitSummaries } from './to-commit-summaries.ts';
import { toRoleEscalationAlerts } from './to-role-escalation-alerts.ts';

/** Options of {@link createLivePublisher}. */
export interface LivePublisherOptions {
  bus: EventBus;
  /** Read for role escalations: which roles the writer recorded as added. */
  db: Queryable;
  log: Logger;
  raidRule?: RaidRule;
  /** Batches waiting to be published beyond which new ones are dropped (and counted). */
  maxPendingBatches?: number;
  now?: () => Date;
}

/** Turns committed batches into live events; `onCommitted` never blocks or throws. */
export interface LivePublisher {
  onCommitted(envelopes: readonly Envelope[]): void;
  /** Resolves when every batch handed over so far is published (or dropped). */
  flush(): Promise<void>;
  readonly dropped: number;
}

/** Dispatch types whose presences describe the state at connection, not a change. */
const snapshotTypes = new Set(['GUILD_CREATE', 'GUILD_MEMBERS_CHUNK']);

/**
 * The ingest's side of the live stream: after each commit, per-guild summaries and the alerts
 * of the detectors (multi-client sign-ins, raid bursts, role escalations) go to the bus. The
 * work happens after the writer's callback returns; a slow or failing bus costs dropped live
 * events, never stored ones.
 */
export const createLivePublisher = (options: LivePublisherOptions): LivePublisher => {
  const now = options.now ?? (() => new Date());
  const maxPending = options.maxPendingBatches ?? 100;
  const multiClient: MultiClientState = new Set();
  const raids: RaidState = new Map();
  let pending = 0;
  let dropped = 0;
  let chain: Promise<void> = Promise.resolve();

  const toAlerts = async (envelopes: readonly Envelope[]): Promise<LiveEvent[]> => {
    const found: { guildId: string; alert: LiveAlert }[] = [];
    for (const envelope of envelopes) {
      const { presences, memberEvents, memberRoles } = envelope.rows;
      if (presences)
        found.push(...detectMultiClient(multiClient, presences, !snapshotTypes.has(envelope.type)));
      if (memberEvents) found.push(...detectRaidBursts(raids, memberEvents, options.raidRule));
      const changed = (memberRoles ?? []).filter((row) => !row.baseline);
      if (changed.length > 0)
        found.push(...toRoleEscalationAlerts(await listRoleGrants(options.db, changed)));
    }
    const at = now().toISOString();
    return found.map(({ guildId, alert }) => ({ type: 'alert', guildId, at, alert }));
  };

  const publish = async (envelopes: readonly Envelope[]) => {
    const events: LiveEvent[] = [
      ...toCommitSummaries(
        envelopes.map((envelope) => envelope.rows),
        now(),
      ),
      ...(await toAlerts(envelopes)),
    ];
    for (const event of events) await options.bus.publish(event);
  };

  return {
    onCommitted: (envelopes) => {
      if (pending >= maxPending) {
        dropped += 1;
        return;
      }
      pending += 1;
      // In order, so detectors see joins and presences as they were received.
      chain = chain
        .then(() => publish(envelopes))
        .catch((error: unknown) => options.log.warn({ err: error }, 'live events not published'))
        .finally(() => {
          pending -= 1;
        });
    },
    flush: () => chain,
    get dropped() {
      return dropped;
    },
  };
};
