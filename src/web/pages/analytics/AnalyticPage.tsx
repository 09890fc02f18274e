import { type FormEvent, useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { DateRangePicker } from '../../components/DateRangePicker.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { type DateRange, toRangeQuery } from '../../lib/date-range.ts';
import { browserTimeZone } from '../../lib/format.ts';
import type { AnalyticPageDef } from './analytic-page-def.ts';

const LIMITS = [50, 100, 500] as const;

const defaultsOf = (def: AnalyticPageDef) =>
  Object.fromEntries(def.thresholds.map((threshold) => [threshold.param, threshold.defaultValue]));

/** One analytic: window, thresholds, a chart where it helps, a sortable exportable table. */
export const AnalyticPage = ({ def, guildId }: { def: AnalyticPageDef; guildId: string }) => {
  const [range, setRange] = useState<DateRange>({ preset: '7d' });
  const [limit, setLimit] = useState<number>(50);
  const [thresholds, setThresholds] = useState<Record<string, number>>(() => defaultsOf(def));
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(defaultsOf(def)).map(([key, value]) => [key, String(value)])),
  );
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [choice, setChoice] = useState(def.choices?.options[0]);
  const query = useMemo(
    () => ({
      ...toRangeQuery(range, Date.now()),
      limit,
      ...thresholds,
      ...(def.zoned ? { tz: timeZone } : {}),
      ...(def.choices && choice ? { [def.choices.param]: choice } : {}),
    }),
    [range, limit, thresholds, def, timeZone, choice],
  );
  const state = useApi<unknown>(`/guilds/${guildId}/${def.path}`, query);
  const context = { guildId, timeZone };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, number> = {};
    for (const threshold of def.thresholds) {
      const value = Number(draft[threshold.param]);
      next[threshold.param] = Number.isFinite(value)
        ? Math.min(threshold.max, Math.max(threshold.min, Math.round(value)))
        : threshold.defaultValue;
    }
    setThresholds(next);
    setDraft(Object.fromEntries(Object.entries(next).map(([key, value]) => [key, String(value)])));
  };

  return (
    <div className="page" data-testid={`analytic-${def.id}`}>
      <h1>{def.title}</h1>
      <p className="definition">{def.definition}</p>
      <div className="controls">
        <DateRangePicker value={range} onChange={setRange} />
        {def.thresholds.length > 0 && (
          <form className="thresholds" onSubmit={apply}>
            {def.thresholds.map((threshold) => (
              <label key={threshold.param}>
                {threshold.label}
                <input
                  type="number"
                  name={threshold.param}
                  min={threshold.min}
                  max={threshold.max}
                  value={draft[threshold.param] ?? ''}
                  onChange={(event) =>
                    setDraft({ ...draft, [threshold.param]: event.target.value })
                  }
                />
              </label>
            ))}
            <button type="submit">Apply</button>
          </form>
        )}
        {def.zoned && <TimeZoneSelect value={timeZone} onChange={setTimeZone} />}
        {def.choices && (
          <label>
            {def.choices.label}{' '}
            <select value={choice} onChange={(event) => setChoice(event.target.value)}>
              {def.choices.options.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Rows{' '}
          <select value={limit} onChange={(event) => setLimit(Number(event.target.value))}>
            {LIMITS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      </div>
      {def.chart && (
        <Panel
          title={def.chartTitle ?? 'Chart'}
          state={state}
          isEmpty={(data) => def.toRows(data).length === 0}
          emptyText={def.emptyText}
        >
          {(data) => def.chart?.(data, def.toRows(data), context)}
        </Panel>
      )}
      <Panel
        title="Results"
        state={state}
        isEmpty={(data) => def.toRows(data).length === 0}
        emptyText={def.emptyText}
      >
        {(data) => (
          <DataTable
            rows={def.toRows(data)}
            columns={def.columns(context)}
            rowKey={def.rowKey}
            label={def.title}
            exportName={`spywatcher-${def.id}`}
          />
        )}
      </Panel>
    </div>
  );
};
