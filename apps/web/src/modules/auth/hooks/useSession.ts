import { useContext, useSyncExternalStore } from 'react';
import { SessionStoreContext } from '../utils/session-context';
import type { SessionState, SessionStore } from '../utils/session-store';

export function useSessionStore(): SessionStore {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSessionStore must be used inside <SessionStoreContext>');
  return store;
}

export function useSession(): SessionState {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
