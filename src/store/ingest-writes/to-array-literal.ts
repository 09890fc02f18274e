/** A PostgreSQL array literal of snowflakes (digits only, so no quoting is needed). */
export const toArrayLiteral = (ids: readonly string[]): string => `{${ids.join(',')}}`;
