import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { FullPageStatus } from '../../shell/components/FullPageStatus';
import { LoadingState } from '../../shell/components/LoadingState';
import { usePageTitle } from '../../shell/hooks/usePageTitle';
import { homePathFor, safeReturnPath } from '../../shell/utils/navigation';
import { useSession } from '../hooks/useSession';
import { useSignIn } from '../hooks/useSignIn';
import { describeSignInError, type OrganizationChoice } from '../utils/sign-in-error';
import { ssoErrorMessage } from '../utils/sso';
import { SsoSignIn } from './SsoSignIn';

interface FieldErrors {
  email?: string;
  password?: string;
  organization?: string;
}

export function SignInPage() {
  usePageTitle('Sign in');
  const session = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const signIn = useSignIn();
  const id = useId();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [askOrganization, setAskOrganization] = useState(false);
  const [organizations, setOrganizations] = useState<OrganizationChoice[]>([]);
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Set when the API says this organisation signs in through its identity provider.
  const [ssoOrganization, setSsoOrganization] = useState<string | null>(null);
  // Each failed attempt moves focus: to the new organisation field, or to the message.
  const [focusRequest, setFocusRequest] = useState<{ target: 'alert' | 'organization'; seq: number } | null>(null);

  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const organizationRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    (focusRequest.target === 'organization' ? organizationRef : errorRef).current?.focus();
  }, [focusRequest]);

  if (session.status === 'restoring') {
    return (
      <FullPageStatus>
        <LoadingState label="Loading Pulsewise…" />
      </FullPageStatus>
    );
  }
  if (session.status === 'signed-in') {
    const from = safeReturnPath((location.state as { from?: unknown } | null)?.from);
    return <Navigate to={from ?? homePathFor(session.viewer.roles) ?? '/'} replace />;
  }

  const returnTo = safeReturnPath((location.state as { from?: unknown } | null)?.from);
  const ssoError = ssoErrorMessage(searchParams.get('sso_error'));
  const notice =
    session.reason === 'expired'
      ? 'Your session ended. Please sign in again.'
      : session.reason === 'signed-out'
        ? 'You have signed out.'
        : null;

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = 'Enter your email address.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.email = 'Enter an email address like name@example.com.';
    if (!password) errors.password = 'Enter your password.';
    if (askOrganization && !organization.trim()) {
      errors.organization = organizations.length > 0 ? 'Choose an organisation.' : 'Enter your organisation.';
    }
    return errors;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors = validate();
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    if (errors.organization) return organizationRef.current?.focus();

    signIn.mutate(
      {
        email: email.trim(),
        password,
        ...(askOrganization ? { organization: organization.trim() } : {}),
      },
      {
        onError: (error) => {
          const view = describeSignInError(error, askOrganization);
          setFormError(view.message);
          if (view.ssoOrganization) setSsoOrganization(view.ssoOrganization);
          const firstAskForOrganization = view.needsOrganization && !askOrganization;
          if (view.needsOrganization) {
            setAskOrganization(true);
            if (view.organizations.length > 0) setOrganizations(view.organizations);
          }
          setFocusRequest((previous) => ({
            target: firstAskForOrganization ? 'organization' : 'alert',
            seq: (previous?.seq ?? 0) + 1,
          }));
        },
      },
    );
  }

  const describedBy = (field: keyof FieldErrors, hint?: string) =>
    [hint, fieldErrors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div className="sign-in">
      <main className="sign-in__panel" id="main">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          Pulsewise
        </p>
        <h1 className="sign-in__title">Sign in</h1>

        {ssoError && !formError ? (
          <div className="alert" role="alert">
            {ssoError}
          </div>
        ) : null}

        {notice && !formError && !ssoError ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}

        {formError ? (
          <div className="alert" role="alert" tabIndex={-1} ref={errorRef}>
            {formError}
          </div>
        ) : null}

        <form className="form" onSubmit={onSubmit} noValidate aria-busy={signIn.isPending}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-email`}>
              Email address
            </label>
            <input
              ref={emailRef}
              id={`${id}-email`}
              className="field__input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                // A different email may belong to different organisations: ask again if needed.
                if (askOrganization) {
                  setAskOrganization(false);
                  setOrganizations([]);
                  setOrganization('');
                }
              }}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={describedBy('email')}
            />
            {fieldErrors.email ? (
              <p className="field__error" id={`${id}-email-error`}>
                {fieldErrors.email}
              </p>
            ) : null}
          </div>

          <div className="field">
            <label className="field__label" htmlFor={`${id}-password`}>
              Password
            </label>
            <div className="field__row">
              <input
                ref={passwordRef}
                id={`${id}-password`}
                className="field__input"
                type={showPassword ? 'text' : 'password'}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={describedBy('password')}
              />
              <button
                type="button"
                className="button button--secondary button--small field__toggle"
                aria-pressed={showPassword}
                aria-controls={`${id}-password`}
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? 'Hide' : 'Show'}
                <span className="visually-hidden"> password</span>
              </button>
            </div>
            {fieldErrors.password ? (
              <p className="field__error" id={`${id}-password-error`}>
                {fieldErrors.password}
              </p>
            ) : null}
          </div>

          {askOrganization && organizations.length > 0 ? (
            <fieldset
              className="field field--choices"
              aria-describedby={fieldErrors.organization ? `${id}-organization-error` : undefined}
            >
              <legend className="field__label">Organisation</legend>
              {organizations.map((choice, index) => (
                <label className="choice" key={choice.slug}>
                  <input
                    ref={index === 0 ? organizationRef : undefined}
                    type="radio"
                    name="organization"
                    value={choice.slug}
                    checked={organization === choice.slug}
                    onChange={() => setOrganization(choice.slug)}
                  />
                  <span>{choice.name}</span>
                </label>
              ))}
              {fieldErrors.organization ? (
                <p className="field__error" id={`${id}-organization-error`}>
                  {fieldErrors.organization}
                </p>
              ) : null}
            </fieldset>
          ) : askOrganization ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-organization`}>
                Organisation
              </label>
              <p className="field__hint" id={`${id}-organization-hint`}>
                Its short name, for example <span className="code">acme-robotics</span>. Your HR team can tell
                you if you’re not sure.
              </p>
              <input
                ref={organizationRef}
                id={`${id}-organization`}
                className="field__input"
                type="text"
                name="organization"
                autoComplete="organization"
                autoCapitalize="none"
                spellCheck={false}
                value={organization}
                onChange={(e) => setOrganization(e.target.value)}
                aria-invalid={fieldErrors.organization ? true : undefined}
                aria-describedby={describedBy('organization', `${id}-organization-hint`)}
              />
              {fieldErrors.organization ? (
                <p className="field__error" id={`${id}-organization-error`}>
                  {fieldErrors.organization}
                </p>
              ) : null}
            </div>
          ) : null}

          <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>

        <SsoSignIn returnTo={returnTo} open={ssoOrganization !== null || searchParams.get('sso') === '1'} {...(ssoOrganization ? { initialOrganization: ssoOrganization } : {})} />

        <p className="sign-in__help">
          Forgotten your password or can’t sign in? Ask your organisation’s Pulsewise admin.
        </p>
      </main>
    </div>
  );
}
