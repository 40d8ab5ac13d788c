import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetReleaseResultsDocument } from '../graphql/dashboard.operations';
import { dashboardKeys } from '../utils/dashboard-query-keys';

/** The heatmap of one release for a unit and its children, optionally cut by one dimension. */
export function useGetReleaseResults(releaseId: string | null, orgUnitId: string | null, dimension: string | null) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: dashboardKeys.results(releaseId ?? '', orgUnitId, dimension),
    queryFn: async ({ signal }) =>
      (await client.request(GetReleaseResultsDocument, { releaseId: releaseId!, orgUnitId, dimension }, { signal }))
        .releaseResults,
    enabled: releaseId !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
