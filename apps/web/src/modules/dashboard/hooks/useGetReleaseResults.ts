import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { releaseResultsQuery } from '../utils/dashboard-queries';

/** The heatmap of one release for a unit and its children, optionally cut by one dimension. */
export function useGetReleaseResults(releaseId: string | null, orgUnitId: string | null, dimension: string | null) {
  return useQuery(releaseResultsQuery(useGraphQLClient(), releaseId, orgUnitId, dimension));
}
