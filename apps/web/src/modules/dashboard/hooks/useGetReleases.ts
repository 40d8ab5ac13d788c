import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { releasesQuery } from '../utils/dashboard-queries';

/** Audited releases, newest period first. */
export function useGetReleases() {
  return useQuery(releasesQuery(useGraphQLClient()));
}
