import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SCREEN_LABELS } from '../../components/top-bar';
import { screenKeyLabel } from '../../lib/screen-keys';
import { SCREENS, useAppStore, type Screen } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';
import { BackupsSection } from './backups-section';
import { CarriersSection } from './carriers-section';
import { ChannelsSection } from './channels-section';
import { PrintersSection } from './printers-section';
import { PhonesSection } from './phones-section';
import { RoutingSection } from './routing-section';
import { ScannerSection } from './scanner-section';
import { ReturnsSection } from './returns-section';
import './settings.css';

type Replace = 'resetDemo' | 'startEmpty';

const KIND_WORDS = { demo: 'Demo (sample data, safe to play with)', empty: 'Empty (no orders or stock yet)', live: 'Live' } as const;

const QUESTIONS: Record<Replace, { title: string; goes: string; confirm: string; done: string }> = {
  resetDemo: {
    title: 'Reset the demo workspace?',
    goes: 'Every order, product, stock count and movement, and the print history, is deleted; the sample data is loaded again. A backup of the workspace as it is now is taken first (Settings → Backups).',
    confirm: 'Delete and reload the demo',
    done: 'The demo workspace was reset: 60 sample orders are back in the queue. Your printers and scanner settings were kept; the workspace before it is kept under Backups.',
  },
  startEmpty: {
    title: 'Start an empty workspace?',
    goes: 'Every order, product, stock count and movement, and the print history, is deleted. You start with no orders, products or stock. A backup of the workspace as it is now is taken first (Settings → Backups).',
    confirm: 'Delete the data and start empty',
    done: 'An empty workspace is ready. Your printers and scanner settings were kept; the workspace before it is kept under Backups.',
  },
};

/**
 * What a replace keeps and what else goes, named, so nobody has to guess whether their printer setup
 * survives. Carrier accounts and the team live with the shop's data (their keys are tied to them), so they go: said.
 */
function KeptWords() {
  const [printers, setPrinters] = useState<string[] | null>(null);
  const [carriers, setCarriers] = useState<string[]>([]);
  const [team, setTeam] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.call('printers.list', {}).then((list) => { if (live) setPrinters(list.map((p) => p.name)); }, () => { if (live) setPrinters([]); });
    api.call('carriers.list', {}).then((list) => { if (live) setCarriers(list.map((c) => c.name)); }, () => undefined);
    api.call('packers.list', {}).then((list) => { if (live) setTeam(list.map((p) => p.name)); }, () => undefined);
    return () => { live = false; };
  }, []);
  const names = printers === null ? 'your label printers' : printers.length === 0 ? 'the label printer settings' : `your label printers (${printers.join(', ')})`;
  return (
    <>
      {carriers.length ? (
        <p data-testid="replace-carriers"><strong>Also deleted:</strong> the carrier accounts ({carriers.join(', ')}), shipping rules and box sizes. Set them up again in Settings → Carriers.</p>
      ) : null}
      {team.length ? (
        <p data-testid="replace-team"><strong>Also deleted:</strong> the team ({team.join(', ')}) with their PINs, and the locations and bins. Add them again on the Team and Warehouse screens.</p>
      ) : null}
      <p data-testid="replace-kept"><strong>Kept:</strong> {names} and the scanner settings. This station stays set up.</p>
    </>
  );
}

const SCREEN_HELP: Partial<Record<Screen, string>> = {
  orders: 'the order queue: search, filters, order details',
  pack: 'scan, verify and close parcels',
  inventory: 'stock per SKU and location, counts',
  settings: 'printers, scanner, workspace',
  printing: 'print jobs, retry, reprint, label preview',
  shipments: 'carrier labels today, by carrier, voided; buy now, void, reprint, end-of-day manifest',
  sync: 'each shop online or offline, what waits to go out, problems in words, Sync now and Retry',
  devices: 'scanners, scales and label printers, their state and test buttons',
  picking: 'make pick lists, print them, walk one; stock in transit',
  rules: 'automation rules, their order and a dry run',
  returns: "scan a parcel's label, RMA slip or order number; scan each item, grade it (1 to 5), refund on the shop",
  catalog: 'products, variants, barcodes and case packs, customs details, pictures',
  warehouse: 'locations, bins in walk order, receiving deliveries by scan',
  team: 'packers, PINs, supervisors, the bench dashboard',
  import: 'import orders and the catalog from CSV; export orders, stock, shipments',
  stock: 'what each shop may sell, rules and safety stock, reconciliation and its history',
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
      <RoutingSection />
      <PhonesSection />
      <ReturnsSection />
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
        <dl className="facts keys" data-testid="key-help">
          {SCREENS.map((s, i) => (
            <div key={s} data-testid="key-help-screen" data-screen={s}>
              <dt><kbd>{screenKeyLabel(i)}</kbd>{i < 10 ? <> or <kbd>F{i + 1}</kbd></> : null}</dt>
              <dd>{SCREEN_LABELS[s]}{SCREEN_HELP[s] ? `: ${SCREEN_HELP[s]}` : ''}</dd>
            </div>
          ))}
          <div><dt>Scan anywhere</dt><dd>An order number or packing slip opens the order on the Pack screen; a product shows the orders that contain it (on Inventory, its stock)</dd></div>
          <div><dt>Scan into a field</dt><dd>The code goes into the field; number fields never take a scan</dd></div>
          <div><dt><kbd>Enter</kbd> <kbd>Ctrl+Z</kbd> <kbd>Esc</kbd></dt><dd>Pack: close the parcel, undo the last scan, clear a red error</dd></div>
          <div><dt><kbd>Alt+S</kbd> <kbd>Alt+O</kbd> <kbd>Alt+B</kbd></dt><dd>Pack: split the parcel, supervisor override, put the order back</dd></div>
          <div><dt><kbd>Alt+P</kbd> <kbd>Alt+R</kbd> <kbd>Alt+C</kbd> <kbd>Alt+V</kbd></dt><dd>Pack: packing slip, retry the label, print a copy, label preview</dd></div>
          <div><dt><kbd>1</kbd>…<kbd>5</kbd> <kbd>Enter</kbd> <kbd>Ctrl+Z</kbd></dt><dd>Returns: grade the item just scanned (as new, damaged, faulty, unsellable, not ours), put the return away, take back the last scan</dd></div>
          <div><dt><kbd>Alt+R</kbd> <kbd>Alt+X</kbd> <kbd>Alt+P</kbd> <kbd>Alt+D</kbd></dt><dd>Returns: refund, close without a refund, print the return slip, save it as a page</dd></div>
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
          <p data-testid="replace-goes"><strong>Deleted:</strong> {QUESTIONS[asking].goes}</p>
          <KeptWords />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
