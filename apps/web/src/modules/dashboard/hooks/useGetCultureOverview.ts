import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { cultureOverviewQuery } from '../utils/dashboard-queries';

/** Signals and KPIs of a unit on one month axis (default: the last 12 months). */
export function useGetCultureOverview(orgUnitId: string) {
  return useQuery(cultureOverviewQuery(useGraphQLClient(), orgUnitId));
}
