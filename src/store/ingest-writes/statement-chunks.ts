/**
 * Most rows one statement writes. A batch is a few thousand rows, but one dispatch can be a
 * 100,000-member GUILD_CREATE: written in one statement, its parameters alone would take
 * hundreds of megabytes while being serialized.
 */
export const STATEMENT_ROWS = 10_000;

/** Consecutive slices of at most {@link STATEMENT_ROWS} rows. */
export function* toStatementChunks<Row>(rows: readonly Row[]): Generator<Row[]> {
  for (let at = 0; at < rows.length; at += STATEMENT_ROWS) {
    yield rows.slice(at, at + STATEMENT_ROWS);
  }
}
