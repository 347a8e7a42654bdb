import { useEffect, useState } from 'react';
import type { Backup } from '../../../../shared/contract/backups-api';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatTime } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';

const REASON_WORDS: Record<Backup['reason'], string> = {
  daily: 'Daily',
  'before-migration': 'Before an update',
  'before-reset': 'Before starting over',
  'before-restore': 'Before a restore',
  manual: 'Taken by hand',
};

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Settings → Backups: every copy of this workspace, a copy on request, and Restore (which keeps the current one first). */
export function BackupsSection() {
  const epoch = useAppStore((s) => s.dataEpoch);
  const [list, setList] = useState<{ backups: Backup[]; keepDays: number; folder: string } | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => api.call('backups.list', {}).then(setList, (e: unknown) => useAppStore.getState().showError(e));
  useEffect(() => { void load(); }, [epoch]);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const b = await api.call('backups.create', {});
      useAppStore.getState().showInfo(`A backup was taken: ${formatTime(b.createdAt)}.`);
      await load();
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (b: Backup) => {
    setBusy(true);
    try {
      const r = await api.call('backups.restore', { name: b.name, confirm: true });
      const app = useAppStore.getState();
      useOrdersStore.getState().close();
      useOrdersStore.getState().select(0);
      app.bumpEpoch();
      app.showInfo(`The backup from ${formatTime(r.restored.createdAt)} is back in use. The workspace as it was a moment ago is kept as a backup too (${formatTime(r.kept.createdAt)}).`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">Backups</h2>
      <p>
        Packbench copies this workspace every day, before every update and before starting over or restoring.
        Copies are kept for {list?.keepDays ?? 14} days (the newest three always).
      </p>
      {list ? <p className="muted">Folder: <span className="mono break">{list.folder}</span></p> : null}
      <div className="action-row">
        <button type="button" className="button" onClick={() => void backUpNow()} disabled={busy} data-testid="backup-now">Back up now</button>
      </div>
      {list && list.backups.length === 0 ? <p className="muted" data-testid="backups-empty">No backup yet: the first daily one is taken within the hour.</p> : null}
      {list && list.backups.length > 0 ? (
        <table className="table">
          <thead><tr><th>When</th><th>Why</th><th className="num">Size</th><th /></tr></thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name} data-testid="backup-row">
                <td>{formatTime(b.createdAt)}</td>
                <td>{REASON_WORDS[b.reason]}</td>
                <td className="num">{size(b.sizeBytes)}</td>
                <td><button type="button" className="button button-quiet" disabled={busy} onClick={() => setRestoring(b)} data-testid="backup-restore">Restore…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore the backup"
          busy={busy}
          onCancel={() => setRestoring(null)}
          onConfirm={() => void restore(restoring)}
        >
          <p>The workspace goes back to how it was on {formatTime(restoring.createdAt)}. Orders, scans and stock changes made since then are not in it.</p>
          <p>The workspace as it is now is kept as a backup first, so you can come back to it.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
