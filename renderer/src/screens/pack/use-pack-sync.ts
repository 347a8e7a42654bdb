import { useEffect, useRef } from 'react';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import { usePackStore } from './pack-store';

/**
 * Mounted once for the app: at start (and after a reconnect) asks the core for the session in
 * progress, so a reload or a crash resumes exactly where the packer was; follows the label's print job.
 */
export function usePackSync(): void {
  const epoch = useAppStore((s) => s.dataEpoch);
  useEffect(() => { void usePackStore.getState().resume(); }, [epoch]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // our own scans answer with the whole view; this catches changes made elsewhere (another window)
  useApiEvent('pack.changed', (p) => {
    if (usePackStore.getState().view?.sessionId !== p.sessionId) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void usePackStore.getState().refresh(), 250);
  });
  useApiEvent('print.jobChanged', (p) => void usePackStore.getState().labelChanged(p.jobId, p.status, p.message));
}
