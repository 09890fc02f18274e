import { BarList } from '../../components/BarList.tsx';
import { LineChart } from '../../components/LineChart.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { fillSeries } from '../../lib/fill-series.ts';
import { formatNumber } from '../../lib/format.ts';
import type { ApiKeyView, KeyUsageResponse } from './api-key-types.ts';
import { toKeyUsageSeries } from './to-key-usage.ts';

const DAY_MS = 86_400_000;
const COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)'];

/** A key's requests per day by quota group, and today's use against each daily quota. */
export const KeyUsage = ({ apiKey }: { apiKey: ApiKeyView }) => {
  const usage = useApi<KeyUsageResponse>(`/keys/${apiKey.id}/usage`);
  const day = (atMs: number) =>
    new Date(atMs).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
  return (
    <Panel title={`Usage of ${apiKey.name ?? apiKey.prefix}`} state={usage}>
      {(data) => {
        const toMs = Date.parse(`${data.today}T00:00:00.000Z`) + DAY_MS;
        const fromMs = toMs - 14 * DAY_MS;
        return (
          <>
            <h3 className="small muted">Today (UTC) against the daily quota</h3>
            <BarList
              label="Today's requests against the daily quota"
              items={Object.entries(data.quotas).map(([group, quota]) => ({
                label: `${group}: ${formatNumber(quota.daily.used)} of ${formatNumber(quota.daily.limit)}`,
                value: quota.daily.used,
              }))}
              max={Math.max(1, ...Object.values(data.quotas).map((quota) => quota.daily.limit))}
            />
            <p className="muted small">Rate limit: {data.rateLimitPerMinute} requests a minute.</p>
            <LineChart
              label="Requests per day (UTC), last 14 days"
              formatX={day}
              series={toKeyUsageSeries(data).map((line, index) => ({
                name: line.name,
                color: COLORS[index % COLORS.length] ?? 'currentColor',
                points: fillSeries(line.points, { fromMs, toMs, stepMs: DAY_MS }),
              }))}
            />
          </>
        );
      }}
    </Panel>
  );
};
