import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { CarrierAccount, Manifest, PackagePreset, Shipment, ShipmentStatus } from '../../../../shared/contract/shipping';
import { api } from '../../api/client';
import { formatShortTime } from '../../lib/format';
import { money } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { SHIPMENT_STATUS_WORDS, shipmentWords, trackingWords } from './shipment-words';
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
  const [presets, setPresets] = useState<PackagePreset[]>([]);
  const [busy, setBusy] = useState(false);
  const epoch = useAppStore((s) => s.dataEpoch);
  const { list, reload } = useShipments({ ...(day ? { day } : {}), ...(carrierId ? { carrierId } : {}), ...(status ? { status } : {}), limit: 300 });

  const loadManifests = () => api.call('manifests.list', { limit: 20 }).then(setManifests, (e: unknown) => useAppStore.getState().showError(e));
  useEffect(() => {
    api.call('carriers.list', {}).then(setCarriers, (e: unknown) => useAppStore.getState().showError(e));
    api.call('packages.list', {}).then(setPresets, () => setPresets([]));
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
            <thead><tr><th>Order</th><th>Carrier</th><th>Status</th><th>Tracking</th><th>Where</th><th className="num">Price</th><th>Weight</th><th>When</th><th>Actions</th></tr></thead>
            <tbody>
              {rows.map((s) => <ShipmentRow key={s.id} s={s} busy={busy} act={act} presets={presets} />)}
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

function ShipmentRow({ s, busy, act, presets }: { s: Shipment; busy: boolean; act: (what: () => Promise<unknown>, done: string) => Promise<void>; presets: PackagePreset[] }) {
  const voidable = s.status === 'bought' && (!s.voidableUntil || Date.parse(s.voidableUntil) > Date.now());
  const [confirmVoid, setConfirmVoid] = useState(false);
  const label = `${s.returnId !== null ? 'return label' : 'label'} ${s.trackingNumber}`;
  return (
    <tr data-testid="shipment-row" data-status={s.status} data-order={s.orderNumber} className={s.status === 'held' ? 'is-failed' : ''}>
      <td>{s.orderNumber}{s.parcelNo > 1 ? ` (parcel ${s.parcelNo})` : ''}
        {s.returnId !== null ? <div className="muted" data-testid="shipment-return">Return label: brings the parcel back</div> : null}</td>
      <td>{s.carrierName || '—'}{s.service ? ` · ${s.service}` : ''}</td>
      <td><span className={`job-status shipment-${s.status}`}>{SHIPMENT_STATUS_WORDS[s.status]}</span>
        {s.status !== 'bought' && s.words ? <div className={s.status === 'voided' ? 'muted' : 'job-error'} data-testid="shipment-words">{shipmentWords(s)}</div> : null}</td>
      <td className="mono" data-testid="shipment-tracking">{s.trackingNumber || '—'}
        {s.replacesId ? <div className="muted" data-testid="shipment-replaces">Replaces a voided label</div> : null}
        {s.replacedById ? <div className="muted" data-testid="shipment-replaced">Bought again: see the newer label</div> : null}</td>
      <td data-testid="shipment-where" data-tracking={s.trackingStatus}>{trackingWords(s, formatShortTime) || '—'}</td>
      <td className="num">{s.priceMinor !== null && s.currency ? money(s.priceMinor, s.currency) : '—'}</td>
      <td>{(s.weightGrams / 1000).toFixed(3)} kg{s.weightSource === 'scale' ? ' (scale)' : ''}{s.packageName ? ` · ${s.packageName}` : ''}</td>
      <td>{formatShortTime(s.boughtAt ?? s.createdAt)}</td>
      <td className="shipment-actions"><div className="action-row">
        {s.status === 'held' || s.status === 'pending' ? (
          <button type="button" className="button button-primary" disabled={busy} data-testid="shipment-retry" onClick={() => void act(() => api.call('shipments.retry', { id: s.id }), `Buying the label for ${s.orderNumber} now.`)}>Buy now</button>
        ) : null}
        {s.status === 'bought' ? (
          <button type="button" className="button" disabled={busy} data-testid="shipment-reprint" onClick={() => void act(() => api.call('shipments.reprint', { id: s.id }), `A copy of the ${s.orderNumber} label was sent to the printer.`)}>Reprint</button>
        ) : null}
        {s.status === 'bought' && s.carrierId !== null && s.trackingStatus !== 'delivered' ? (
          <button type="button" className="button" disabled={busy} data-testid="shipment-track" onClick={() => void act(() => api.call('shipments.track', { id: s.id }), `Asked ${s.carrierName} where the ${s.orderNumber} parcel is.`)}>Check tracking</button>
        ) : null}
        {s.status === 'voided' && s.replacedById === null ? <BuyAgain s={s} busy={busy} act={act} presets={presets} /> : null}
        {voidable ? (
          <button type="button" className="button button-danger" disabled={busy} data-testid="shipment-void" onClick={() => setConfirmVoid(true)}>Void</button>
        ) : null}
        {confirmVoid ? (
          // a label already on a parcel stops being valid: one stray click must not do that
          <ConfirmDialog title={`Void the ${s.orderNumber} ${label}?`} confirmLabel="Void the label" busy={busy}
            onCancel={() => setConfirmVoid(false)}
            onConfirm={() => { setConfirmVoid(false); void act(() => api.call('shipments.void', { id: s.id }), `Voiding the ${s.orderNumber} ${label}; the refund follows from ${s.carrierName}.`); }}>
            <p>{s.carrierName} takes the label back and refunds it. A parcel already carrying it must not be handed over: {s.returnId !== null ? 'the customer cannot use it to send the return.' : 'print a new label with Buy again, or the parcel will not travel.'}</p>
          </ConfirmDialog>
        ) : null}
      </div></td>
    </tr>
  );
}

/** A voided label's parcel bought again: the same box and weight, or the ones the packer corrects. */
function BuyAgain({ s, busy, act, presets }: { s: Shipment; busy: boolean; act: (what: () => Promise<unknown>, done: string) => Promise<void>; presets: PackagePreset[] }) {
  const [packageId, setPackageId] = useState<number | 0>(0);
  const [kg, setKg] = useState('');
  const grams = kg.trim() === '' ? null : Math.round(Number(kg.replace(',', '.')) * 1000);
  const wrong = grams !== null && !(grams > 0);
  return (
    <form className="buy-again" aria-label={`Buy a new label for ${s.orderNumber}`} onSubmit={(e) => {
      e.preventDefault();
      if (wrong) { useAppStore.getState().showError(new Error('Type the weight in kilograms, such as 0.75, or leave it empty to keep the voided label\'s weight.')); return; }
      void act(() => api.call('shipments.buyAgain', { id: s.id, ...(packageId ? { packageId } : {}), ...(grams ? { weightGrams: grams } : {}) }), `Buying a new label for ${s.orderNumber}; it prints when bought.`);
    }}>
      <select className="input" value={packageId} aria-label="Box" onChange={(e) => setPackageId(Number(e.target.value))} data-testid="buy-again-box">
        <option value={0}>Same box{s.packageName ? ` (${s.packageName})` : ''}</option>
        {presets.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <input className="input input-number" inputMode="decimal" aria-label="Weight in kg" placeholder={(s.weightGrams / 1000).toFixed(3)} value={kg} onChange={(e) => setKg(e.target.value)} data-testid="buy-again-weight" />
      <button type="submit" className="button button-primary" disabled={busy} data-testid="shipment-buy-again">Buy again</button>
    </form>
  );
}
