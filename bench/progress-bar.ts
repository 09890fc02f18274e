/** A one-line progress bar on stderr (redrawn at most 5 times a second). */
export const createProgressBar = (label: string, total: number) => {
  const startMs = performance.now();
  let lastDrawMs = 0;
  const draw = (done: number) => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(fraction * width);
    const seconds = (performance.now() - startMs) / 1_000;
    const rate = seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '…';
    process.stderr.write(
      `\r${label.padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows, ${rate}/s   `,
    );
  };
  return {
    update(done: number) {
      const nowMs = performance.now();
      if (nowMs - lastDrawMs < 200) return;
      lastDrawMs = nowMs;
      draw(done);
    },
    finish(done: number) {
      draw(done);
      process.stderr.write('\n');
    },
  };
};
