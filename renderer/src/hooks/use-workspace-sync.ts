import { useEffect } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../stores/app-store';
import { useOrdersStore } from '../stores/orders-store';
import { useApiEvent } from './use-api-event';

/** Keeps the workspace badge and counts true: at start, after a reconnect, and when the workspace is replaced. */
export function useWorkspaceSync(): void {
  const epoch = useAppStore((s) => s.dataEpoch);
  useEffect(() => {
    let live = true;
    api.call('workspace.info', {}).then(
      (info) => { if (live) useAppStore.getState().setWorkspace(info); },
      (e: unknown) => { if (live) useAppStore.getState().showError(e); },
    );
    return () => { live = false; };
  }, [epoch]);
  useApiEvent('workspace.changed', () => {
    // replaced from another window: an open order id would now point at a different order
    useOrdersStore.getState().close();
    useOrdersStore.getState().select(0);
    useAppStore.getState().bumpEpoch();
  });
}
