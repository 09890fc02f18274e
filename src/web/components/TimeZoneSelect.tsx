import { browserTimeZone } from '../lib/format.ts';

const COMMON_ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Paris',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** The browser's zone first, then UTC and a few common ones. */
export const TimeZoneSelect = ({
  value,
  onChange,
}: {
  value: string;
  onChange(zone: string): void;
}) => {
  const zones = [...new Set([browserTimeZone(), value, ...COMMON_ZONES])];
  return (
    <label>
      Time zone{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone === browserTimeZone() ? `${zone} (this browser)` : zone}
          </option>
        ))}
      </select>
    </label>
  );
};
