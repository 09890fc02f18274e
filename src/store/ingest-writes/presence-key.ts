import type { PresenceRow } from '../../ingest/ingest-rows.ts';

/** A fingerprint of a snapshot: equal keys mean identical status, platforms and activities. */
export const toPresenceKey = (row: PresenceRow): string => {
  const platforms = Object.entries(row.clientStatus)
    .map(([platform, status]) => `${platform}=${status}`)
    .sort()
    .join(',');
  const activities = row.activities
    .map((activity) => `${activity.type}:${activity.name}:${activity.details ?? ''}`)
    .join('\u0001');
  return `${row.status}|${platforms}|${activities}`;
};
