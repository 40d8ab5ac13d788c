import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTenantInput, InviteTenantAdminInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import {
  CreateTenantDocument,
  GetTenantsDocument,
  InviteTenantAdminDocument,
  ReactivateTenantDocument,
  SuspendTenantDocument,
} from '../graphql/platform.operations';
import { platformKeys } from '../utils/platform-query-keys';

export function useGetTenants() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: platformKeys.tenants(),
    queryFn: async ({ signal }) => (await client.request(GetTenantsDocument, {}, { signal })).tenants,
  });
}

export function useCreateTenant() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateTenantInput) => (await client.request(CreateTenantDocument, { input })).createTenant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.tenants() }),
  });
}

export function useSuspendTenant() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(SuspendTenantDocument, { id })).suspendTenant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.tenants() }),
  });
}

export function useReactivateTenant() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(ReactivateTenantDocument, { id })).reactivateTenant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.tenants() }),
  });
}

export function useInviteTenantAdmin() {
  const client = useGraphQLClient();
  return useMutation({
    mutationFn: async (input: InviteTenantAdminInput) =>
      (await client.request(InviteTenantAdminDocument, { input })).inviteTenantAdmin,
  });
}
