import { useWidth } from '../hooks/use-width.ts';
import { toLinearScale, toNiceMax, toTicks } from '../lib/chart-scale.ts';
import type { SeriesPoint } from '../lib/fill-series.ts';
import { formatNumber } from '../lib/format.ts';

export interface LineSeries {
  name: string;
  points: readonly SeriesPoint[];
  /** A CSS colour, e.g. `var(--series-1)`. */
  color: string;
}

interface Props {
  series: readonly LineSeries[];
  /** Labels the x axis (e.g. a date); called for a few evenly spaced points. */
  formatX(atMs: number): string;
  label: string;
  height?: number;
}

const PAD = { top: 12, right: 24, bottom: 28, left: 44 };
/** Above this many points, dots would merge into a band: the line alone carries the data. */
const MAX_DOTS = 60;

/** A responsive SVG line chart with a y grid, x labels and a legend; each point has a tooltip. */
export const LineChart = ({ series, formatX, label, height = 220 }: Props) => {
  const [ref, WIDTH] = useWidth<HTMLElement>(640);
  const all = series.flatMap((line) => line.points);
  const xs = all.map((point) => point.atMs);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const top = Math.max(0, ...all.map((point) => point.value));
  // Small counts get whole-number ticks (0–4) rather than 0, 0.5, 1…
  const niceMax =
    top <= 4 && all.every((point) => Number.isInteger(point.value)) ? 4 : toNiceMax(top);
  const x = toLinearScale([minX, maxX], [PAD.left, WIDTH - PAD.right]);
  const y = toLinearScale([0, niceMax], [height - PAD.bottom, PAD.top]);
  const first = series[0]?.points ?? [];
  const labelEvery = Math.max(1, Math.ceil(first.length / Math.max(2, Math.floor(WIDTH / 110))));
  return (
    <figure className="chart" ref={ref}>
      <svg width={WIDTH} height={height} role="img" aria-label={label}>
        {toTicks(niceMax).map((tick) => (
          <g key={tick}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text
              className="axis"
              x={PAD.left - 6}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {first.map((point, index) =>
          index % labelEvery === 0 ? (
            <text
              key={point.atMs}
              className="axis"
              x={x(point.atMs)}
              y={height - 8}
              textAnchor="middle"
            >
              {formatX(point.atMs)}
            </text>
          ) : null,
        )}
        {series.map((line) => (
          <g key={line.name}>
            <polyline
              fill="none"
              stroke={line.color}
              strokeWidth={2}
              points={line.points.map((point) => `${x(point.atMs)},${y(point.value)}`).join(' ')}
            />
            {line.points.length <= MAX_DOTS &&
              line.points.map((point) => (
                <circle
                  key={point.atMs}
                  cx={x(point.atMs)}
                  cy={y(point.value)}
                  r={3}
                  fill={line.color}
                >
                  <title>{`${line.name}, ${formatX(point.atMs)}: ${formatNumber(point.value)}`}</title>
                </circle>
              ))}
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((line) => (
          <span key={line.name}>
            <span className="swatch" style={{ background: line.color }} aria-hidden="true" />
            {line.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
};
