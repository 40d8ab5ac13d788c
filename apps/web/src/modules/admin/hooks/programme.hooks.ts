import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateProgrammeInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import {
  CreatePulseProgrammeDocument,
  GetPulseProgrammesDocument,
  GetPulseRoundsDocument,
  GetQuestionsDocument,
  LaunchPulseRoundDocument,
  PausePulseProgrammeDocument,
  ResumePulseProgrammeDocument,
} from '../graphql/admin.operations';
import { adminKeys } from '../utils/admin-query-keys';

export function useGetPulseProgrammes() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.programmes(),
    queryFn: async ({ signal }) => (await client.request(GetPulseProgrammesDocument, {}, { signal })).pulseProgrammes,
  });
}

export function useGetPulseRounds(programmeId: string, options: { refetchInterval?: number | false } = {}) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.rounds(programmeId),
    queryFn: async ({ signal }) => (await client.request(GetPulseRoundsDocument, { programmeId }, { signal })).pulseRounds,
    refetchInterval: options.refetchInterval ?? false,
  });
}

export function useGetQuestions() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.questions(),
    queryFn: async ({ signal }) => (await client.request(GetQuestionsDocument, {}, { signal })).questions,
    staleTime: 5 * 60_000,
  });
}

export function useCreatePulseProgramme() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateProgrammeInput) =>
      (await client.request(CreatePulseProgrammeDocument, { input })).createPulseProgramme,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.programmes() }),
  });
}

export function usePausePulseProgramme() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(PausePulseProgrammeDocument, { id })).pausePulseProgramme,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.programmes() }),
  });
}

export function useResumePulseProgramme() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(ResumePulseProgrammeDocument, { id })).resumePulseProgramme,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.programmes() }),
  });
}

export function useLaunchPulseRound() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (programmeId: string) =>
      (await client.request(LaunchPulseRoundDocument, { programmeId })).launchPulseRound,
    onSuccess: (_ok, programmeId) => queryClient.invalidateQueries({ queryKey: adminKeys.rounds(programmeId) }),
  });
}
