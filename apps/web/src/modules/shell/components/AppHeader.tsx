import { useGetViewer } from '../../auth/hooks/useGetViewer';
import { useSignOut } from '../../auth/hooks/useSignOut';
import { toUserMessage } from '../../../lib/api-error';
import { describeRoles } from '../utils/navigation';

export function AppHeader() {
  const viewer = useGetViewer();
  const signOut = useSignOut();

  return (
    <header className="app-header">
      <div className="app-header__org">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Pulsewise
        </span>
        {viewer.data ? (
          <span className="app-header__tenant">{viewer.data.tenant.name}</span>
        ) : viewer.isPending ? (
          <span className="app-header__tenant app-header__tenant--pending" role="status">
            Loading your organisation…
          </span>
        ) : null}
      </div>

      <div className="app-header__person">
        {viewer.data ? (
          <p className="person">
            <span className="visually-hidden">Signed in as </span>
            <span className="person__name">{viewer.data.displayName}</span>
            <span className="person__roles">{describeRoles(viewer.data.roles)}</span>
          </p>
        ) : viewer.isError ? (
          <p className="person person--error" role="alert">
            {toUserMessage(viewer.error)}{' '}
            <button type="button" className="link-button" onClick={() => void viewer.refetch()}>
              Try again
            </button>
          </p>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      {signOut.isError ? (
        <p className="app-header__alert" role="alert">
          You are still signed in: {toUserMessage(signOut.error)}
        </p>
      ) : null}
    </header>
  );
}
