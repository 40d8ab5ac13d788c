import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DefineImportedSignalInput, SetSignalHealthyBandInput } from '../../../gql/graphql';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import { dashboardKeys } from '../../dashboard/utils/dashboard-query-keys';
import {
  CreateSignalImportKeyDocument,
  DefineImportedSignalDocument,
  GetSignalImportKeysDocument,
  GetSignalsDocument,
  ImportSignalObservationsDocument,
  RepublishSignalObservationsDocument,
  RevokeSignalImportKeyDocument,
  SetSignalHealthyBandDocument,
} from '../graphql/signals.operations';
import { adminKeys } from '../utils/admin-query-keys';

/** The signal catalogue: built-in first, then the organisation's own imported signals. */
export function useGetSignals() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.signals(),
    queryFn: async ({ signal }) => (await client.request(GetSignalsDocument, {}, { signal })).signals,
  });
}

function useInvalidateSignals() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.signals() });
    // The dashboard's culture panels read bands and published months.
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  };
}

export function useSetSignalHealthyBand() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateSignals();
  return useMutation({
    mutationFn: async (input: SetSignalHealthyBandInput) => (await client.request(SetSignalHealthyBandDocument, { input })).setSignalHealthyBand,
    onSuccess: invalidate,
  });
}

export function useDefineImportedSignal() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateSignals();
  return useMutation({
    mutationFn: async (input: DefineImportedSignalInput) => (await client.request(DefineImportedSignalDocument, { input })).defineImportedSignal,
    onSuccess: invalidate,
  });
}

/** Nothing is written when any row is invalid. */
export function useImportSignalObservations() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateSignals();
  return useMutation({
    mutationFn: async (csv: string) => (await client.request(ImportSignalObservationsDocument, { csv })).importSignalObservations,
    onSuccess: (result) => {
      if (result.ok) invalidate();
    },
  });
}

export function useRepublishSignalObservations() {
  const client = useGraphQLClient();
  const invalidate = useInvalidateSignals();
  return useMutation({
    mutationFn: async () => (await client.request(RepublishSignalObservationsDocument, {})).republishSignalObservations,
    onSuccess: invalidate,
  });
}

export function useGetSignalImportKeys() {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: adminKeys.importKeys(),
    queryFn: async ({ signal }) => (await client.request(GetSignalImportKeysDocument, {}, { signal })).signalImportKeys,
  });
}

export function useCreateSignalImportKey() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await client.request(CreateSignalImportKeyDocument, { name })).createSignalImportKey,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.importKeys() }),
  });
}

export function useRevokeSignalImportKey() {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await client.request(RevokeSignalImportKeyDocument, { id })).revokeSignalImportKey,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.importKeys() }),
  });
}
