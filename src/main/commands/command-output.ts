/** Where a command writes: its report (stdout) and its progress (stderr, a TTY or not). */
export interface CommandOutput {
  out(text: string): void;
  progress(text: string): void;
  /** Whether progress may redraw one line (`\r`); off when stderr is a file or pipe. */
  interactive: boolean;
}

/** The process's own stdout and stderr. */
export const processOutput = (): CommandOutput => ({
  out: (text) => process.stdout.write(text),
  progress: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
});

/** Rows per table as aligned lines, largest first, with a total. */
export const toCountTable = (counts: Record<string, number>): string => {
  const rows = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(5, ...rows.map(([table]) => table.length));
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  return [
    ...rows.map(
      ([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString('en-US').padStart(10)}`,
    ),
    `  ${'Total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(10)}`,
  ].join('\n');
};

/** A one-line progress bar: `[#####.....]  50%  1,000 / 2,000  Presence`. */
export const toProgressBar = (done: number, total: number, label: string, width = 30): string => {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const percent = `${Math.round(share * 100)}%`.padStart(4);
  const counts = `${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}  ${counts}  ${label}`;
};
