import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SsoConfigurationFieldsFragment } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import {
  useCreateScimToken,
  useDeleteSsoConfiguration,
  useGetScimTokens,
  useGetSsoSettings,
  useRevokeScimToken,
  useRotateScimToken,
  useSaveSsoConfiguration,
} from '../hooks/identity.hooks';
import { readSsoForm, type SsoFormValues } from '../utils/identity-forms';
import { SecretNameForm, SecretShownOnce, useCopyToClipboard } from './SecretShownOnce';

const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Enterprise identity: OIDC single sign-on and SCIM tokens. A token's secret is shown once, right after it is made. */
export default function IdentitySection() {
  const sso = useGetSsoSettings();
  return (
    <div className="stack">
      {sso.isPending ? (
        <LoadingState label="Loading single sign-on…" />
      ) : sso.isError ? (
        <ErrorState error={sso.error} title="Single sign-on couldn’t be loaded" onRetry={() => void sso.refetch()} />
      ) : (
        <SsoForm current={sso.data.configuration ?? null} redirectUri={sso.data.redirectUri} />
      )}
      <ScimTokens />
    </div>
  );
}

function valuesOf(current: SsoConfigurationFieldsFragment | null): SsoFormValues {
  return {
    issuer: current?.issuer ?? '',
    clientId: current?.clientId ?? '',
    clientSecret: '',
    allowedDomains: current?.allowedDomains.join(', ') ?? '',
    enabled: current?.enabled ?? true,
    passwordSignInEnabled: current?.passwordSignInEnabled ?? true,
  };
}

