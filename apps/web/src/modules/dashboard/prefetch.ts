import type { QueryClient } from '@tanstack/react-query';
import type { GraphQLClient } from '../../lib/graphql-client';
import { cultureOverviewQuery, orgUnitsQuery, releaseResultsQuery, releasesQuery } from './utils/dashboard-queries';
import { defaultRelease } from './utils/heatmap-format';

/**
 * Starts the queries the dashboard opens with, for the unit, period and cut in the address,
 * as soon as the session is restored — while the page's own code is still downloading —
 * instead of one after the other once it has rendered. The page then finds them in the
 * query cache (same keys). Failures are left to the page, which retries and explains them.
 */
export async function prefetchDashboard(client: GraphQLClient, queryClient: QueryClient, params: URLSearchParams): Promise<void> {
  const [units, releases] = await Promise.all([queryClient.fetchQuery(orgUnitsQuery(client)), queryClient.fetchQuery(releasesQuery(client))]);
  const unitId = params.get('unit') ?? units[0]?.id ?? null;
  if (!unitId || !units.some((u) => u.id === unitId)) return;
  const release = defaultRelease(releases, params.get('release'));
  const requestedCut = params.get('cut');
  const cut = release && requestedCut && release.dimensions.includes(requestedCut) ? requestedCut : null;
  await Promise.all([
    release?.status === 'PUBLISHED' ? queryClient.prefetchQuery(releaseResultsQuery(client, release.id, unitId, cut)) : null,
    queryClient.prefetchQuery(cultureOverviewQuery(client, unitId)),
  ]);
}
