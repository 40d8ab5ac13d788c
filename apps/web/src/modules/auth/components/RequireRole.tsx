import type { ReactNode } from 'react';
import type { Role } from '../../../gql/graphql';
import { NoAccessPage } from '../../shell/components/NoAccessPage';
import { useSession } from '../hooks/useSession';

/** Hides pages a role has no business on. The API enforces the same rule on every request. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const allowed = session.status === 'signed-in' && session.viewer.roles.some((role) => roles.includes(role));
  return allowed ? <>{children}</> : <NoAccessPage />;
}
