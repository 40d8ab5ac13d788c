import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetOrgUnitsDocument } from '../graphql/dashboard.operations';
import { dashboardKeys } from '../utils/dashboard-query-keys';

/** Org units in tree order (managers: their own subtree). */
export function useGetOrgUnits() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: dashboardKeys.orgUnits(),
    queryFn: async ({ signal }) => (await client.request(GetOrgUnitsDocument, {}, { signal })).orgUnits,
    staleTime: 5 * 60_000,
  });
}
