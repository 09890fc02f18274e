import { useState } from 'react';
import { type DateRange, fromLocalInput, rangePresets, toLocalInput } from '../lib/date-range.ts';

interface Props {
  value: DateRange;
  onChange(range: DateRange): void;
}

/** Presets (last 24 h … 90 days) and a custom from/to in local time. */
export const DateRangePicker = ({ value, onChange }: Props) => {
  const nowIso = new Date().toISOString();
  const [from, setFrom] = useState(
    value.preset === 'custom' ? value.from : new Date(Date.now() - 7 * 86_400_000).toISOString(),
  );
  const [to, setTo] = useState(value.preset === 'custom' ? value.to : nowIso);
  const applyCustom = (nextFrom: string, nextTo: string) => {
    if (nextFrom < nextTo) onChange({ preset: 'custom', from: nextFrom, to: nextTo });
  };
  return (
    <fieldset className="range-picker">
      <legend>Window</legend>
      <div className="segmented">
        {rangePresets.map((preset) => (
          <button
            key={preset.id}
            type="button"
            aria-pressed={value.preset === preset.id}
            onClick={() => onChange({ preset: preset.id })}
          >
            {preset.id}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={value.preset === 'custom'}
          onClick={() => applyCustom(from, to)}
        >
          custom
        </button>
      </div>
      {value.preset === 'custom' && (
        <span className="custom-range">
          <label>
            From{' '}
            <input
              type="datetime-local"
              value={toLocalInput(from)}
              onChange={(event) => {
                const iso = fromLocalInput(event.target.value);
                if (iso) {
                  setFrom(iso);
                  applyCustom(iso, to);
                }
              }}
            />
          </label>
          <label>
            To{' '}
            <input
              type="datetime-local"
              value={toLocalInput(to)}
              onChange={(event) => {
                const iso = fromLocalInput(event.target.value);
                if (iso) {
                  setTo(iso);
                  applyCustom(from, iso);
                }
              }}
            />
          </label>
        </span>
      )}
    </fieldset>
  );
};
