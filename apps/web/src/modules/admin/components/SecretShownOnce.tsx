// New secrets (import keys, SCIM tokens): named in a small form, shown once with a copy
// button, never again.
import { type FormEvent, type ReactNode, useId, useState } from 'react';

/** Copies text to the clipboard and says, in words, whether that worked. */
export function useCopyToClipboard() {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied('Copying is not allowed here — select the text and copy it yourself.');
    }
  };
  return { copied, copy, clear: () => setCopied(null) };
}

interface SecretNameFormProps {
  /** What is created, in words: "key", "token". */
  noun: string;
  /** Who will use it, e.g. "the system that will use it". */
  example: string;
  submitLabel: string;
  pending: boolean;
  /** Creates the secret; call `done` once it exists, to empty the form. */
  onCreate: (name: string, done: () => void) => void;
}

/** The name of a new secret (2–80 characters), checked before anything is sent. */
export function SecretNameForm({ noun, example, submitLabel, pending, onCreate }: SecretNameFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 80) {
      setProblem(`Give the ${noun} a name of 2 to 80 characters, e.g. ${example}.`);
      return;
    }
    setProblem(null);
    onCreate(trimmed, () => setName(''));
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {noun.charAt(0).toUpperCase() + noun.slice(1)} name
        </label>
        <input
          id={`${id}-name`}
          className="field__input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-name-error` : undefined}
        />
        {problem ? (
          <p className="field__error" id={`${id}-name-error`}>
            {problem}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Creating…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

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

/** A new secret: shown once, with a copy button, never again. */
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
