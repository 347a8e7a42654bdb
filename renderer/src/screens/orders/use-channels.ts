import { useEffect, useState } from 'react';
import type { Channel } from '../../../../shared/contract/orders';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

/** The sales channels for the filter; re-read when the workspace is replaced. */
export function useChannels(): Channel[] {
  const epoch = useAppStore((s) => s.dataEpoch);
  const [channels, setChannels] = useState<Channel[]>([]);
  useEffect(() => {
    let live = true;
    api.call('channels.list', {}).then(
      (c) => { if (live) setChannels(c); },
      (e: unknown) => { if (live) useAppStore.getState().showError(e); },
    );
    return () => { live = false; };
  }, [epoch]);
  return channels;
}
