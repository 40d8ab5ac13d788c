import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, type SessionViewer } from './session-store';

const viewer: SessionViewer = {
  personId: 'p1',
  email: 'ada@acme.test',
  displayName: 'Ada',
  roles: ['EMPLOYEE'],
  tenant: { id: 't1', name: 'Acme Robotics', slug: 'acme-robotics', status: 'ACTIVE' },
};

describe('session store', () => {
  it('notifies subscribers on change', () => {
    const store = createSessionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.signedIn(viewer);
    expect(store.getSnapshot()).toEqual({ status: 'signed-in', viewer });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('only says "your session ended" when there was a session', () => {
    const store = createSessionStore();
    store.signedOut('expired');
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: null });
    store.signedIn(viewer);
    store.signedOut('expired');
    expect(store.getSnapshot()).toEqual({ status: 'signed-out', reason: 'expired' });
  });
});
