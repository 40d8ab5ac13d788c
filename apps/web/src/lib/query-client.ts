import { QueryClient } from '@tanstack/react-query';
import { type ApiErrorCode, isApiError } from './api-error';

/** Failures worth retrying automatically: the request may well succeed a moment later. */
const TRANSIENT: ReadonlySet<ApiErrorCode> = new Set(['NETWORK_ERROR', 'TIMEOUT', 'SERVICE_UNAVAILABLE']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => isApiError(error) && TRANSIENT.has(error.code) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
