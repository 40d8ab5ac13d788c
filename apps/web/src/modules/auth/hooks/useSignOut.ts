import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hasErrorCode } from '../../../lib/api-error';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { SignOutDocument } from '../graphql/auth.operations';
import { useSessionStore } from './useSession';

/**
 * Revokes the session on the server, then forgets everything locally. If the server cannot be
 * reached we stay signed in and say so: otherwise the refresh cookie would silently sign the
 * person back in on the next visit (think of a shared computer).
 */
export function useSignOut() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  const session = useSessionStore();
  const forget = () => {
    client.setAccessToken(null);
    queryClient.clear();
    session.signedOut('signed-out');
  };
  return useMutation({
    mutationFn: async () => (await client.request(SignOutDocument)).signOut,
    onSuccess: forget,
    onError: (error) => {
      if (hasErrorCode(error, 'UNAUTHENTICATED')) forget(); // already signed out on the server
    },
  });
}
