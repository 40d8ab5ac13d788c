import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { dashboardKeys } from '../../dashboard/utils/dashboard-query-keys';
import { GetPeopleDocument, ImportDirectoryDocument } from '../graphql/admin.operations';
import { adminKeys } from '../utils/admin-query-keys';

/** Imports a directory CSV; nothing is written when any row is invalid. */
export function useImportDirectory() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => (await client.request(ImportDirectoryDocument, { csv })).importDirectory,
    onSuccess: (result) => {
      if (!result.ok) return;
      void queryClient.invalidateQueries({ queryKey: adminKeys.peopleAll() });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.orgUnits() });
    },
  });
}

export const PEOPLE_PAGE_SIZE = 25;

/** One page of the directory (by email), optionally searched or limited to a unit. */
export function useGetPeople(search: string, orgUnitId: string | null, after: string | null) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.people(search, orgUnitId, after),
    queryFn: async ({ signal }) =>
      (
        await client.request(
          GetPeopleDocument,
          { first: PEOPLE_PAGE_SIZE, after, search: search || null, orgUnitId },
          { signal },
        )
      ).people,
    placeholderData: keepPreviousData,
  });
}
