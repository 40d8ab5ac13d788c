import { useId, useState } from 'react';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useCreateSignalImportKey, useGetSignalImportKeys, useRevokeSignalImportKey } from '../hooks/signals.hooks';
import { curlUsage } from '../utils/signal-forms';
import { SecretNameForm, SecretShownOnce, useCopyToClipboard } from './SecretShownOnce';

const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** API keys HR systems use to post signal observations. A secret is shown once, right after it is made. */
export default function ImportKeysSection() {
  const keys = useGetSignalImportKeys();
  return (
    <div className="stack">
      <CreateKeyForm />
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title" className="card__title">
          Import keys
        </h2>
        {keys.isPending ? (
          <LoadingState label="Loading import keys…" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} title="Import keys couldn’t be loaded" onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <p className="muted">No import keys yet.</p>
        ) : (
          <ul className="key-list">
            {keys.data.map((key) => (
              <KeyItem key={key.id} item={key} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function KeyItem({ item }: { item: { id: string; name: string; createdAt: string; lastUsedAt?: string | null; revokedAt?: string | null } }) {
  const revoke = useRevokeSignalImportKey();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="key">
      <p className="key__name">{item.name}</p>
      <p className="muted key__meta">
        Created {dateTime(item.createdAt)} · {item.lastUsedAt ? `last used ${dateTime(item.lastUsedAt)}` : 'never used'}
      </p>
      {item.revokedAt ? (
        <p className="status status--suspended">Revoked {dateTime(item.revokedAt)}</p>
      ) : confirming ? (
        <div className="key__confirm" role="group" aria-label={`Revoke ${item.name}?`}>
          <p>Revoke “{item.name}”? Systems using it can no longer send figures. This cannot be undone.</p>
          <div className="button-row">
            <button type="button" className="button button--primary button--small" disabled={revoke.isPending} onClick={() => revoke.mutate(item.id)}>
              {revoke.isPending ? 'Revoking…' : 'Yes, revoke'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
          Revoke<span className="visually-hidden"> {item.name}</span>
        </button>
      )}
      {revoke.isError ? (
        <p className="alert" role="alert">
          Not revoked: {toUserMessage(revoke.error)}
        </p>
      ) : null}
    </li>
  );
}

function CreateKeyForm() {
  const id = useId();
  const create = useCreateSignalImportKey();
  const { copied, copy, clear: clearCopied } = useCopyToClipboard();

  const created = create.data;
  const usage = created ? curlUsage(window.location.origin, created.secret) : '';

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Create an import key
      </h2>
      <p className="muted">
        An HR system sends signal observations (the same CSV as Signal import) to Pulsewise with a key. Create one key per
        system so you can revoke it on its own.
      </p>
      <SecretNameForm
        noun="key"
        example="the system that will use it"
        submitLabel="Create key"
        pending={create.isPending}
        onCreate={(name, done) => {
          clearCopied();
          create.mutate(name, { onSuccess: done });
        }}
      />
      {create.isError ? (
        <p className="alert" role="alert">
          No key was created: {toUserMessage(create.error)}
        </p>
      ) : null}
      {created ? (
        <SecretShownOnce title={`Key “${created.importKey.name}” created.`} secret={created.secret} secretLabel="Secret" onCopy={(text, what) => void copy(text, what)} copied={copied}>
          <p>Send it as a bearer token with a CSV body:</p>
          <pre className="secret__usage" tabIndex={0} aria-label="Example request">
            {usage}
          </pre>
          <button type="button" className="button button--secondary button--small" onClick={() => void copy(usage, 'Example')}>
            Copy example
          </button>
        </SecretShownOnce>
      ) : null}
    </section>
  );
}
