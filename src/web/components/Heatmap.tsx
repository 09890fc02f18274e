import { type HeatmapCell, toHeatLevel, toHeatmapMatrix } from '../lib/heatmap-bins.ts';

interface Props {
  cells: readonly HeatmapCell[];
  timeZone: string;
  unit: string;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Day-of-week × hour grid as a table (so screen readers can walk it), coloured by count. */
export const Heatmap = ({ cells, timeZone, unit }: Props) => {
  const matrix = toHeatmapMatrix(cells);
  return (
    <div className="heatmap-wrap">
      <table className="heatmap">
        <caption className="sr-only">
          {unit} by day and hour in {timeZone}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Day</span>
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col">
                {hour % 3 === 0 ? hour : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.dayOfWeek}>
              <th scope="row">{row.label}</th>
              {row.counts.map((count, hour) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the cell's identity
                  key={hour}
                  className={`heat-${toHeatLevel(count, matrix.max)}`}
                  title={`${row.label} ${String(hour).padStart(2, '0')}:00 — ${count} ${unit}`}
                >
                  <span className="sr-only">{count}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Hours in {timeZone}; stronger colour is busier (busiest hour: {matrix.max} {unit}).
      </p>
    </div>
  );
};
