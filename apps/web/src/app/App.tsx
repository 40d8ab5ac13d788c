import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireRole } from '../modules/auth/components/RequireRole';
import { RequireSession } from '../modules/auth/components/RequireSession';
import { SignInPage } from '../modules/auth/components/SignInPage';
import { useSession } from '../modules/auth/hooks/useSession';
import { AppShell } from '../modules/shell/components/AppShell';
import { NothingForRolePage } from '../modules/shell/components/NothingForRolePage';
import { homePathFor, NAV_ITEMS } from '../modules/shell/utils/navigation';

// Every page behind sign-in is its own chunk, so heavy page code (charts) never lands in the
// first download. Add real pages the same way: lazy(() => import('../modules/<domain>/components/XPage')).
const PlaceholderPage = lazy(() => import('../modules/shell/components/PlaceholderPage'));
const NotFoundPage = lazy(() => import('../modules/shell/components/NotFoundPage'));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
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
            path={item.path}
            element={
              <RequireRole roles={item.roles}>
                <PlaceholderPage page={item.key} />
              </RequireRole>
            }
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
