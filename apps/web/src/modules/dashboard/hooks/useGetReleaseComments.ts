import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetReleaseCommentsDocument } from '../graphql/dashboard.operations';
import { dashboardKeys } from '../utils/dashboard-query-keys';

/** Comments for a unit, where the release allows them. */
export function useGetReleaseComments(releaseId: string | null, orgUnitId: string | null) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: dashboardKeys.comments(releaseId ?? '', orgUnitId ?? ''),
    queryFn: async ({ signal }) =>
      (await client.request(GetReleaseCommentsDocument, { releaseId: releaseId!, orgUnitId: orgUnitId! }, { signal }))
        .releaseComments,
    enabled: releaseId !== null && orgUnitId !== null,
    staleTime: 60_000,
  });
}
