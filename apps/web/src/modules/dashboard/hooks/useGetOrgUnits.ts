import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { orgUnitsQuery } from '../utils/dashboard-queries';

/** Org units in tree order (managers: their own subtree). */
export function useGetOrgUnits() {
  return useQuery(orgUnitsQuery(useGraphQLClient()));
}
