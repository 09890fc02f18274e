import {
  createRandom,
  createWeightedPicker,
  fullScale,
  hourWeight,
  type Member,
  type Population,
} from './analytics-population.ts';

/** One table's COPY: its columns and a generator of tab-separated lines, oldest first. */
export interface CopySource {
  table: string;
  columns: string[];
  rows: number;
  lines(): Generator<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Row times for `rows` events over the population's 90 days, hour by hour in order (so the
 * table is physically in time order, as an append-only event table is), following the daily
 * rhythm.
 */
function* timestamps(rows: number, startMs: number, random: () => number): Generator<number> {
  const hours = fullScale.days * 24;
  let weightSum = 0;
  for (let h = 0; h < hours; h += 1) weightSum += hourWeight(h % 24);
  let emitted = 0;
  let carried = 0;
  for (let h = 0; h < hours; h += 1) {
    carried += (rows * hourWeight(h % 24)) / weightSum;
    const count = h === hours - 1 ? rows - emitted : Math.floor(carried) - emitted;
    const hourMs = startMs + h * 3_600_000;
    for (let i = 0; i < count; i += 1) yield hourMs + Math.floor(random() * 3_600_000);
    emitted += Math.max(0, count);
  }
}

/** The event tables' COPY sources for `population`, with `sizes` rows each. */
export const toEventSources = (
  population: Population,
  sizes: Record<'presences' | 'messages' | 'typing' | 'reactions' | 'latencies', number>,
  endMs: number,
): CopySource[] => {
  const startMs = endMs - fullScale.days * 86_400_000;
  const { members, guildIds, channels } = population;
  const source = (
    table: string,
    columns: string[],
    rows: number,
    weight: (m: Member) => number,
    line: (m: Member, ts: number, random: () => number, n: number) => string,
  ): CopySource => ({
    table,
    columns,
    rows,
    *lines() {
      const random = createRandom(table.length * 7_919 + rows);
      const pick = createWeightedPicker(members.map(weight), random);
      let n = 0;
      for (const ts of timestamps(rows, startMs, random)) {
        const member = members[pick()] as Member;
        yield line(member, ts, random, n);
        n += 1;
      }
    },
  });
  const guildOf = (m: Member) => guildIds[m.guildIndex] as string;
  const channelOf = (m: Member, random: () => number) => {
    const list = channels[m.guildIndex] as string[];
    return list[Math.floor(list.length * random() ** 2)] as string;
  };
  const activities = (random: () => number) => {
    const r = random();
    if (r < 0.5) return '\\N';
    if (r < 0.8) return `[{"type":0,"name":"Game ${Math.floor(random() * 30)}"}]`;
    return `[{"type":2,"name":"Spotify","details":"Song ${Math.floor(random() * 500)}"}]`;
  };
  const other = (m: Member, random: () => number) => {
    const sameGuild = members[Math.floor(random() * members.length)] as Member;
    return sameGuild.guildIndex === m.guildIndex ? sameGuild : m;
  };
  return [
    source(
      'Presence',
      ['guildId', 'userId', 'status', 'clientStatus', 'activities', 'timestamp'],
      sizes.presences,
      (m) => m.presenceWeight,
      (m, ts, random) => {
        if (random() < 0.22) return `${guildOf(m)}\t${m.userId}\toffline\t{}\t\\N\t${iso(ts)}`;
        const statuses = m.clientStatuses;
        const clientStatus = statuses[Math.floor(random() * statuses.length)] as string;
        const status = clientStatus.includes('idle')
          ? 'idle'
          : clientStatus.includes('dnd')
            ? 'dnd'
            : 'online';
        return `${guildOf(m)}\t${m.userId}\t${status}\t${clientStatus}\t${activities(random)}\t${iso(ts)}`;
      },
    ),
    source(
      'Message',
      ['id', 'guildId', 'channelId', 'userId', 'length', 'timestamp'],
      sizes.messages,
      (m) => m.activityWeight,
      (m, ts, random, n) =>
        `${(BigInt(ts - 1_420_070_400_000) << 22n) | BigInt(n & 0x3fffff)}\t${guildOf(m)}\t${channelOf(m, random)}\t${m.userId}\t${Math.floor(random() * 300)}\t${iso(ts)}`,
    ),
    source(
      'TypingEvent',
      ['guildId', 'channelId', 'userId', 'timestamp'],
      sizes.typing,
      (m) => m.activityWeight,
      (m, ts, random) => `${guildOf(m)}\t${channelOf(m, random)}\t${m.userId}\t${iso(ts)}`,
    ),
    source(
      'ReactionEvent',
      ['guildId', 'channelId', 'messageId', 'userId', 'emoji', 'action', 'timestamp'],
      sizes.reactions,
      (m) => m.activityWeight,
      (m, ts, random, n) =>
        `${guildOf(m)}\t${channelOf(m, random)}\t${1_000_000_000 + n}\t${m.userId}\t${random() < 0.5 ? '👍' : '🔥'}\t${random() < 0.9 ? 'added' : 'removed'}\t${iso(ts)}`,
    ),
    source(
      'ReactionLatency',
      ['guildId', 'channelId', 'userId', 'targetUserId', 'messageId', 'latencyMs', 'timestamp'],
      sizes.latencies,
      (m) => m.activityWeight,
      (m, ts, random, n) =>
        `${guildOf(m)}\t${channelOf(m, random)}\t${m.userId}\t${other(m, random).userId}\t${2_000_000_000 + n}\t${Math.floor(random() * 4_999)}\t${iso(ts)}`,
    ),
  ];
};
