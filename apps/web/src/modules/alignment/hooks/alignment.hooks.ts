import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useGraphQLClient } from '../../../lib/graphql-client-context';
import {
  GetMyReportsSuccessAlignmentDocument,
  GetMySuccessAlignmentDocument,
  SaveMySuccessStatementsDocument,
  SaveReportSuccessStatementsDocument,
  ShareMySuccessStatementsDocument,
} from '../graphql/alignment.operations';
import { alignmentKeys } from '../utils/alignment-query-keys';

/** My own statements for a quarter, next to what my manager wrote for me. */
export function useGetMySuccessAlignment(quarter: string) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: alignmentKeys.mine(quarter),
    queryFn: async ({ signal }) =>
      (await client.request(GetMySuccessAlignmentDocument, { quarter }, { signal })).mySuccessAlignment,
  });
}

export function useSaveMySuccessStatements(quarter: string) {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (statements: string[]) =>
      (await client.request(SaveMySuccessStatementsDocument, { input: { quarter, statements } })).saveMySuccessStatements,
    onSuccess: (data) => {
      queryClient.setQueryData(alignmentKeys.mine(quarter), data);
      void queryClient.invalidateQueries({ queryKey: alignmentKeys.mine(quarter) });
    },
  });
}

export function useShareMySuccessStatements(quarter: string) {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (shared: boolean) =>
      (await client.request(ShareMySuccessStatementsDocument, { input: { quarter, shared } })).shareMySuccessStatements,
    onSuccess: (data) => {
      queryClient.setQueryData(alignmentKeys.mine(quarter), data);
      void queryClient.invalidateQueries({ queryKey: alignmentKeys.mine(quarter) });
    },
  });
}

/** Managers: each direct report, what I wrote for them and what they shared with me. */
export function useGetMyReportsSuccessAlignment(quarter: string) {
  const client = useGraphQLClient();
  return useQuery({
    queryKey: alignmentKeys.reports(quarter),
    queryFn: async ({ signal }) =>
      (await client.request(GetMyReportsSuccessAlignmentDocument, { quarter }, { signal })).myReportsSuccessAlignment,
  });
}

export function useSaveReportSuccessStatements(quarter: string) {
  const client = useGraphQLClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ personId, statements }: { personId: string; statements: string[] }) =>
      (await client.request(SaveReportSuccessStatementsDocument, { input: { personId, quarter, statements } })).saveReportSuccessStatements,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alignmentKeys.reports(quarter) }),
  });
}
