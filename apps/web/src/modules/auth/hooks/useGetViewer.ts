import { useQuery } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetViewerDocument } from '../graphql/auth.operations';
import { authKeys } from '../utils/auth-query-keys';

/** The signed-in person and their organisation. Seeded by sign-in and refresh. */
export function useGetViewer() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: authKeys.viewer(),
    queryFn: async ({ signal }) => (await client.request(GetViewerDocument, {}, { signal })).viewer,
    staleTime: 5 * 60_000,
  });
}
