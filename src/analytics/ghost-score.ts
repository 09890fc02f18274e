/** `presenceCount / (messageCount + 1)`, rounded to 2 decimals (PRODUCT.md analytic 3). */
export const toGhostScore = (presenceCount: number, messageCount: number): number =>
  Math.round((presenceCount / (messageCount + 1)) * 100) / 100;
