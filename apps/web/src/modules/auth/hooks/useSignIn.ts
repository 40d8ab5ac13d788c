import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { SignInDocument } from '../graphql/auth.operations';
import { authKeys } from '../utils/auth-query-keys';
import { useSessionStore } from './useSession';

export function useSignIn() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  const session = useSessionStore();
  return useMutation({
    mutationFn: async (input: SignInInput) =>
      (await client.request(SignInDocument, { input }, { auth: false })).signIn,
    onSuccess: ({ accessToken, viewer }) => {
      // Whatever a previous person left in the cache must not be seen by this one.
      queryClient.clear();
      client.setAccessToken(accessToken);
      queryClient.setQueryData(authKeys.viewer(), viewer);
      session.signedIn(viewer);
    },
  });
}
