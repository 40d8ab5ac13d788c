import { type FormEvent, useId, useState } from 'react';
import type { TenantFieldsFragment } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { PageHeading } from '../../shell/components/PageHeading';
import { useCreateTenant, useGetTenants, useInviteTenantAdmin, useReactivateTenant, useSuspendTenant } from '../hooks/tenant.hooks';
import { inviteProblems, slugify, tenantProblems } from '../utils/tenant-form';
import '../../admin/admin.css';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Platform administration: every customer organisation, create, suspend/reactivate, invite the first admin. */
export default function TenantsPage() {
  const tenants = useGetTenants();
  return (
    <article className="page">
      <PageHeading title="Tenants">Tenants</PageHeading>
      <div className="stack">
        <section className="card" aria-labelledby="tenants-title">
          <h2 id="tenants-title" className="card__title">
            Organisations
          </h2>
          {tenants.isPending ? (
            <LoadingState label="Loading organisations…" />
          ) : tenants.isError ? (
            <ErrorState error={tenants.error} title="Organisations couldn’t be loaded" onRetry={() => void tenants.refetch()} />
          ) : tenants.data.length === 0 ? (
            <p className="muted">No organisations yet.</p>
          ) : (
            <ul className="programmes">
              {tenants.data.map((tenant) => (
                <TenantItem key={tenant.id} tenant={tenant} />
              ))}
            </ul>
          )}
        </section>
        <CreateTenantForm />
      </div>
    </article>
  );
}

function TenantItem({ tenant }: { tenant: TenantFieldsFragment }) {
  const suspend = useSuspendTenant();
  const reactivate = useReactivateTenant();
  const [confirming, setConfirming] = useState(false);
  const [inviting, setInviting] = useState(false);
  const headingId = useId();
  const error = suspend.error ?? reactivate.error;
  return (
    <li className="programme" aria-labelledby={headingId}>
      <div className="programme__head">
        <h3 id={headingId} className="programme__name">
          {tenant.name}
        </h3>
        <span className={`status status--${tenant.status.toLowerCase()}`}>{tenant.status === 'ACTIVE' ? 'Active' : 'Suspended'}</span>
      </div>
      <p className="programme__meta">
        Sign-in name <code className="code">{tenant.slug}</code> · created {DATE.format(new Date(tenant.createdAt))}
      </p>
      {confirming ? (
        <div className="notice" role="group" aria-label={`Confirm suspending ${tenant.name}`}>
          <p>
            Suspend {tenant.name}? Nobody there can sign in until it is reactivated. Their data is kept.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={suspend.isPending}
              onClick={() => suspend.mutate(tenant.id, { onSuccess: () => setConfirming(false) })}
            >
              {suspend.isPending ? 'Suspending…' : `Yes, suspend ${tenant.name}`}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="programme__actions">
          {tenant.status === 'ACTIVE' ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
              Suspend
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={reactivate.isPending}
              onClick={() => reactivate.mutate(tenant.id)}
            >
              {reactivate.isPending ? 'Reactivating…' : 'Reactivate'}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={inviting}
            onClick={() => setInviting((v) => !v)}
          >
            Invite an admin
          </button>
        </div>
      )}
      {error ? (
        <p className="alert" role="alert">
          {toUserMessage(error)}
        </p>
      ) : null}
      {inviting ? <InviteAdminForm tenant={tenant} onClose={() => setInviting(false)} /> : null}
    </li>
  );
}

function InviteAdminForm({ tenant, onClose }: { tenant: TenantFieldsFragment; onClose: () => void }) {
  const invite = useInviteTenantAdmin();
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<ReturnType<typeof inviteProblems>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = inviteProblems(displayName, email);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      { tenantId: tenant.id, displayName: displayName.trim(), email: email.trim() },
      { onSuccess: () => setSentTo(email.trim()) },
    );
  };

  if (sentTo) {
    return (
      <div className="notice" role="status">
        <p>
          Invitation sent to {sentTo}. The email has a single-use link to set a password and sign in as {tenant.name}’s
          admin.
        </p>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Done
        </button>
      </div>
    );
  }

  return (
    <form className="form invite-form" onSubmit={onSubmit} noValidate aria-label={`Invite an admin for ${tenant.name}`}>
      <div className="field__pair">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Their name
          </label>
          <input
            id={`${id}-name`}
            className="field__input"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            aria-invalid={problems.displayName ? true : undefined}
            aria-describedby={problems.displayName ? `${id}-name-error` : undefined}
          />
          {problems.displayName ? (
            <p className="field__error" id={`${id}-name-error`}>
              {problems.displayName}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-email`}>
            Their email address
          </label>
          <input
            id={`${id}-email`}
            type="email"
            className="field__input"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={problems.email ? `${id}-email-error` : undefined}
          />
          {problems.email ? (
            <p className="field__error" id={`${id}-email-error`}>
              {problems.email}
            </p>
          ) : null}
        </div>
      </div>
      {invite.isError ? (
        <p className="alert" role="alert">
          Not sent: {toUserMessage(invite.error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={invite.isPending}>
          {invite.isPending ? 'Sending…' : 'Send invitation'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CreateTenantForm() {
  const create = useCreateTenant();
  const id = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [problems, setProblems] = useState<ReturnType<typeof tenantProblems>>({});
  const [created, setCreated] = useState<string | null>(null);
  const effectiveSlug = slug ?? slugify(name);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = tenantProblems(name, effectiveSlug);
    setProblems(found);
    setCreated(null);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { name: name.trim(), slug: effectiveSlug },
      {
        onSuccess: (tenant) => {
          setCreated(tenant.name);
          setName('');
          setSlug(null);
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Create an organisation
      </h2>
      <div className="field__pair">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="field__input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? `${id}-name-error` : undefined}
          />
          {problems.name ? (
            <p className="field__error" id={`${id}-name-error`}>
              {problems.name}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-slug`}>
            Sign-in name
          </label>
          <input
            id={`${id}-slug`}
            className="field__input"
            value={effectiveSlug}
            onChange={(e) => setSlug(e.target.value)}
            aria-invalid={problems.slug ? true : undefined}
            aria-describedby={`${id}-slug-hint${problems.slug ? ` ${id}-slug-error` : ''}`}
          />
          <p className="field__hint" id={`${id}-slug-hint`}>
            Used when an email belongs to several organisations.
          </p>
          {problems.slug ? (
            <p className="field__error" id={`${id}-slug-error`}>
              {problems.slug}
            </p>
          ) : null}
        </div>
      </div>
      {create.isError ? (
        <p className="alert" role="alert">
          Not created: {toUserMessage(create.error)}
        </p>
      ) : null}
      {created ? (
        <p className="notice" role="status">
          {created} was created. Invite its first admin from the list above.
        </p>
      ) : null}
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create organisation'}
        </button>
      </div>
    </form>
  );
}
