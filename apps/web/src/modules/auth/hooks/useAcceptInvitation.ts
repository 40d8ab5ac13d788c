import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { AcceptInvitationDocument } from '../graphql/auth.operations';
import { authKeys } from '../utils/auth-query-keys';
import { useSessionStore } from './useSession';

/** Sets a password from a single-use invitation link, then signs the person in. */
export function useAcceptInvitation() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  const session = useSessionStore();
  return useMutation({
    mutationFn: async (input: AcceptInvitationInput) =>
      (await client.request(AcceptInvitationDocument, { input }, { auth: false })).acceptInvitation,
    onSuccess: ({ accessToken, viewer }) => {
      queryClient.clear();
      client.setAccessToken(accessToken);
      queryClient.setQueryData(authKeys.viewer(), viewer);
      session.signedIn(viewer);
    },
  });
}
