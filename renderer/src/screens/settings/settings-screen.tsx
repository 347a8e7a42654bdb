import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';
import { BackupsSection } from './backups-section';
import { CarriersSection } from './carriers-section';
import { ChannelsSection } from './channels-section';
import { PrintersSection } from './printers-section';
import { ScannerSection } from './scanner-section';
import './settings.css';

type Replace = 'resetDemo' | 'startEmpty';

const KIND_WORDS = { demo: 'Demo (sample data, safe to play with)', empty: 'Empty (no orders or stock yet)', live: 'Live' } as const;

const QUESTIONS: Record<Replace, { title: string; body: string; confirm: string; done: string }> = {
  resetDemo: {
    title: 'Reset the demo workspace?',
    body: 'Every order, stock count and movement in this workspace is replaced by the sample data. A backup of the workspace as it is now is taken first (Settings → Backups).',
    confirm: 'Delete and reload the demo',
    done: 'The demo workspace was reset: 60 sample orders are back in the queue. The workspace before it is kept under Backups.',
  },
  startEmpty: {
    title: 'Start an empty workspace?',
    body: 'Every order, stock count and movement in this workspace is removed and you start with no orders, products or stock. A backup of the workspace as it is now is taken first (Settings → Backups).',
    confirm: 'Delete everything and start empty',
    done: 'An empty workspace is ready. The workspace before it is kept under Backups.',
  },
};

export function SettingsScreen() {
  const workspace = useAppStore((s) => s.workspace);
  const [asking, setAsking] = useState<Replace | null>(null);
  const [busy, setBusy] = useState(false);

  const replace = async (what: Replace) => {
    setBusy(true);
    try {
      const info = await api.call(what === 'resetDemo' ? 'workspace.resetDemo' : 'workspace.startEmpty', { confirm: true });
      const app = useAppStore.getState();
      app.setWorkspace(info);
      // the old order ids mean nothing in the new workspace
      useOrdersStore.getState().close();
      useOrdersStore.getState().select(0);
      app.bumpEpoch();
      app.showInfo(QUESTIONS[what].done);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <section className="panel" aria-labelledby="workspace-title">
        <h2 id="workspace-title">Workspace</h2>
        {workspace ? (
          <dl className="facts" data-testid="workspace-info">
            <div><dt>Kind</dt><dd data-testid="workspace-kind">{KIND_WORDS[workspace.kind]}</dd></div>
            <div><dt>Data folder</dt><dd className="mono break" data-testid="workspace-data-dir">{workspace.dataDir}</dd></div>
            <div><dt>Version</dt><dd data-testid="workspace-version">{workspace.version}</dd></div>
            <div><dt>Operator</dt><dd>{workspace.actor}</dd></div>
            <div><dt>Orders</dt><dd>{workspace.counts.orders.toLocaleString()} ({workspace.counts.openOrders.toLocaleString()} still to ship)</dd></div>
            <div><dt>SKUs</dt><dd>{workspace.counts.skus.toLocaleString()}</dd></div>
          </dl>
        ) : <p className="muted">Reading the workspace…</p>}
      </section>
      <ChannelsSection />
      <PrintersSection />
      <CarriersSection />
      <ScannerSection />
      <BackupsSection />
      <section className="panel" aria-labelledby="replace-title">
        <h2 id="replace-title">Start over</h2>
        <p>Both choices replace the data in this workspace; a backup of it is taken first. Packbench asks before it does anything.</p>
        <div className="action-row">
          <button type="button" className="button" onClick={() => setAsking('resetDemo')} data-testid="reset-demo">Reset demo…</button>
          <button type="button" className="button button-danger" onClick={() => setAsking('startEmpty')} data-testid="start-empty">Start an empty workspace…</button>
        </div>
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">Keyboard</h2>
        <dl className="facts keys">
          <div><dt><kbd>Alt+1</kbd> or <kbd>F1</kbd></dt><dd>Orders</dd></div>
          <div><dt><kbd>Alt+2</kbd> or <kbd>F2</kbd></dt><dd>Pack</dd></div>
          <div><dt><kbd>Alt+3</kbd> or <kbd>F3</kbd></dt><dd>Inventory</dd></div>
          <div><dt><kbd>Alt+4</kbd> or <kbd>F4</kbd></dt><dd>Settings</dd></div>
          <div><dt><kbd>Alt+5</kbd> or <kbd>F5</kbd></dt><dd>Printing: print jobs, retry, reprint, label preview</dd></div>
          <div><dt><kbd>Alt+6</kbd> or <kbd>F6</kbd></dt><dd>Shipments: carrier labels today, by carrier, voided; buy now, void, reprint, end-of-day manifest</dd></div>
          <div><dt><kbd>Alt+7</kbd> or <kbd>F7</kbd></dt><dd>Sync: each shop online or offline, what waits to go out, problems in words, Sync now and Retry</dd></div>
          <div><dt><kbd>Alt+8</kbd> or <kbd>F8</kbd></dt><dd>Catalog: products, variants, barcodes and case packs</dd></div>
          <div><dt><kbd>Alt+9</kbd> or <kbd>F9</kbd></dt><dd>Warehouse: locations, bins, receiving deliveries by scan</dd></div>
          <div><dt><kbd>Alt+0</kbd> or <kbd>F10</kbd></dt><dd>Team: packers, PINs, the bench dashboard</dd></div>
          <div><dt><kbd>Alt+-</kbd></dt><dd>Import and export CSV: orders, catalog, stock, shipments</dd></div>
          <div><dt>Scan anywhere</dt><dd>An order number or packing slip opens the order on the Pack screen</dd></div>
          <div><dt><kbd>Enter</kbd> <kbd>Ctrl+Z</kbd> <kbd>Esc</kbd></dt><dd>Pack: close the parcel, undo the last scan, clear a red error</dd></div>
          <div><dt><kbd>Alt+S</kbd> <kbd>Alt+O</kbd> <kbd>Alt+B</kbd></dt><dd>Pack: split the parcel, supervisor override, put the order back</dd></div>
          <div><dt><kbd>Alt+P</kbd> <kbd>Alt+R</kbd> <kbd>Alt+C</kbd> <kbd>Alt+V</kbd></dt><dd>Pack: packing slip, retry the label, print a copy, label preview</dd></div>
          <div><dt><kbd>/</kbd></dt><dd>Search the order queue</dd></div>
          <div><dt><kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd></dt><dd>Move through the queue and open an order</dd></div>
          <div><dt><kbd>Esc</kbd></dt><dd>Back from an order to the queue</dd></div>
        </dl>
      </section>
      {asking ? (
        <ConfirmDialog
          title={QUESTIONS[asking].title}
          confirmLabel={QUESTIONS[asking].confirm}
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() => void replace(asking)}
        >
          <p>{QUESTIONS[asking].body}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
