import type { CommandOutput } from './command-output.ts';

/** Output captured in memory, as an interactive terminal would get it. */
export const captureOutput = (
  interactive = true,
): CommandOutput & { text: string[]; bars: string[] } => {
  const text: string[] = [];
  const bars: string[] = [];
  return {
    text,
    bars,
    interactive,
    out: (chunk) => void text.push(chunk),
    progress: (chunk) => void bars.push(chunk),
  };
};
