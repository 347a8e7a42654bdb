import { useEffect, useState } from 'react';
import type { CarrierAccount, Manifest, Shipment, ShipmentStatus } from '../../../../shared/contract/shipping';
import { api } from '../../api/client';
import { formatShortTime } from '../../lib/format';
import { money } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { SHIPMENT_STATUS_WORDS, shipmentWords } from './shipment-words';
import { useShipments } from './use-shipments';
import './shipments.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Today's labels (or all), by carrier and status: buy again, void, reprint, and close the day with a manifest. */
export function ShipmentsScreen() {
  const [day, setDay] = useState<string>(today());
  const [carrierId, setCarrierId] = useState<number | 0>(0);
  const [status, setStatus] = useState<ShipmentStatus | ''>('');
  const [carriers, setCarriers] = useState<CarrierAccount[]>([]);
  const [manifests, setManifests] = useState<Manifest[]>([]);
  const [busy, setBusy] = useState(false);
  const epoch = useAppStore((s) => s.dataEpoch);
  const { list, reload } = useShipments({ ...(day ? { day } : {}), ...(carrierId ? { carrierId } : {}), ...(status ? { status } : {}), limit: 300 });

  const loadManifests = () => api.call('manifests.list', { limit: 20 }).then(setManifests, (e: unknown) => useAppStore.getState().showError(e));
  useEffect(() => {
    api.call('carriers.list', {}).then(setCarriers, (e: unknown) => useAppStore.getState().showError(e));
    void loadManifests();
  }, [epoch]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      useAppStore.getState().showInfo(done);
      reload();
      void loadManifests();
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = list ?? [];
  return (
    <section className="shipments" aria-labelledby="shipments-title" data-testid="shipments-screen">
      <div className="panel">
        <div className="toolbar">
          <h1 id="shipments-title" className="toolbar-title">Shipments</h1>
          <label className="field-inline">Day
            <select className="input" value={day} onChange={(e) => setDay(e.target.value)} data-testid="shipments-day">
              <option value={today()}>Today</option>
              <option value="">Every day</option>
            </select>
          </label>
          <label className="field-inline">Carrier
            <select className="input" value={carrierId} onChange={(e) => setCarrierId(Number(e.target.value))} data-testid="shipments-carrier">
              <option value={0}>All carriers</option>
              {carriers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="field-inline">Status
            <select className="input" value={status} onChange={(e) => setStatus(e.target.value as ShipmentStatus | '')} data-testid="shipments-status">
              <option value="">Any</option>
              {(Object.keys(SHIPMENT_STATUS_WORDS) as ShipmentStatus[]).map((s) => <option key={s} value={s}>{SHIPMENT_STATUS_WORDS[s]}</option>)}
            </select>
          </label>
          <p className="result-count">{list ? `${rows.length} label${rows.length === 1 ? '' : 's'}` : 'Loading…'}</p>
        </div>
        {list && rows.length === 0 ? <p className="empty-state">No labels here yet. Carrier labels appear when parcels are packed with carrier labels switched on (Settings → Carriers).</p> : (
          <table className="table" aria-label="Shipments">
            <thead><tr><th>Order</th><th>Carrier</th><th>Status</th><th>Tracking</th><th className="num">Price</th><th>Weight</th><th>When</th><th>Actions</th></tr></thead>
            <tbody>
              {rows.map((s) => <ShipmentRow key={s.id} s={s} busy={busy} act={act} />)}
            </tbody>
          </table>
        )}
      </div>
      <aside className="panel" aria-labelledby="manifest-title" data-testid="manifest-panel">
        <h2 id="manifest-title">End of day</h2>
        <p className="muted">A manifest (SCAN form) puts every bought label of a carrier that is not on one yet on a single form, printed for the driver.</p>
        <div className="action-row">
          {carriers.filter((c) => c.enabled).map((c) => (
            <button key={c.id} type="button" className="button" disabled={busy} data-testid="manifest-create" data-carrier={c.name}
              onClick={() => void act(async () => { const m = await api.call('manifests.create', { carrierId: c.id }); return m; }, `The ${c.name} manifest was made and sent to the printer.`)}>
              Close the day: {c.name}
            </button>
          ))}
        </div>
        <ul className="manifest-list">
          {manifests.map((m) => <li key={m.id} data-testid="manifest-row">{formatShortTime(m.createdAt)} · {m.carrierName} · {m.words}</li>)}
        </ul>
      </aside>
    </section>
  );
}

function ShipmentRow({ s, busy, act }: { s: Shipment; busy: boolean; act: (what: () => Promise<unknown>, done: string) => Promise<void> }) {
  const voidable = s.status === 'bought' && (!s.voidableUntil || Date.parse(s.voidableUntil) > Date.now());
  return (
    <tr data-testid="shipment-row" data-status={s.status} data-order={s.orderNumber} className={s.status === 'held' ? 'is-failed' : ''}>
      <td>{s.orderNumber}{s.parcelNo > 1 ? ` (parcel ${s.parcelNo})` : ''}</td>
      <td>{s.carrierName || '—'}{s.service ? ` · ${s.service}` : ''}</td>
      <td><span className={`job-status shipment-${s.status}`}>{SHIPMENT_STATUS_WORDS[s.status]}</span>
        {s.status !== 'bought' && s.words ? <div className="job-error" data-testid="shipment-words">{shipmentWords(s)}</div> : null}</td>
      <td className="mono" data-testid="shipment-tracking">{s.trackingNumber || '—'}</td>
      <td className="num">{s.priceMinor !== null && s.currency ? money(s.priceMinor, s.currency) : '—'}</td>
      <td>{(s.weightGrams / 1000).toFixed(3)} kg{s.weightSource === 'scale' ? ' (scale)' : ''}{s.packageName ? ` · ${s.packageName}` : ''}</td>
      <td>{formatShortTime(s.boughtAt ?? s.createdAt)}</td>
      <td className="action-row">
        {s.status === 'held' || s.status === 'pending' ? (
          <button type="button" className="button button-primary" disabled={busy} data-testid="shipment-retry" onClick={() => void act(() => api.call('shipments.retry', { id: s.id }), `Buying the label for ${s.orderNumber} now.`)}>Buy now</button>
        ) : null}
        {s.status === 'bought' ? (
          <button type="button" className="button" disabled={busy} data-testid="shipment-reprint" onClick={() => void act(() => api.call('shipments.reprint', { id: s.id }), `A copy of the ${s.orderNumber} label was sent to the printer.`)}>Reprint</button>
        ) : null}
        {voidable ? (
          <button type="button" className="button button-danger" disabled={busy} data-testid="shipment-void" onClick={() => void act(() => api.call('shipments.void', { id: s.id }), `Voiding the ${s.orderNumber} label; the refund follows from ${s.carrierName}.`)}>Void</button>
        ) : null}
      </td>
    </tr>
  );
}
