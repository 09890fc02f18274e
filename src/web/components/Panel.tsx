import type { ReactNode } from 'react';
import type { Loadable } from '../hooks/use-api.ts';

interface Props<T> {
  title: string;
  state: Loadable<T> & { reload?(): void };
  children(data: T): ReactNode;
  /** When the data holds nothing to show. */
  isEmpty?(data: T): boolean;
  emptyText?: string;
  /** Controls in the panel header (exports, switches). */
  actions?: ReactNode;
  className?: string;
}

/** A titled card that shows loading, empty, "not available" and error states for its data. */
export const Panel = <T,>(props: Props<T>) => {
  const { title, state } = props;
  const titleId = `panel-${title.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-')}`;
  return (
    <section
      className={`panel ${props.className ?? ''}`}
      aria-labelledby={titleId}
      aria-busy={state.status === 'loading'}
    >
      <header className="panel-header">
        <h2 id={titleId}>{title}</h2>
        {state.status === 'ok' && props.actions}
      </header>
      <PanelBody {...props} />
    </section>
  );
};

const PanelBody = <T,>({ state, children, isEmpty, emptyText }: Props<T>) => {
  switch (state.status) {
    case 'loading':
      return (
        <div className="panel-state" role="status">
          <span className="spinner" aria-hidden="true" /> Loading…
        </div>
      );
    case 'unavailable':
      return (
        <div className="panel-state muted" data-state="unavailable">
          Not available on this server yet.
        </div>
      );
    case 'error':
      return (
        <div className="panel-state error" role="alert">
          <p>Could not load: {state.error.message}</p>
          {state.reload && (
            <button type="button" onClick={state.reload}>
              Try again
            </button>
          )}
        </div>
      );
    case 'ok':
      if (isEmpty?.(state.data)) {
        return (
          <div className="panel-state muted" data-state="empty">
            {emptyText ?? 'Nothing in this window.'}
          </div>
        );
      }
      return <div className="panel-body">{children(state.data)}</div>;
  }
};
