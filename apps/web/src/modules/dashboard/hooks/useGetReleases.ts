import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetReleasesDocument } from '../graphql/dashboard.operations';
import { dashboardKeys } from '../utils/dashboard-query-keys';

/** Audited releases, newest period first. */
export function useGetReleases() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: dashboardKeys.releases(),
    queryFn: async ({ signal }) => (await client.request(GetReleasesDocument, { first: 24 }, { signal })).releases,
    staleTime: 60_000,
  });
}
