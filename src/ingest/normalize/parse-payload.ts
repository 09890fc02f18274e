import type { z } from 'zod';

/** A parsed payload, or why it is not one: `user.id: expected a snowflake`. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses untrusted `data` with `schema`; the reason names the first failing field. */
export const parsePayload = <Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
): ParseResult<z.output<Schema>> => {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (issue === undefined) return { ok: false, reason: 'invalid payload' };
  const path = issue.path.map(String).join('.');
  return { ok: false, reason: path === '' ? issue.message : `${path}: ${issue.message}` };
};
