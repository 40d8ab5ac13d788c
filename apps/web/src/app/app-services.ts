import type { QueryClient } from '@tanstack/react-query';
import { createGraphQLClient, createMemoryTokenStore, type GraphQLClient } from '../lib/graphql-client';
import { createQueryClient } from '../lib/query-client';
import { RefreshSessionDocument } from '../modules/auth/graphql/auth.operations';
import { authKeys } from '../modules/auth/utils/auth-query-keys';
import { createSessionStore, type SessionStore } from '../modules/auth/utils/session-store';

export interface AppServices {
  client: GraphQLClient;
  queryClient: QueryClient;
  session: SessionStore;
  /** On page load: silently resume a session from the refresh cookie, if there is one. */
  restoreSession(): Promise<void>;
}

/** The composition root: one GraphQL client, one query cache, one session per browser tab. */
export function createAppServices(options: { fetch?: typeof fetch } = {}): AppServices {
  const queryClient = createQueryClient();
  const session = createSessionStore();
  const client = createGraphQLClient({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    tokens: createMemoryTokenStore(), // access token lives in memory only
    refreshSession: async (request) => {
      const { refreshSession } = await request(RefreshSessionDocument);
      queryClient.setQueryData(authKeys.viewer(), refreshSession.viewer);
      session.signedIn(refreshSession.viewer);
      return refreshSession.accessToken;
    },
    onSessionEnded: () => {
      queryClient.clear();
      session.signedOut('expired');
    },
  });

  return {
    client,
    queryClient,
    session,
    async restoreSession() {
      try {
        await client.refreshSession();
      } catch {
        // No cookie, an expired one, or the API is unreachable: start at the sign-in page.
        // (Signing in will surface a connection problem with a clear message.)
        session.signedOut(null);
      }
    },
  };
}
