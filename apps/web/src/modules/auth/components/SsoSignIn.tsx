import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ssoStartUrl } from '../utils/sso';

/**
 * "Sign in with your organisation's SSO": asks for the organisation or email domain, then hands
 * over to the identity provider. Closed, it is a link to /sign-in?sso=1 (so the SSO path can be
 * linked to directly); the sign-in page decides when it is open.
 */
export function SsoSignIn({ returnTo, initialOrganization, open }: { returnTo: string | null; initialOrganization?: string; open: boolean }) {
  const id = useId();
  const location = useLocation();
  const [organization, setOrganization] = useState(initialOrganization ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (initialOrganization) setOrganization(initialOrganization);
  }, [initialOrganization]);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!organization.trim()) {
      setProblem('Enter your organisation’s short name or your work email domain.');
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    setLeaving(true);
    window.location.assign(ssoStartUrl(organization, returnTo));
  };

  if (!open) {
    return (
      <div className="sso">
        <p className="sso__divider" aria-hidden="true">
          or
        </p>
        <Link to={{ search: '?sso=1' }} state={location.state} replace className="button button--secondary button--block">
          Sign in with your organisation’s SSO
        </Link>
      </div>
    );
  }

  return (
    <section className="sso" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sso__title">
        Sign in with your organisation’s SSO
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={leaving}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-organization`}>
            Organisation or work email domain
          </label>
          <p className="field__hint" id={`${id}-hint`}>
            For example <span className="code">acme-robotics</span> or <span className="code">acme.example</span>.
          </p>
          <input
            ref={inputRef}
            id={`${id}-organization`}
            className="field__input"
            type="text"
            name="sso-organization"
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            value={organization}
            onChange={(e) => setOrganization(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[`${id}-hint`, problem ? `${id}-error` : ''].filter(Boolean).join(' ')}
          />
          {problem ? (
            <p className="field__error" id={`${id}-error`}>
              {problem}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary button--block" disabled={leaving}>
          {leaving ? 'Taking you to your identity provider…' : 'Continue with SSO'}
        </button>
      </form>
    </section>
  );
}
