import { describe, expect, it } from 'vitest';
import { ids } from './fixtures/discord-ids.ts';
import { createLatencyTracker, type LatencyTrackerOptions } from './latency-tracker.ts';

const t0 = Date.parse('2024-05-01T12:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms);
const carol = '300000000000000003';
const otherChannel = '418709231370371999';
const otherGuild = '418708979712131999';

interface Step {
  /** A message (`say`) or a typing start (`type`) by `who`, `ms` after t0. */
  do: 'say' | 'type';
  who: string;
  ms: number;
  channelId?: string;
  guildId?: string;
}

/** Plays the steps and returns, per typing start, the sample it produced as [target, ms]. */
const play = (steps: Step[], options?: LatencyTrackerOptions) => {
  const tracker = createLatencyTracker(options);
  const samples: ([string, number] | undefined)[] = [];
  steps.forEach((step, index) => {
    const where = { guildId: step.guildId ?? ids.guild, channelId: step.channelId ?? ids.general };
    if (step.do === 'say') {
      tracker.observeMessage({
        ...where,
        authorDiscordId: step.who,
        messageId: String(index + 1),
        at: at(step.ms),
      });
    } else {
      const row = tracker.observeTyping({ ...where, userDiscordId: step.who, at: at(step.ms) });
      samples.push(row && [row.targetDiscordId, row.latencyMs]);
    }
  });
  return samples;
};

const alice = ids.alice;
const bob = ids.bob;

describe('createLatencyTracker', () => {
  it.each([
    { name: '4.999 s after: a sample', typingMs: 4_999, sample: [alice, 4_999] },
    { name: 'at once: a 0 ms sample', typingMs: 0, sample: [alice, 0] },
    {
      name: 'exactly 5 s after: outside the window (the store requires < 5000)',
      typingMs: 5_000,
      sample: undefined,
    },
    { name: 'before the message: none', typingMs: -1, sample: undefined },
  ])('$name', ({ typingMs, sample }) => {
    expect(
      play([
        { do: 'say', who: alice, ms: 0 },
        { do: 'type', who: bob, ms: typingMs },
      ]),
    ).toEqual([sample]);
  });

  it.each([
    { name: 'typing after one’s own message', step: { do: 'type', who: alice, ms: 100 } },
    { name: 'another channel', step: { do: 'type', who: bob, ms: 100, channelId: otherChannel } },
    {
      name: 'the same channel id in another guild',
      step: { do: 'type', who: bob, ms: 100, guildId: otherGuild },
    },
  ] satisfies { name: string; step: Step }[])('no sample for $name', ({ step }) => {
    expect(play([{ do: 'say', who: alice, ms: 0 }, step])).toEqual([undefined]);
  });

  it('answers the most recent message by someone else', () => {
    const samples = play([
      { do: 'say', who: alice, ms: 0 },
      { do: 'say', who: carol, ms: 1_000 },
      { do: 'type', who: bob, ms: 1_500 },
    ]);
    expect(samples).toEqual([[carol, 500]]);
  });

  it('skips the typer’s own messages to find the one answered', () => {
    const samples = play([
      { do: 'say', who: alice, ms: 0 },
      { do: 'say', who: bob, ms: 1_000 },
      { do: 'type', who: bob, ms: 2_000 },
    ]);
    expect(samples).toEqual([[alice, 2_000]]);
  });

  it('takes one sample per member and message', () => {
    const samples = play([
      { do: 'say', who: alice, ms: 0 },
      { do: 'type', who: bob, ms: 1_000 },
      { do: 'type', who: bob, ms: 3_000 },
      { do: 'type', who: carol, ms: 3_500 },
    ]);
    expect(samples).toEqual([[alice, 1_000], undefined, [alice, 3_500]]);
  });

  it('forgets the oldest messages of a busy channel', () => {
    const samples = play(
      [
        { do: 'say', who: alice, ms: 0 },
        { do: 'say', who: bob, ms: 10 },
        { do: 'say', who: bob, ms: 20 },
        { do: 'type', who: bob, ms: 30 },
      ],
      { maxMessagesPerChannel: 2 },
    );
    expect(samples).toEqual([undefined]);
  });

  it('forgets the least recently active channel past maxChannels', () => {
    const samples = play(
      [
        { do: 'say', who: alice, ms: 0, channelId: '1' },
        { do: 'say', who: alice, ms: 10, channelId: '2' },
        { do: 'say', who: alice, ms: 20, channelId: '3' },
        { do: 'type', who: bob, ms: 30, channelId: '1' },
        { do: 'type', who: bob, ms: 30, channelId: '2' },
      ],
      { maxChannels: 2 },
    );
    expect(samples).toEqual([undefined, [alice, 20]]);
  });

  it('forgets channels whose messages left the window', () => {
    const tracker = createLatencyTracker();
    const message = { guildId: ids.guild, authorDiscordId: alice, messageId: ids.message };
    tracker.observeMessage({ ...message, channelId: '1', at: at(0) });
    tracker.observeMessage({ ...message, channelId: '2', at: at(4_000) });
    expect(tracker.channelCount).toBe(2);
    tracker.observeMessage({ ...message, channelId: '3', at: at(6_000) });
    expect(tracker.channelCount).toBe(2);
    tracker.observeMessage({ ...message, channelId: '3', at: at(60_000) });
    expect(tracker.channelCount).toBe(1);
  });

  it('returns the full row', () => {
    const tracker = createLatencyTracker({ windowMs: 10_000 });
    tracker.observeMessage({
      guildId: ids.guild,
      channelId: ids.general,
      authorDiscordId: alice,
      messageId: ids.message,
      at: at(0),
    });
    expect(
      tracker.observeTyping({
        guildId: ids.guild,
        channelId: ids.general,
        userDiscordId: bob,
        at: at(7_250),
      }),
    ).toEqual({
      guildId: ids.guild,
      channelId: ids.general,
      userDiscordId: bob,
      targetDiscordId: alice,
      messageId: ids.message,
      latencyMs: 7_250,
      timestamp: at(7_250),
    });
  });
});
