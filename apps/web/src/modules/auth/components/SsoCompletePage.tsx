import { Navigate, useSearchParams } from 'react-router-dom';
import { FullPageStatus } from '../../shell/components/FullPageStatus';
import { LoadingState } from '../../shell/components/LoadingState';
import { homePathFor, safeReturnPath } from '../../shell/utils/navigation';
import { useSession } from '../hooks/useSession';

/**
 * Where the API sends the browser after single sign-on. The refresh cookie is already
 * set, so the app's usual session restore signs the person in; then they go on to
 * where they were heading (a past pulse link, My success) or their home page.
 */
export default function SsoCompletePage() {
  const session = useSession();
  const [params] = useSearchParams();
  if (session.status === 'restoring') {
    return (
      <FullPageStatus>
        <LoadingState label="Signing you in…" />
      </FullPageStatus>
    );
  }
  if (session.status === 'signed-out') return <Navigate to="/sign-in?sso_error=SESSION_MISSING" replace />;
  const to = safeReturnPath(params.get('returnTo'));
  return <Navigate to={to && to !== '/' ? to : (homePathFor(session.viewer.roles) ?? '/')} replace />;
}
