import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetCultureOverviewDocument } from '../graphql/culture.operations';
import { dashboardKeys } from '../utils/dashboard-query-keys';

/** Signals and KPIs of a unit on one month axis (default: the last 12 months). */
export function useGetCultureOverview(orgUnitId: string) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: [...dashboardKeys.all, 'culture', orgUnitId] as const,
    queryFn: async ({ signal }) => (await client.request(GetCultureOverviewDocument, { orgUnitId }, { signal })).cultureOverview,
    staleTime: 5 * 60_000,
  });
}
