interface Props {
  label: string;
  value: string;
  hint?: string;
  /** Shown when live events changed the figure since it was loaded. */
  live?: boolean;
  testId?: string;
}

/** One headline figure. */
export const KpiCard = ({ label, value, hint, live, testId }: Props) => (
  <div className="kpi" data-testid={testId}>
    <div className="kpi-label">
      {label}
      {live && (
        <span className="live-dot" title="Updated live">
          <span className="sr-only">(updated live)</span>
        </span>
      )}
    </div>
    <div className="kpi-value" aria-live="polite">
      {value}
    </div>
    {hint && <div className="kpi-hint">{hint}</div>}
  </div>
);
