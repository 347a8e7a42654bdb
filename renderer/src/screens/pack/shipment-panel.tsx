import { useEffect, useState } from 'react';
import type { PackagePreset } from '../../../../shared/contract/shipping';
import type { PackView } from '../../../../shared/contract/pack';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { usePackStore } from './pack-store';
import '../shipments/shipments.css';
import { SHIPMENT_STATUS_WORDS, shipmentWords, trackingWords } from '../shipments/shipment-words';
import { formatShortTime } from '../../lib/format';
import { useShipments } from '../shipments/use-shipments';

/**
 * The carrier label of the order on the bench, where the packer sees it: "label pending" while it is
 * bought (or waits for the carrier), what to fix when it is held, the tracking number once bought.
 */
export function ShipmentPanel({ orderId }: { orderId: number }) {
  const { list } = useShipments({ orderId, limit: 20 });
  // once bought, the label's print job shows under it like any label: sent, failed, retry, preview
  const boughtJob = list?.find((s) => s.status === 'bought' && s.printJobId !== null)?.printJobId ?? null;
  useEffect(() => {
    if (boughtJob === null || usePackStore.getState().label?.id === boughtJob) return;
    api.call('print.job', { jobId: boughtJob }).then(({ zpl: _z, dpi: _d, labelSize: _l, ...job }) => usePackStore.setState({ label: job }), () => undefined);
  }, [boughtJob]);
  if (!list || list.length === 0) return null;
  return (
    <section className="panel shipment-panel" aria-labelledby="shipment-panel-title" data-testid="shipment-panel">
      <h2 id="shipment-panel-title">Carrier label</h2>
      {list.map((s) => (
        <div key={s.id} data-testid="shipment-status" data-status={s.status}>
          <p className="shipment-line" role={s.status === 'held' ? 'alert' : 'status'}>
            <span className={`job-status shipment-${s.status}`}>{SHIPMENT_STATUS_WORDS[s.status]}</span>{' '}
            <span data-testid="shipment-status-words">{shipmentWords(s)}</span>
          </p>
          {s.status === 'pending' || s.status === 'buying' ? <p className="muted">It prints by itself when it is bought; go on packing the next order.</p> : null}
          {s.status === 'held' ? (
            <button type="button" className="button button-primary" data-testid="shipment-panel-retry"
              onClick={() => void api.call('shipments.retry', { id: s.id }).catch((e: unknown) => useAppStore.getState().showError(e))}>Buy again</button>
          ) : null}
          {s.status === 'voided' && s.replacedById === null ? (
            <button type="button" className="button button-primary" data-testid="shipment-panel-buy-again"
              onClick={() => void api.call('shipments.buyAgain', { id: s.id }).then(() => useAppStore.getState().showInfo(`Buying a new label for ${s.orderNumber}; it prints when bought.`), (e: unknown) => useAppStore.getState().showError(e))}>Buy a new label</button>
          ) : null}
          {s.status === 'bought' && s.trackingStatus ? <p className="muted" data-testid="shipment-panel-where">{trackingWords(s, formatShortTime)}</p> : null}
        </div>
      ))}
    </section>
  );
}

/** The box for the parcel on the bench and its weight (typed, or the scale's once connected), with what will happen. */
export function ParcelBox({ view }: { view: PackView }) {
  const [presets, setPresets] = useState<PackagePreset[]>([]);
  const [plan, setPlan] = useState<{ packageId: number | null; weightGrams: number; weightSource: string; plan: string } | null>(null);
  const [weight, setWeight] = useState('');
  const load = () => {
    api.call('shipping.parcel', { sessionId: view.sessionId }).then(setPlan, () => setPlan(null));
  };
  useEffect(() => {
    api.call('packages.list', {}).then(setPresets, () => setPresets([]));
    load();
  }, [view.sessionId]); // load is re-made per render; the session is what matters
  // not reloaded per scan: the plan follows what the parcel is to hold, not what was scanned so far

  const choose = async (input: { packageId?: number | null; weightGrams?: number | null }) => {
    try {
      setPlan(await api.call('shipping.chooseParcel', { sessionId: view.sessionId, ...input }));
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };
  if (!plan) return null;
  return (
    <section className="panel parcel-box" aria-labelledby="parcel-box-title" data-testid="parcel-box">
      <h2 id="parcel-box-title">Box and weight</h2>
      <div className="form-row">
        <label className="field">
          <span className="field-label">Box</span>
          <select className="input" value={plan.packageId ?? ''} data-testid="parcel-box-select" onChange={(e) => void choose({ packageId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">No box chosen</option>
            {presets.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.lengthMm}×{p.widthMm}×{p.heightMm} mm, {p.emptyGrams} g)</option>)}
          </select>
        </label>
        <form className="field" onSubmit={(e) => { e.preventDefault(); const g = Math.round(Number(weight.replace(',', '.')) * 1000); void choose({ weightGrams: weight.trim() === '' ? null : g }); }}>
          <span className="field-label">Weighed (kg)</span>
          <input className="input input-number" inputMode="decimal" value={weight} placeholder={(plan.weightGrams / 1000).toFixed(3)} onChange={(e) => setWeight(e.target.value)} data-testid="parcel-weight" />
        </form>
      </div>
      <p className="muted" data-testid="parcel-plan">{(plan.weightGrams / 1000).toFixed(3)} kg ({plan.weightSource === 'scale' ? 'weighed' : 'products + box'}). {plan.plan}</p>
    </section>
  );
}
