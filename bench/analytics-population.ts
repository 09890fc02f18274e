import { toSnowflake } from '../src/simulator/snowflake.ts';

/** A small, fast, seeded PRNG (mulberry32), so every run generates the same dataset. */
export const createRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** How big the dataset is at scale 1 (issue 5); every count is multiplied by the scale. */
export const fullScale = {
  members: 50_000,
  presences: 10_000_000,
  messages: 2_000_000,
  typing: 1_000_000,
  reactions: 300_000,
  latencies: 100_000,
  roleChanges: 10_000,
  days: 90,
  smallGuilds: 20,
  /** The big guild's share of the members (the small guilds split the rest). */
  bigGuildShare: 0.8,
} as const;

/** Platform habits: which platforms a member's non-offline snapshots show. */
const habits = [
  { share: 0.5, combos: [['desktop']] },
  { share: 0.27, combos: [['mobile']] },
  { share: 0.05, combos: [['web']] },
  {
    share: 0.18,
    combos: [
      ['desktop'],
      ['mobile'],
      ['desktop', 'mobile'],
      ['desktop', 'mobile'],
      ['desktop', 'web'],
      ['mobile', 'web'],
      ['desktop', 'mobile', 'web'],
    ],
  },
] as const;

/** One generated member: who, where, and how active. */
export interface Member {
  index: number;
  guildIndex: number;
  userId: string;
  discordId: string;
  /** Presence weight: heavy-tailed, as a few members produce most presence updates. */
  presenceWeight: number;
  /** Message and typing weight; 0 for the silent ones (ghosts and lurkers). */
  activityWeight: number;
  /** Client-status JSON of each of the member's possible non-offline snapshots. */
  clientStatuses: string[];
  accountCreatedMs: number;
  joinedMs: number;
}

/** The generated population: guilds, their members, channels and roles. */
export interface Population {
  guildIds: string[];
  members: Member[];
  /** Channel ids per guild index. */
  channels: string[][];
}

const toClientStatus = (platforms: readonly string[], status: string) =>
  JSON.stringify(Object.fromEntries(platforms.map((p) => [p, status])));

/** Pareto(α = 1.16, the 80/20 rule) weight, capped so one member cannot dominate a table. */
const paretoWeight = (random: () => number) => Math.min(200, (1 - random()) ** (-1 / 1.16));

const pickHabit = (random: () => number) => {
  let r = random();
  for (const habit of habits) {
    r -= habit.share;
    if (r < 0) return habit;
  }
  return habits[0];
};

/**
 * Members spread over one big guild and the small ones. 15% never write (ghosts when often
 * online, lurkers when they also never type); activity is otherwise correlated with presence.
 */
export const createPopulation = (scale: number, endMs: number, seed = 1): Population => {
  const random = createRandom(seed);
  const memberCount = Math.max(fullScale.smallGuilds + 10, Math.round(fullScale.members * scale));
  const bigCount = Math.round(memberCount * fullScale.bigGuildShare);
  const guildIds = Array.from({ length: fullScale.smallGuilds + 1 }, (_, i) =>
    toSnowflake(Date.UTC(2020, 0, 1), i + 1, 2),
  );
  const startMs = endMs - fullScale.days * 86_400_000;
  const members: Member[] = Array.from({ length: memberCount }, (_, index) => {
    const guildIndex = index < bigCount ? 0 : 1 + ((index - bigCount) % fullScale.smallGuilds);
    const presenceWeight = paretoWeight(random);
    const silent = random() < 0.15;
    const habit = pickHabit(random);
    const status = random() < 0.2 ? 'idle' : random() < 0.1 ? 'dnd' : 'online';
    // The first 60 members of the big guild are a raid: young accounts joining within 3 minutes.
    const raid = index < 60;
    const raidJoinMs = endMs - 2 * 86_400_000 + index * 3_000;
    const accountCreatedMs = raid
      ? raidJoinMs - random() * 5 * 86_400_000
      : startMs - random() * 4 * 365 * 86_400_000;
    const joinedMs = raid
      ? raidJoinMs
      : random() < 0.3
        ? startMs + random() * (endMs - startMs)
        : accountCreatedMs;
    return {
      index,
      guildIndex,
      userId: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
      discordId: toSnowflake(accountCreatedMs, index, 3),
      presenceWeight,
      activityWeight: silent ? 0 : presenceWeight * (0.2 + random() * 1.6),
      clientStatuses: habit.combos.map((combo) => toClientStatus(combo, status)),
      accountCreatedMs,
      joinedMs: Math.min(joinedMs, endMs - 1),
    };
  });
  const channels = guildIds.map((_, g) =>
    Array.from({ length: g === 0 ? 40 : 6 }, (_, c) =>
      toSnowflake(Date.UTC(2020, 1, 1), g * 100 + c, 4),
    ),
  );
  return { guildIds, members, channels };
};

/** Picks an index with probability proportional to its weight, by binary search. */
export const createWeightedPicker = (
  weights: readonly number[],
  random: () => number,
): (() => number) => {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};

/** A daily rhythm: busier in the evening (UTC) than at night, as a relative weight. */
export const hourWeight = (hourOfDay: number): number =>
  1 + 0.8 * Math.sin(((hourOfDay - 13) / 24) * 2 * Math.PI);
