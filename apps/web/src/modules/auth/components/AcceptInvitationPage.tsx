import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { toUserMessage } from '../../../lib/api-error';
import { usePageTitle } from '../../shell/hooks/usePageTitle';
import { homePathFor } from '../../shell/utils/navigation';
import { tokenFromHash } from '../../pulse/utils/pulse-form';
import { useAcceptInvitation } from '../hooks/useAcceptInvitation';
import { MIN_PASSWORD_LENGTH, newPasswordProblem } from '../utils/password-rules';

/** Opened from an invitation email (`/invitation#token=…`): choose a password and sign in. */
export default function AcceptInvitationPage() {
  usePageTitle('Set your password');
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const accept = useAcceptInvitation();
  const id = useId();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof newPasswordProblem>>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (accept.isError) alertRef.current?.focus();
  }, [accept.isError, accept.failureCount]);

  if (accept.isSuccess) {
    return <Navigate to={homePathFor(accept.data.viewer.roles) ?? '/'} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation);
    setProblem(found);
    if (found || !token) return;
    accept.mutate({ token, password });
  };

  return (
    <div className="sign-in">
      <main className="sign-in__panel" id="main">
        <p className="brand" aria-hidden="true">
          <span className="brand__mark" />
          Pulsewise
        </p>
        <h1 className="sign-in__title">Set your password</h1>
        {!token ? (
          <div className="alert" role="alert">
            This invitation link is incomplete. Open the link from your invitation email again, or ask your administrator for
            a new one.
          </div>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate>
            <p>You were invited to Pulsewise. Choose a password to finish setting up your account.</p>
            {accept.isError ? (
              <div className="alert" role="alert" tabIndex={-1} ref={alertRef}>
                {toUserMessage(accept.error)}
              </div>
            ) : null}
            <div className="field">
              <label className="field__label" htmlFor={`${id}-password`}>
                New password
              </label>
              <p className="field__hint" id={`${id}-password-hint`}>
                At least {MIN_PASSWORD_LENGTH} characters.
              </p>
              <input
                id={`${id}-password`}
                type="password"
                autoComplete="new-password"
                className="field__input"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={problem?.field === 'password' ? true : undefined}
                aria-describedby={`${id}-password-hint${problem?.field === 'password' ? ` ${id}-password-error` : ''}`}
              />
              {problem?.field === 'password' ? (
                <p className="field__error" id={`${id}-password-error`}>
                  {problem.message}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-confirmation`}>
                The same password again
              </label>
              <input
                id={`${id}-confirmation`}
                type="password"
                autoComplete="new-password"
                className="field__input"
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
                aria-invalid={problem?.field === 'confirmation' ? true : undefined}
                aria-describedby={problem?.field === 'confirmation' ? `${id}-confirmation-error` : undefined}
              />
              {problem?.field === 'confirmation' ? (
                <p className="field__error" id={`${id}-confirmation-error`}>
                  {problem.message}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>
              {accept.isPending ? 'Setting your password…' : 'Set password and sign in'}
            </button>
          </form>
        )}
        <p className="sign-in__help">
          Already set a password? <Link to="/sign-in">Sign in</Link>
        </p>
      </main>
    </div>
  );
}
