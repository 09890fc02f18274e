import { formatNumber } from '../lib/format.ts';

interface Props {
  items: readonly { label: string; value: number; hint?: string }[];
  /** The bar length for `max` (defaults to the largest value), e.g. a quota. */
  max?: number;
  label: string;
}

/** Horizontal bars with their figures: readable at any width, no axis to decode. */
export const BarList = ({ items, max, label }: Props) => {
  const top = max ?? Math.max(1, ...items.map((item) => item.value));
  return (
    <ul className="bar-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.label}>
          <span className="bar-label" title={item.hint ?? item.label}>
            {item.label}
          </span>
          <span className="bar-track" aria-hidden="true">
            <span
              className="bar-fill"
              style={{ width: `${Math.min(100, (item.value / top) * 100)}%` }}
            />
          </span>
          <span className="bar-value">{formatNumber(item.value)}</span>
        </li>
      ))}
    </ul>
  );
};
