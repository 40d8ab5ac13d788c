import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PulseAnswerInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { SubmitPulseDocument } from '../graphql/pulse.operations';
import { pulseKeys } from '../utils/pulse-query-keys';

export function useSubmitPulse(token: string) {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answers: PulseAnswerInput[]) =>
      (await client.request(SubmitPulseDocument, { token, answers }, { auth: false })).submitPulse,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pulseKeys.form(token), refetchType: 'none' }),
  });
}
