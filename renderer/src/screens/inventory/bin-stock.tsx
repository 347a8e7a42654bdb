import { useCallback, useEffect, useState } from 'react';
import type { StockRow } from '../../../../shared/contract/inventory';
import type { BinRow, SkuBins } from '../../../../shared/contract/warehouse';
import { parseWholeTyped } from '../../../../shared/domain/amount';
import { api } from '../../api/client';
import { FormError, SelectInput, TextInput } from '../../components/form-field';
import { useApiEvent } from '../../hooks/use-api-event';
import { useSubmit } from '../../hooks/use-submit';
import { useAppStore } from '../../stores/app-store';

const NO_BIN = 'none';

/** Where this SKU's units are at this location, bin by bin; move units between bins, or count one bin. */
export function BinStock({ row }: { row: StockRow }) {
  const [where, setWhere] = useState<SkuBins | null>(null);
  const [bins, setBins] = useState<BinRow[]>([]);
  const load = useCallback(() => {
    api.call('warehouse.skuBins', { variantId: row.variantId, locationId: row.locationId }).then(setWhere, (e: unknown) => useAppStore.getState().showError(e));
  }, [row.variantId, row.locationId]);
  useEffect(() => {
    load();
    api.call('warehouse.locations', {}).then((l) => setBins(l.find((x) => x.id === row.locationId)?.bins ?? []), () => undefined);
  }, [load, row.locationId]);
  useApiEvent('inventory.changed', (p) => { if (!p.variantIds.length || p.variantIds.includes(row.variantId)) load(); });
  if (!where) return null;
  return (
    <section className="bin-stock" aria-labelledby="bin-stock-title" data-testid="bin-stock">
      <h3 id="bin-stock-title">In bins</h3>
      <table className="table">
        <tbody>
          {where.bins.map((b) => (
            <tr key={b.binId} data-testid="bin-stock-row" data-bin={b.code}><td className="mono">{b.code}{b.binId === where.defaultBinId ? ' (default)' : ''}</td><td className="num" data-testid="bin-stock-units">{b.onHand}</td></tr>
          ))}
          {where.unbinned > 0 ? <tr data-testid="bin-stock-row" data-bin=""><td>Not in a bin yet</td><td className="num">{where.unbinned}</td></tr> : null}
          {where.bins.length === 0 && where.unbinned === 0 ? <tr><td className="muted">None on hand.</td></tr> : null}
        </tbody>
      </table>
      {bins.length ? (
        <>
          <MoveForm where={where} bins={bins} onDone={(w) => setWhere(w)} />
          <CountBinForm where={where} bins={bins} onDone={(w) => setWhere(w)} />
        </>
      ) : <p className="muted">Add bins for this location on the Warehouse screen to keep stock per bin.</p>}
    </section>
  );
}

function MoveForm({ where, bins, onDone }: { where: SkuBins; bins: BinRow[]; onDone(w: SkuBins): void }) {
  const [from, setFrom] = useState(where.bins[0] ? String(where.bins[0].binId) : NO_BIN);
  const [to, setTo] = useState('');
  const [qty, setQty] = useState('');
  const { busy, errors, general, run, refuse } = useSubmit();
  const move = async () => {
    const n = parseWholeTyped(qty);
    if (n === null || n < 1) { refuse({ quantity: `Units to move: type a whole number of at least 1 (you typed "${qty}").` }); return; }
    if (!to) { refuse({ toBinId: 'Choose the bin the units go to.' }); return; }
    const r = await run(() => api.call('warehouse.move', {
      variantId: where.variantId, locationId: where.locationId, fromBinId: from === NO_BIN ? null : Number(from), toBinId: to === NO_BIN ? null : Number(to), quantity: n,
    }));
    if (r) {
      setQty('');
      onDone(r);
      useAppStore.getState().showInfo(`Moved ${n} × ${r.sku}.`);
    }
  };
  return (
    <form className="form-grid move-form" aria-label="Move between bins" onSubmit={(e) => { e.preventDefault(); void move(); }} data-testid="move-form">
      <SelectInput label="Move from" value={from} onChange={setFrom} error={errors.fromBinId} testId="move-from">
        {where.bins.map((b) => <option key={b.binId} value={b.binId}>{b.code} ({b.onHand})</option>)}
        {where.unbinned > 0 ? <option value={NO_BIN}>Not in a bin ({where.unbinned})</option> : null}
      </SelectInput>
      <SelectInput label="To bin" value={to} onChange={setTo} error={errors.toBinId} testId="move-to">
        <option value="">Choose</option>
        {bins.filter((b) => String(b.id) !== from).map((b) => <option key={b.id} value={b.id}>{b.code}</option>)}
      </SelectInput>
      <TextInput label="Units" value={qty} onChange={setQty} error={errors.quantity} testId="move-qty" inputMode="numeric" />
      <button type="submit" className="button" disabled={busy} data-testid="move-submit">{busy ? 'Moving…' : 'Move'}</button>
      <FormError text={general} />
    </form>
  );
}

/** A count of one bin: the difference is recorded as an adjust movement in that bin, with the reason. */
function CountBinForm({ where, bins, onDone }: { where: SkuBins; bins: BinRow[]; onDone(w: SkuBins): void }) {
  const [binId, setBinId] = useState(String(where.defaultBinId ?? where.bins[0]?.binId ?? bins[0]?.id ?? ''));
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const { busy, errors, general, run, refuse } = useSubmit();
  const count = async () => {
    const n = parseWholeTyped(counted);
    if (n === null) { refuse({ counted: `Counted in the bin: type a whole number, 0 or more (you typed "${counted}").` }); return; }
    const r = await run(() => api.call('warehouse.countBin', { variantId: where.variantId, binId: Number(binId), counted: n, reason }));
    if (r) {
      setCounted('');
      setReason('');
      onDone(r);
      useAppStore.getState().showInfo(`Bin count recorded for ${r.sku}: ${r.onHand} on hand at ${r.locationName}.`);
    }
  };
  return (
    <form className="form-grid move-form" aria-label="Count one bin" onSubmit={(e) => { e.preventDefault(); void count(); }} data-testid="count-bin-form">
      <SelectInput label="Count bin" value={binId} onChange={setBinId} error={errors.binId} testId="count-bin">
        {bins.map((b) => <option key={b.id} value={b.id}>{b.code}</option>)}
      </SelectInput>
      <TextInput label="Units in it" value={counted} onChange={setCounted} error={errors.counted} testId="count-bin-units" inputMode="numeric" />
      <TextInput label="Reason" value={reason} onChange={setReason} error={errors.reason} testId="count-bin-reason" maxLength={500} />
      <button type="submit" className="button" disabled={busy} data-testid="count-bin-submit">{busy ? 'Recording…' : 'Record bin count'}</button>
      <FormError text={general} />
    </form>
  );
}
