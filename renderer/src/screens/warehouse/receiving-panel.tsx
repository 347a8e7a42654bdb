import { useCallback, useEffect, useRef, useState } from 'react';
import type { Delivery, LocationDetail, ReceiveScanResult } from '../../../../shared/contract/warehouse';
import { parseWholeTyped } from '../../../../shared/domain/amount';
import { api } from '../../api/client';
import { FormError, SelectInput, TextInput } from '../../components/form-field';
import { useSubmit } from '../../hooks/use-submit';
import { formatShortTime } from '../../lib/format';
import { captureScans } from '../../scan/scan-router';
import { playAccepted, playBlocked } from '../../sound/feedback-sound';
import { useAppStore } from '../../stores/app-store';

type Row = { id: number; reference: string; supplier: string; locationName: string; status: 'open' | 'closed'; createdAt: string; expected: number; received: number };

/** Deliveries: announce what is coming (optional), then scan a bin label and the items that go in it. */
export function ReceivingPanel() {
  const [rows, setRows] = useState<Row[]>([]);
  const [active, setActive] = useState<Delivery | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('deliveries.list', {}).then(setRows, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(() => { load(); }, [load, epoch]);
  const open = async (id: number) => {
    try { setActive(await api.call('deliveries.get', { id })); } catch (e) { useAppStore.getState().showError(e); }
  };
  return (
    <div className="split-screen">
      <div>
        <NewDelivery onCreated={(d) => { load(); setActive(d); }} />
        <h2>Deliveries</h2>
        <ul className="list-rows" aria-label="Deliveries">
          {rows.map((r) => (
            <li key={r.id}>
              <button type="button" className="list-row" aria-current={active?.id === r.id ? 'true' : undefined} onClick={() => void open(r.id)} data-testid="delivery-row" data-reference={r.reference}>
                <strong>{r.reference}</strong> {r.supplier ? `from ${r.supplier}` : ''} <span className="muted">· {r.locationName} · {r.status === 'open' ? 'open' : 'closed'} · {r.received}{r.expected ? ` of ${r.expected}` : ''} received · {formatShortTime(r.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
        {rows.length === 0 ? <p className="empty-state">No deliveries yet.</p> : null}
      </div>
      <div>
        {active ? <ReceiveDelivery key={active.id} delivery={active} onChanged={(d) => { setActive(d); load(); }} /> : (
          <aside className="panel stock-panel-empty" aria-label="Delivery"><p>Start a delivery, or choose one to keep receiving it.</p></aside>
        )}
      </div>
    </div>
  );
}

function NewDelivery({ onCreated }: { onCreated(d: Delivery): void }) {
  const [locations, setLocations] = useState<LocationDetail[]>([]);
  const [locationId, setLocationId] = useState('');
  const [reference, setReference] = useState('');
  const [supplier, setSupplier] = useState('');
  const [lines, setLines] = useState<Array<{ sku: string; expected: string }>>([]);
  const { busy, errors, general, run, refuse } = useSubmit();
  useEffect(() => {
    api.call('warehouse.locations', {}).then((l) => { setLocations(l); setLocationId((id) => id || String(l[0]?.id ?? '')); }, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  const create = async () => {
    const bad: Record<string, string> = {};
    const parsed = lines.filter((l) => l.sku.trim() || l.expected.trim()).map((l, i) => {
      const n = parseWholeTyped(l.expected);
      if (n === null || n < 1) bad[`lines.${i}.expected`] = `Expected units: type a whole number of at least 1 (you typed "${l.expected}").`;
      return { sku: l.sku.trim(), expected: n ?? 0 };
    });
    if (!locationId) bad.locationId = 'Add a location first (Locations and bins).';
    if (Object.keys(bad).length) { refuse(bad); return; }
    const d = await run(() => api.call('deliveries.create', { locationId: Number(locationId), reference, supplier, lines: parsed }));
    if (d) {
      setReference(''); setSupplier(''); setLines([]);
      onCreated(d);
    }
  };
  return (
    <form className="panel" aria-labelledby="new-delivery-title" data-testid="delivery-form" onSubmit={(e) => { e.preventDefault(); void create(); }}>
      <h2 id="new-delivery-title">New delivery</h2>
      <div className="form-grid">
        <SelectInput label="Arrives at" value={locationId} onChange={setLocationId} error={errors.locationId} testId="delivery-location" required>
          {locations.length === 0 ? <option value="">No locations yet</option> : null}
          {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </SelectInput>
        <TextInput label="Delivery note or PO number" value={reference} onChange={setReference} error={errors.reference} testId="delivery-reference" required maxLength={100} />
        <TextInput label="Supplier" value={supplier} onChange={setSupplier} error={errors.supplier} testId="delivery-supplier" maxLength={200} />
      </div>
      {lines.map((l, i) => (
        <div className="form-grid" key={i}>
          <TextInput label={`Expected SKU ${i + 1}`} value={l.sku} onChange={(sku) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, sku } : x)))} error={errors[`lines.${i}.sku`]} testId="delivery-line-sku" maxLength={100} />
          <TextInput label="Units" value={l.expected} onChange={(expected) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, expected } : x)))} error={errors[`lines.${i}.expected`]} testId="delivery-line-qty" inputMode="numeric" />
        </div>
      ))}
      <FormError text={general} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setLines((ls) => [...ls, { sku: '', expected: '' }])} data-testid="delivery-add-line">Add an expected line</button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="delivery-create">{busy ? 'Starting…' : 'Start receiving'}</button>
      </div>
    </form>
  );
}

function ReceiveDelivery({ delivery, onChanged }: { delivery: Delivery; onChanged(d: Delivery): void }) {
  const [binId, setBinId] = useState<number | null>(null);
  const [binCode, setBinCode] = useState<string>('');
  const [code, setCode] = useState('');
  const [qty, setQty] = useState('1');
  const [last, setLast] = useState<ReceiveScanResult | null>(null);
  const [qtyError, setQtyError] = useState<string | undefined>();
  const { busy, general, run } = useSubmit();
  const state = useRef({ binId, qty });
  state.current = { binId, qty };
  const open = delivery.status === 'open';

  // Scans go one after another, in the order they were read: an item scanned right behind a bin label
  // must go into that bin, so each scan waits for the one before and reads the bin it left behind.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const receiveNow = useCallback(async (trimmed: string) => {
    const quantity = parseWholeTyped(state.current.qty);
    if (quantity === null || quantity < 1) { setQtyError(`Units per scan: type a whole number of at least 1 (you typed "${state.current.qty}").`); playBlocked(); return; }
    setQtyError(undefined);
    const r = await run(() => api.call('deliveries.scan', { deliveryId: delivery.id, binId: state.current.binId, code: trimmed, quantity }));
    if (!r) { playBlocked(); return; }
    setLast(r);
    if (r.outcome === 'bin') {
      state.current.binId = r.binId; // before React renders: the next scan in the queue reads it now
      setBinId(r.binId);
      setBinCode(r.message.replace(/^Receiving into bin (\S+)\..*$/, '$1'));
    }
    if (r.outcome === 'received' || r.outcome === 'bin') playAccepted(); else playBlocked();
    if (r.outcome === 'received') setQty('1');
    onChanged(r.delivery);
  }, [delivery.id, onChanged, run]);
  const receive = useCallback((text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const next = () => receiveNow(trimmed);
    queue.current = queue.current.then(next, next);
  }, [receiveNow]);

  // a scanner anywhere on this screen receives into the delivery, without a field to focus
  useEffect(() => (open ? captureScans(receive) : undefined), [open, receive]);

  // behind the scans already read: "take back the last scan" means the last one the packer made
  const inTurn = (action: () => Promise<void>) => { queue.current = queue.current.then(action, action); return queue.current; };
  const undo = () => inTurn(async () => {
    const d = await run(() => api.call('deliveries.undo', { deliveryId: delivery.id }));
    if (d) { setLast(null); onChanged(d); useAppStore.getState().showInfo('The last receiving scan was taken back.'); }
  });
  const close = () => inTurn(async () => {
    const d = await run(() => api.call('deliveries.close', { deliveryId: delivery.id }));
    if (d) onChanged(d);
  });
  const tone = last ? (last.outcome === 'received' || last.outcome === 'bin' ? 'is-good' : 'is-bad') : '';
  return (
    <section className="panel receive" aria-labelledby="receive-title" data-testid="receive-panel" data-status={delivery.status}>
      <h2 id="receive-title">Delivery {delivery.reference}{delivery.supplier ? ` from ${delivery.supplier}` : ''} · {delivery.locationName}</h2>
      {open ? (
        <>
          <p className="receive-bin" data-testid="receive-bin" aria-live="polite">{binId ? <>Into bin <strong className="mono">{binCode}</strong></> : 'Scan the bin label first, then the items.'}</p>
          <form className="form-grid receive-entry" data-scan-enter="submit" onSubmit={(e) => { e.preventDefault(); const t = code; setCode(''); receive(t); }}>
            <TextInput label="Scan or type a bin or item code" value={code} onChange={setCode} testId="receive-code" autoFocus maxLength={500} />
            <TextInput label="Units per scan" value={qty} onChange={setQty} error={qtyError} testId="receive-qty" inputMode="numeric" />
            {/* never disabled while a scan is on its way: a disabled default button makes Enter do nothing, and the next scan would run into the field */}
            <button type="submit" className="button button-primary" data-testid="receive-submit">Receive</button>
          </form>
          {last ? (
            <div className={`receive-result ${tone}`} role="status" data-testid="receive-result" data-outcome={last.outcome}>
              <p className="receive-message">{last.message}</p>
              {last.hint ? <p>{last.hint}</p> : null}
            </div>
          ) : null}
          <FormError text={general} />
        </>
      ) : <p className="muted" data-testid="receive-closed">This delivery is closed.</p>}
      <table className="table" aria-label="What arrived">
        <thead><tr><th>SKU</th><th>Item</th><th className="num">Expected</th><th className="num">Received</th><th>Into</th></tr></thead>
        <tbody>
          {delivery.lines.map((l) => (
            <tr key={l.variantId} data-testid="receive-line" data-sku={l.sku} className={l.expected > 0 && l.received !== l.expected ? 'is-short' : undefined}>
              <td className="mono">{l.sku}</td><td>{l.title}</td><td className="num">{l.expected || '—'}</td><td className="num" data-testid="receive-line-received">{l.received}</td><td className="mono">{l.bins}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void undo()} disabled={busy} data-testid="receive-undo">Take back the last scan</button>
          <button type="button" className="button button-danger" onClick={() => void close()} disabled={busy} data-testid="receive-close">Close this delivery</button>
        </div>
      ) : null}
    </section>
  );
}
