import { useState } from 'react';
import type { ChannelSyncStatus } from '../../../../shared/contract/sync-api';
import { api } from '../../api/client';
import { formatAgo, formatClock, formatTime, plural } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useSyncStore } from '../../stores/sync-store';
import './sync.css';

const STATE_WORDS: Record<ChannelSyncStatus['state'], string> = {
  online: 'Online', offline: 'Offline', paused: 'Stopped — needs you', not_connected: 'Not connected', starting: 'Connecting…',
};

function ChannelCard({ c }: { c: ChannelSyncStatus }) {
  const [busy, setBusy] = useState(false);
  const run = async (what: 'now' | 'retry') => {
    setBusy(true);
    try {
      await api.call(what === 'now' ? 'sync.now' : 'sync.retry', what === 'now' ? { channelId: c.channelId } : { channelId: c.channelId });
      useSyncStore.getState().refresh();
      useAppStore.getState().showInfo(what === 'now' ? `${c.name}: pulling orders and sending changes now.` : `${c.name}: refused changes will be sent again.`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  const connected = c.state !== 'not_connected';
  return (
    <li className={`sync-card sync-card-${c.state}`} data-testid="sync-channel" data-channel-id={c.channelId} data-state={c.state}>
      <div className="sync-card-head">
        <h2 className="sync-name">{c.name}</h2>
        <span className={`sync-state sync-state-${c.state}`} data-testid="sync-state">
          {c.state === 'offline' && c.offlineSince ? `Offline since ${formatClock(c.offlineSince)}` : STATE_WORDS[c.state]}
        </span>
      </div>
      <dl className="facts sync-facts">
        <div><dt>Last pull</dt><dd data-testid="sync-last-pull">{formatAgo(c.lastPullAt)}</dd></div>
        <div><dt>Last push</dt><dd data-testid="sync-last-push">{formatAgo(c.lastPushAt)}</dd></div>
        <div><dt>Changes waiting</dt><dd data-testid="sync-waiting">{c.waiting.toLocaleString()}</dd></div>
        <div><dt>Oldest waiting change</dt><dd data-testid="sync-oldest">{c.oldestWaitingAt ? formatTime(c.oldestWaitingAt) : '—'}</dd></div>
        <div><dt>Refused by the shop</dt><dd data-testid="sync-failed" className={c.failed ? 'short-stock' : ''}>{c.failed ? plural(c.failed, 'change', 'changes') : 'none'}</dd></div>
        {connected ? <div><dt>Checks for orders</dt><dd>every {c.pollSeconds} s</dd></div> : null}
        {c.budgetLeft ? <div><dt>{c.state === 'offline' ? 'Budget left (may still sell)' : 'Stock offered'}</dt><dd data-testid="sync-budget">{plural(c.budgetLeft.units, 'unit', 'units')}{c.budgetLeft.skusAtZero ? `, ${c.budgetLeft.skusAtZero} SKUs at 0` : ''}</dd></div> : null}
      </dl>
      {!connected ? <p className="muted">Not connected: its changes are kept and go out once it is connected in Settings → Channels.</p> : null}
      {c.lastError ? <p className="sync-error" role="alert" data-testid="sync-last-error">{c.lastError}</p> : null}
      {c.errors.length ? (
        <details className="sync-log" open={c.state !== 'online'}>
          <summary>Recent problems ({c.errors.length})</summary>
          <ul data-testid="sync-errors">
            {c.errors.map((e) => (
              <li key={e.id} className={`sync-log-${e.level}`}><time dateTime={e.at}>{formatClock(e.at)}</time> {e.words}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {connected ? (
        <div className="action-row">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('now')} data-testid="sync-now">Sync now</button>
          <button type="button" className="button" disabled={busy || (!c.failed && c.state !== 'paused')} onClick={() => void run('retry')} data-testid="sync-retry">Retry</button>
        </div>
      ) : null}
    </li>
  );
}

/** Per channel: is it answering, what came in and went out, what waits, and every problem in words. */
export function SyncScreen() {
  const status = useSyncStore((s) => s.status);
  const go = useAppStore((s) => s.go);
  return (
    <section className="sync-screen" aria-labelledby="sync-title">
      <h1 id="sync-title">Sync</h1>
      {status === null ? <p className="muted">Reading the sync status…</p> : (
        <>
          <p className="sync-summary" data-testid="sync-summary">
            {status.offlineSince ? `A shop has not answered since ${formatClock(status.offlineSince)}. Packing goes on; ` : ''}
            {status.waiting ? `${plural(status.waiting, 'change', 'changes')} waiting to go out.` : status.stranded ? '' : 'Nothing is waiting to go out.'}
            {status.stranded ? ` ${plural(status.stranded, 'change waits', 'changes wait')} for a shop that is not connected (${status.channels.filter((c) => c.state === 'not_connected' && c.waiting).map((c) => c.name).join(', ')}): connect it again in Settings → Channels to send ${status.stranded === 1 ? 'it' : 'them'}.` : ''}
            {status.conflicts ? ` ${plural(status.conflicts, 'order', 'orders')} changed on a shop while being packed: open them from the queue (they are on hold).` : ''}
          </p>
          {status.channels.length === 0 ? (
            <div className="empty-state">
              <p>No shop is connected yet.</p>
              <button type="button" className="button" onClick={() => go('settings')}>Connect a shop in Settings</button>
            </div>
          ) : (
            <ul className="sync-cards">{status.channels.map((c) => <ChannelCard key={c.channelId} c={c} />)}</ul>
          )}
        </>
      )}
    </section>
  );
}
