import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useSession';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { LoadingState } from './LoadingState';
import { MainNav } from './MainNav';

/** Header, navigation for the person's roles, and the current page. Only rendered when signed in. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();
  useFocusHeadingOnNavigation(location.pathname);
  const roles = session.status === 'signed-in' ? session.viewer.roles : [];

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader />
      <div className="app__body">
        <MainNav roles={roles} />
        <main id="main" className="app__main" tabIndex={-1}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<LoadingState label="Loading page…" />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** After client-side navigation, move focus to the new page's heading (not on first load). */
function useFocusHeadingOnNavigation(pathname: string) {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // The page may still be loading (lazy); try on the next frames until its heading exists.
    let attempts = 0;
    let frame = 0;
    const tryFocus = () => {
      const heading = document.querySelector<HTMLElement>('[data-page-heading]');
      if (heading) heading.focus();
      else if (attempts++ < 60) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
