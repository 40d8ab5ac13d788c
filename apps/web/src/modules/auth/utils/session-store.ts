import type { SessionViewerFragment } from '../../../gql/graphql';

export type SessionViewer = SessionViewerFragment;

/** Why the person is on the sign-in page, so we can tell them. */
export type SignedOutReason = 'expired' | 'signed-out' | null;

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; viewer: SessionViewer }
  | { status: 'signed-out'; reason: SignedOutReason };

export interface SessionStore {
  getSnapshot(): SessionState;
  subscribe(listener: () => void): () => void;
  signedIn(viewer: SessionViewer): void;
  signedOut(reason: SignedOutReason): void;
}

/**
 * Who is signed in, as seen by React (via useSyncExternalStore) and by the GraphQL client
 * (which reports refreshed and ended sessions from outside React).
 */
export function createSessionStore(initial: SessionState = { status: 'restoring' }): SessionStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signedIn: (viewer) => set({ status: 'signed-in', viewer }),
    signedOut(reason) {
      // A session that was never established cannot "end": keep the message for real endings.
      const wasSignedIn = state.status === 'signed-in';
      set({ status: 'signed-out', reason: reason === 'expired' && !wasSignedIn ? null : reason });
    },
  };
}
