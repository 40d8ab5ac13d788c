import { useQuery } from '@tanstack/react-query';
import { hasErrorCode } from '../../../lib/api-error';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { GetPulseDocument } from '../graphql/pulse.operations';
import { pulseKeys } from '../utils/pulse-query-keys';

/** The questions behind an answer link. The link is the credential: no sign-in, no refresh. */
export function useGetPulse(token: string | null) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: pulseKeys.form(token ?? ''),
    queryFn: async ({ signal }) => (await client.request(GetPulseDocument, { token: token! }, { signal, auth: false })).pulse,
    enabled: token !== null,
    retry: (count, error) => !hasErrorCode(error, 'NOT_FOUND') && count < 2,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
