/**
 * Whether a failed write is the data's fault (retrying cannot help: skip the rows) rather than
 * the database's (unreachable, restarting: keep the rows and retry). SQLSTATE classes 22
 * (data exception), 23 (integrity constraint) and 42 (statement the server refuses) are the
 * data's; everything else, including network errors without a SQLSTATE, is transient.
 * https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
export const isDataError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^(22|23|42)[0-9A-Z]{3}$/.test(code);
};
