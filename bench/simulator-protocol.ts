/** What the benchmark asks of its simulator process. */
export type SimulatorCommand =
  /** The gateway session's last sequence number: the next dispatch gets one more. */
  | { op: 'sequence' }
  /** Push `count` dispatches of the benchmark mix, as fast as the bot reads or at a rate. */
  | { op: 'drive'; seed: string; count: number; eventsPerSecond?: number }
  | { op: 'close' };

/** What the simulator process answers. */
export type SimulatorReply =
  | { op: 'ready'; apiUrl: string; token: string; guildId: string }
  | { op: 'sequence'; seq: number }
  /** When each dispatch was handed to the socket, wall-clock milliseconds. */
  | { op: 'driven'; sentAtMs: Float64Array };
