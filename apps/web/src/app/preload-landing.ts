import { navItemsFor } from '../modules/shell/utils/navigation';
import type { AppServices } from './app-services';

const DASHBOARDS = ['/dashboard', '/teams'];

/**
 * Most people open Pulsewise on their dashboard. Instead of restoring the session, then
 * downloading the page, then asking for its data — one after the other — fetch the page's
 * code while the session is restored, and start its first queries as soon as it is.
 */
export function preloadLandingPage(services: AppServices, restored: Promise<void>, location: Pick<Location, 'pathname' | 'search'>): void {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path !== '/' && !DASHBOARDS.includes(path)) return;
  // A failed download here costs nothing: the page loads its code itself and explains failures.
  const loadCode = () => {
    void import('../modules/dashboard/components/DashboardPage').catch(() => null);
    return import('../modules/dashboard/prefetch').catch(() => null);
  };
  const code = path === '/' ? null : loadCode();
  void restored.then(async () => {
    const session = services.session.getSnapshot();
    if (session.status !== 'signed-in') return;
    // "/" leads to the first page of the person's navigation; only dashboards are prefetched.
    const allowed = navItemsFor(session.viewer.roles).map((item) => item.path);
    const target = path === '/' ? allowed[0] : path;
    if (!target || !DASHBOARDS.includes(target) || !allowed.includes(target)) return;
    const loaded = await (code ?? loadCode());
    await loaded?.prefetchDashboard(services.client, services.queryClient, new URLSearchParams(location.search)).catch(() => undefined);
  });
}
