import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from '../modules/auth/components/RequireRole';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { SignInPage } from '../modules/auth/components/SignInPage';
import { useSession } from '../modules/auth/hooks/useSession';
import { AppShell } from '../modules/shell/components/AppShell';
import { LoadingState } from '../modules/shell/components/LoadingState';
import { NothingForRolePage } from '../modules/shell/components/NothingForRolePage';
import { homePathFor, NAV_ITEMS, type PageKey } from '../modules/shell/utils/navigation';

// Every page behind sign-in is its own chunk, so heavy page code (charts) never lands in the
// first download. Add real pages the same way: lazy(() => import('../modules/<domain>/components/XPage')).
const PlaceholderPage = lazy(() => import('../modules/shell/components/PlaceholderPage'));
const NotFoundPage = lazy(() => import('../modules/shell/components/NotFoundPage'));
const DashboardPage = lazy(() => import('../modules/dashboard/components/DashboardPage'));
const AdminPage = lazy(() => import('../modules/admin/components/AdminPage'));
const MySuccessPage = lazy(() => import('../modules/alignment/components/MySuccessPage'));
const TenantsPage = lazy(() => import('../modules/platform/components/TenantsPage'));
const PulsePage = lazy(() => import('../modules/pulse/components/PulsePage'));
const AcceptInvitationPage = lazy(() => import('../modules/auth/components/AcceptInvitationPage'));
const SsoCompletePage = lazy(() => import('../modules/auth/components/SsoCompletePage'));

function pageFor(key: PageKey) {
  switch (key) {
    case 'dashboard':
      return <DashboardPage scope="organisation" />;
    case 'teams':
      return <DashboardPage scope="teams" />;
    case 'my-success':
      return <MySuccessPage />;
    case 'admin':
      return <AdminPage />;
    case 'tenants':
      return <TenantsPage />;
    default:
      return <PlaceholderPage page={key} />;
  }
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* Back from the identity provider: the refresh cookie is set; restore the session and go on. */}
      <Route
        path="/sso/complete"
        element={
          <Suspense fallback={<LoadingState label="Signing you in…" />}>
            <SsoCompletePage />
          </Suspense>
        }
      />
      {/* Opened from the pulse email: no sign-in, the link is the credential. */}
      <Route
        path="/invitation"
        element={
          <Suspense fallback={<LoadingState label="Loading…" />}>
            <AcceptInvitationPage />
          </Suspense>
        }
      />
      <Route
        path="/pulse"
        element={
          <Suspense fallback={<LoadingState label="Opening your pulse…" />}>
            <PulsePage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<HomeRedirect />} />
        {NAV_ITEMS.map((item) => (
          <Route
            key={item.key}
            path={`${item.path}/*`}
            element={<RequireRole roles={item.roles}>{pageFor(item.key)}</RequireRole>}
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function HomeRedirect() {
  const session = useSession();
  const home = session.status === 'signed-in' ? homePathFor(session.viewer.roles) : null;
  return home ? <Navigate to={home} replace /> : <NothingForRolePage />;
}
