import type { RetentionStep } from '../../privacy/retention-policy.ts';

/** The rows a retention step removes, as a condition and its parameters. */
export const toStepCondition = (step: RetentionStep): { where: string; params: unknown[] } => {
  const before = step.before.toISOString();
  if (step.type === 'archive') return { where: `"timestamp" < $1`, params: [before] };
  if (step.type === 'expire') return { where: `"expiresAt" < $1`, params: [before] };
  const time = `"${step.timeColumn}" < $1`;
  if ('guildId' in step.scope) {
    return { where: `${time} AND "guildId" = $2`, params: [before, step.scope.guildId] };
  }
  if (step.scope.exceptGuildIds.length === 0) return { where: time, params: [before] };
  return {
    where: `${time} AND NOT ("guildId" = ANY($2::text[]))`,
    params: [before, step.scope.exceptGuildIds],
  };
};
