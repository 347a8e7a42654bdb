import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract/sync-api';
import { api } from '../api/client';
import { useApiEvent } from '../hooks/use-api-event';
import { useAppStore } from './app-store';

type SyncState = { status: SyncStatus | null; refresh(): void };

let inFlight = false;
let queued = false;

/** The engine's status for the top bar and the Sync screen: refreshed on every sync event, at most a few times a second. */
export const useSyncStore = create<SyncState>()((set) => ({
  status: null,
  refresh() {
    if (inFlight) { queued = true; return; }
    inFlight = true;
    api.call('sync.status', {}).then(
      (status) => set({ status }),
      () => { /* the connection state in the top bar already says what is wrong */ },
    ).finally(() => {
      inFlight = false;
      if (queued) { queued = false; setTimeout(() => useSyncStore.getState().refresh(), 200); }
    });
  },
}));

/** Mounted once (in the app shell): keeps the status fresh while the app is open. */
export function useSyncStatusFeed(): void {
  const epoch = useAppStore((s) => s.dataEpoch);
  const connection = useAppStore((s) => s.connection);
  useApiEvent('sync.changed', () => useSyncStore.getState().refresh());
  useApiEvent('workspace.changed', () => useSyncStore.getState().refresh());
  useEffect(() => {
    if (connection !== 'open') return;
    useSyncStore.getState().refresh();
    // "last pull 3 s ago" must move even when nothing happens
    const timer = setInterval(() => useSyncStore.getState().refresh(), 5000);
    return () => clearInterval(timer);
  }, [epoch, connection]);
}
