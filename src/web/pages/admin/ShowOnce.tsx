import { useState } from 'react';

/** The new key, shown this once, with a copy button. */
export const ShowOnce = ({ secret, onDone }: { secret: string; onDone(): void }) => {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="panel show-once" aria-labelledby="show-once-title" data-testid="new-key">
      <h2 id="show-once-title">Your new key</h2>
      <p>Copy it now: it will not be shown again.</p>
      <p>
        <code className="secret" data-testid="new-key-secret">
          {secret}
        </code>
      </p>
      <button type="button" className="primary" onClick={copy}>
        Copy
      </button>{' '}
      <span role="status">
        {copied === 'yes'
          ? 'Copied.'
          : copied === 'failed'
            ? 'Copy failed: select the key and copy it by hand.'
            : ''}
      </span>{' '}
      <button type="button" onClick={onDone}>
        I have saved it
      </button>
    </section>
  );
};
