import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateKpiInput, RecordKpiObservationsInput, UpdateKpiInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { dashboardKeys } from '../../dashboard/utils/dashboard-query-keys';
import {
  CreateKpiDocument,
  DeleteKpiDocument,
  GetKpiObservationsDocument,
  GetKpisDocument,
  ImportKpiObservationsDocument,
  RecordKpiObservationsDocument,
  UpdateKpiDocument,
} from '../graphql/kpis.operations';
import { adminKeys } from '../utils/admin-query-keys';

/** The organisation's KPIs, in org-tree order of their owning unit (as the API returns them). */
export function useGetKpis() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.kpis(),
    queryFn: async ({ signal }) => (await client.request(GetKpisDocument, {}, { signal })).kpis,
  });
}

/** The last 12 months of one KPI, by month. */
export function useGetKpiObservations(kpiId: string) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.kpiObservations(kpiId),
    queryFn: async ({ signal }) => (await client.request(GetKpiObservationsDocument, { kpiId }, { signal })).kpiObservations,
  });
}

function useInvalidateKpis() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.kpis() });
    void queryClient.invalidateQueries({ queryKey: adminKeys.kpiObservationsAll() });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useCreateKpi() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateKpis();
  return useMutation({
    mutationFn: async (input: CreateKpiInput) => (await client.request(CreateKpiDocument, { input })).createKpi,
    onSuccess: invalidate,
  });
}

export function useUpdateKpi() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateKpis();
  return useMutation({
    mutationFn: async (input: UpdateKpiInput) => (await client.request(UpdateKpiDocument, { input })).updateKpi,
    onSuccess: invalidate,
  });
}

export function useDeleteKpi() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateKpis();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(DeleteKpiDocument, { id })).deleteKpi,
    onSuccess: invalidate,
  });
}

export function useRecordKpiObservations() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateKpis();
  return useMutation({
    mutationFn: async (input: RecordKpiObservationsInput) => (await client.request(RecordKpiObservationsDocument, { input })).recordKpiObservations,
    onSuccess: invalidate,
  });
}

/** Nothing is written when any row is invalid. */
export function useImportKpiObservations() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateKpis();
  return useMutation({
    mutationFn: async (csv: string) => (await client.request(ImportKpiObservationsDocument, { csv })).importKpiObservations,
    onSuccess: (result) => {
      if (result.ok) invalidate();
    },
  });
}
