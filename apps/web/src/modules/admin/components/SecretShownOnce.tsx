import type { ReactNode } from 'react';

interface SecretShownOnceProps {
  /** What was created, e.g. `Key “HRIS” created.` */
  title: string;
  secret: string;
  /** Accessible name of the secret, e.g. "SCIM token secret". */
  secretLabel: string;
  onCopy: (text: string, what: string) => void;
  /** The last copy's outcome, in words. */
  copied: string | null;
  /** How to use the secret. */
  children?: ReactNode;
}

/** A new secret (import key, SCIM token): shown once, with a copy button, never again. */
export function SecretShownOnce({ title, secret, secretLabel, onCopy, copied, children }: SecretShownOnceProps) {
  return (
    <div className="secret" role="status">
      <p className="notice__title">{title} Copy the secret now — it is never shown again.</p>
      <div className="secret__row">
        <code className="code secret__value" aria-label={secretLabel}>
          {secret}
        </code>
        <button type="button" className="button button--secondary button--small" onClick={() => onCopy(secret, 'Secret')}>
          Copy secret
        </button>
      </div>
      {children}
      {copied ? <p className="muted">{copied}</p> : null}
    </div>
  );
}