function SsoForm({ current, redirectUri }: { current: SsoConfigurationFieldsFragment | null; redirectUri: string }) {
  const id = useId();
  const save = useSaveSsoConfiguration();
  const remove = useDeleteSsoConfiguration();
  const [values, setValues] = useState<SsoFormValues>(() => valuesOf(current));
  const [errors, setErrors] = useState<Partial<Record<keyof SsoFormValues, string>>>({});
  const [saved, setSaved] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  useEffect(() => setValues(valuesOf(current)), [current]);

  const set = <K extends keyof SsoFormValues>(key: K, value: SsoFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: problems } = readSsoForm(values, Boolean(current?.clientSecretSet));
    setErrors(problems);
    if (!input) return;
    save.mutate(input, { onSuccess: () => setSaved(true) });
  };

  const field = (key: 'issuer' | 'clientId' | 'clientSecret' | 'allowedDomains', label: string, hint: string, type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <p className="field__hint" id={`${id}-${key}-hint`}>
        {hint}
      </p>
      <input
        id={`${id}-${key}`}
        className="field__input"
        type={type}
        autoComplete="off"
        spellCheck={false}
        value={values[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={[`${id}-${key}-hint`, errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ')}
      />
      {errors[key] ? (
        <p className="field__error" id={`${id}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Single sign-on (OpenID Connect)
      </h2>
      <p className="muted">
        People sign in with your identity provider instead of a Pulsewise password. They are matched to the directory by email;
        nobody is created by signing in. Register this redirect URI for the Pulsewise client at your provider:
      </p>
      <p>
        <code className="code" aria-label="Redirect URI">
          {redirectUri}
        </code>
      </p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={save.isPending}>
        {field('issuer', 'Issuer URL', 'Your provider’s issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0 or https://example.okta.com.', 'url')}
        {field('clientId', 'Client ID', 'The ID of the client (application) you registered for Pulsewise.')}
        {field(
          'clientSecret',
          'Client secret',
          current?.clientSecretSet ? 'A secret is stored (encrypted, never shown). Leave empty to keep it.' : 'Stored encrypted and never shown again.',
          'password',
        )}
        {field('allowedDomains', 'Allowed email domains', 'Only people with these email domains may sign in through the provider, e.g. example.com, example.co.uk. Empty: any.')}
        <label className="choice">
          <input type="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          <span>Single sign-on is on</span>
        </label>
        <label className="choice">
          <input type="checkbox" checked={values.passwordSignInEnabled} onChange={(e) => set('passwordSignInEnabled', e.target.checked)} />
          <span>People may still sign in with a password (tenant admins always can, as a way back in)</span>
        </label>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Checking the provider and saving…' : 'Save single sign-on'}
          </button>
          {current && !confirmRemove ? (
            <button type="button" className="button button--secondary" onClick={() => setConfirmRemove(true)}>
              Remove single sign-on
            </button>
          ) : null}
        </div>
      </form>
      {confirmRemove ? (
        <div className="key__confirm" role="group" aria-label="Remove single sign-on?">
          <p>Remove single sign-on? Everyone then signs in with a password only.</p>
          <div className="button-row">
            <button type="button" className="button button--primary button--small" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirmRemove(false) })}>
              {remove.isPending ? 'Removing…' : 'Yes, remove'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {save.isError ? (
        <p className="alert" role="alert">
          Not saved: {toUserMessage(save.error)}
        </p>
      ) : null}
      {remove.isError ? (
        <p className="alert" role="alert">
          Not removed: {toUserMessage(remove.error)}
        </p>
      ) : null}
      {saved ? (
        <p className="notice" role="status">
          Single sign-on saved. The provider answered, and people can now use “Sign in with your organisation’s SSO”.
        </p>
      ) : null}
    </section>
  );
}

function ScimTokens() {
  const id = useId();
  const tokens = useGetScimTokens();
  const create = useCreateScimToken();
  const rotate = useRotateScimToken();
  const { copied, copy, clear: clearCopied } = useCopyToClipboard();
  // The last secret made (by create or rotate): shown once, until the next one.
  const shown = rotate.data && (!create.data || rotate.submittedAt > create.submittedAt) ? rotate.data : create.data;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Directory provisioning (SCIM 2.0)
      </h2>
      <p className="muted">
        Your identity provider keeps people and org units up to date through SCIM: new starters appear, changes follow, and
        people it deactivates stop receiving pulses at once. userName is the work email; Groups are org units named by their
        path (e.g. Engineering/Platform). Create one token per provider so you can rotate or revoke it on its own.
      </p>
      <SecretNameForm
        noun="token"
        example="the identity provider that will use it"
        submitLabel="Create SCIM token"
        pending={create.isPending}
        onCreate={(name, done) => {
          clearCopied();
          create.mutate(name, { onSuccess: done });
        }}
      />
      {create.isError ? (
        <p className="alert" role="alert">
          No token was created: {toUserMessage(create.error)}
        </p>
      ) : null}
      {rotate.isError ? (
        <p className="alert" role="alert">
          Not rotated: {toUserMessage(rotate.error)}
        </p>
      ) : null}
      {shown ? (
        <SecretShownOnce title={`Token “${shown.scimToken.name}” is ready.`} secret={shown.secret} secretLabel="SCIM token secret" onCopy={(text, what) => void copy(text, what)} copied={copied}>
          <p>
            In your identity provider, set the SCIM base URL to <code className="code">{shown.endpoint}</code> and the
            authentication to a bearer token with this secret.
          </p>
        </SecretShownOnce>
      ) : null}
      <h3 className="card__title identity__list-title">Tokens</h3>
      {tokens.isPending ? (
        <LoadingState label="Loading SCIM tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} title="SCIM tokens couldn’t be loaded" onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">No SCIM tokens yet.</p>
      ) : (
        <ul className="key-list">
          {tokens.data.map((token) => (
            <TokenItem key={token.id} item={token} onRotate={() => rotate.mutate(token.id, { onSuccess: clearCopied })} rotating={rotate.isPending && rotate.variables === token.id} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TokenItem({
  item,
  onRotate,
  rotating,
}: {
  item: { id: string; name: string; createdAt: string; lastUsedAt?: string | null; revokedAt?: string | null };
  onRotate: () => void;
  rotating: boolean;
}) {
  const revoke = useRevokeScimToken();
  const [confirming, setConfirming] = useState<'revoke' | 'rotate' | null>(null);
  return (
    <li className="key">
      <p className="key__name">{item.name}</p>
      <p className="muted key__meta">
        Created {dateTime(item.createdAt)} · {item.lastUsedAt ? `last used ${dateTime(item.lastUsedAt)}` : 'never used'}
      </p>
      {item.revokedAt ? (
        <p className="status status--suspended">Revoked {dateTime(item.revokedAt)}</p>
      ) : confirming ? (
        <div className="key__confirm" role="group" aria-label={confirming === 'revoke' ? `Revoke ${item.name}?` : `Rotate ${item.name}?`}>
          <p>
            {confirming === 'revoke'
              ? `Revoke “${item.name}”? Your identity provider can no longer change the directory with it. This cannot be undone.`
              : `Rotate “${item.name}”? A new secret replaces it and the current one stops working at once — update your identity provider straight away.`}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={revoke.isPending || rotating}
              onClick={() => {
                if (confirming === 'revoke') revoke.mutate(item.id);
                else onRotate();
                setConfirming(null);
              }}
            >
              {confirming === 'revoke' ? 'Yes, revoke' : 'Yes, rotate'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" disabled={rotating} onClick={() => setConfirming('rotate')}>
            {rotating ? 'Rotating…' : 'Rotate'}
            <span className="visually-hidden"> {item.name}</span>
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming('revoke')}>
            Revoke<span className="visually-hidden"> {item.name}</span>
          </button>
        </div>
      )}
      {revoke.isError ? (
        <p className="alert" role="alert">
          Not revoked: {toUserMessage(revoke.error)}
        </p>
      ) : null}
    </li>
  );
}
