import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoConfigurationInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import {
  CreateScimTokenDocument,
  DeleteSsoConfigurationDocument,
  GetScimTokensDocument,
  GetSsoSettingsDocument,
  RevokeScimTokenDocument,
  RotateScimTokenDocument,
  SaveSsoConfigurationDocument,
} from '../graphql/identity.operations';
import { adminKeys } from '../utils/admin-query-keys';

export function useGetSsoSettings() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.ssoConfiguration(),
    queryFn: async ({ signal }) => (await client.request(GetSsoSettingsDocument, {}, { signal })).ssoSettings,
  });
}

export function useSaveSsoConfiguration() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SsoConfigurationInput) => (await client.request(SaveSsoConfigurationDocument, { input })).saveSsoConfiguration,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.ssoConfiguration() }),
  });
}

export function useDeleteSsoConfiguration() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await client.request(DeleteSsoConfigurationDocument, {})).deleteSsoConfiguration,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.ssoConfiguration() }),
  });
}

export function useGetScimTokens() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.scimTokens(),
    queryFn: async ({ signal }) => (await client.request(GetScimTokensDocument, {}, { signal })).scimTokens,
  });
}

export function useCreateScimToken() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await client.request(CreateScimTokenDocument, { name })).createScimToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.scimTokens() }),
  });
}

export function useRotateScimToken() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(RotateScimTokenDocument, { id })).rotateScimToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.scimTokens() }),
  });
}

export function useRevokeScimToken() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(RevokeScimTokenDocument, { id })).revokeScimToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.scimTokens() }),
  });
}
