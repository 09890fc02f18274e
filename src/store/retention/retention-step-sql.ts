import type { RetentionStep } from '../../privacy/retention-policy.ts';

/** The rows a retention step removes, as a condition and its parameters. */
export const toStepCondition = (step: RetentionStep): { where: string; params: unknown[] } => {
  const before = step.before.toISOString();
  if (step.type === 'archive') return { where: `"timestamp" < $1`, params: [before] };
  if (step.type === 'expire') return { where: `"expiresAt" < $1`, params: [before] };
  const params: unknown[] = [before];
  const where = [`"${step.timeColumn}" < $1`];
  if (step.rows) {
    params.push(step.rows.kind);
    where.push(`"${step.rows.column}" = $${params.length}`);
  }
  if ('guildId' in step.scope) {
    params.push(step.scope.guildId);
    where.push(`"guildId" = $${params.length}`);
  } else if (step.scope.exceptGuildIds.length > 0) {
    params.push(step.scope.exceptGuildIds);
    where.push(`NOT ("guildId" = ANY($${params.length}::text[]))`);
  }
  return { where: where.join(' AND '), params };
};
