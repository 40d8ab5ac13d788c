import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateTenantPolicyInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { dashboardKeys } from '../../dashboard/utils/dashboard-query-keys';
import { GetTenantPolicyDocument, UpdateTenantPolicyDocument } from '../graphql/admin.operations';
import { adminKeys } from '../utils/admin-query-keys';

export function useGetTenantPolicy() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.policy(),
    queryFn: async ({ signal }) => (await client.request(GetTenantPolicyDocument, {}, { signal })).tenantPolicy,
  });
}

export function useUpdateTenantPolicy() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateTenantPolicyInput) =>
      (await client.request(UpdateTenantPolicyDocument, { input })).updateTenantPolicy,
    onSuccess: (policy) => {
      queryClient.setQueryData(adminKeys.policy(), policy);
      // A raised threshold changes what results show.
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}
