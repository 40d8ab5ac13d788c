import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageStatus } from '../../shell/components/FullPageStatus';
import { LoadingState } from '../../shell/components/LoadingState';
import { useSession } from '../hooks/useSession';

/** Renders its children only for a signed-in person; otherwise sends them to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') {
    return (
      <FullPageStatus>
        <LoadingState label="Loading Pulsewise…" />
      </FullPageStatus>
    );
  }
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}
