import { formatClock, plural } from '../lib/format';
import { useAppStore } from '../stores/app-store';
import { useSyncStore } from '../stores/sync-store';
import '../screens/sync/sync.css';

/** "offline since 14:02 — 37 changes waiting": how the shops hear from this bench, always in view. */
export function SyncIndicator() {
  const status = useSyncStore((s) => s.status);
  const connection = useAppStore((s) => s.connection);
  const go = useAppStore((s) => s.go);
  const live = status?.channels.filter((c) => c.state !== 'not_connected') ?? [];
  if (!status || live.length === 0) return null;
  const waiting = status.waiting ? ` — ${plural(status.waiting, 'change', 'changes')} waiting` : '';
  const paused = live.some((c) => c.state === 'paused');
  let tone = 'ok';
  let words = status.waiting ? `Sending${waiting}` : 'Shops in sync';
  if (status.offlineSince) { tone = 'offline'; words = `Offline since ${formatClock(status.offlineSince)}${waiting}`; }
  else if (paused || status.failed) { tone = 'problem'; words = `Sync needs attention${waiting}`; }
  else if (status.stranded) { tone = 'problem'; words = `${plural(status.stranded, 'change waits', 'changes wait')} for a shop not connected`; }
  if (status.conflicts) words += ` · ${plural(status.conflicts, 'order', 'orders')} to check`;
  // what the station last said: with the station not answering, "in sync" would be a guess
  if (connection !== 'open') { tone = 'unknown'; words = 'Shops: unknown until the station answers'; }
  return (
    <button type="button" className={`sync-indicator sync-${tone}`} onClick={() => go('sync')} data-testid="sync-indicator" aria-live="polite" title="Open the Sync screen">
      <span className="sync-dot" aria-hidden="true" />
      {words}
    </button>
  );
}
