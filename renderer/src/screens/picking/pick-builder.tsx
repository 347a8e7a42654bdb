import { useCallback, useEffect, useState } from 'react';
import type { Location } from '../../../../shared/contract/inventory';
import type { PickCandidate } from '../../../../shared/contract/picking';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useDebounced } from '../../hooks/use-debounced';
import { useAppStore } from '../../stores/app-store';

type Filter = { singleItemOnly: boolean; tag: string; carrier: string; before: string };
const EMPTY: Filter = { singleItemOnly: false, tag: '', carrier: '', before: '' };

/** Today at hh:mm, local time, as UTC ISO ("everything for UPS before 3 pm"). */
function beforeIso(hhmm: string): string | undefined {
  if (!/^\d{2}:\d{2}$/.test(hhmm)) return undefined;
  const d = new Date();
  d.setHours(Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)), 0, 0);
  return d.toISOString();
}

/** Choose open orders (by hand or by a filter) and make a single, batch or wave pick list from them. */
export function PickBuilder({ onMade }: { onMade(listId: number): void }) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<number | null>(null);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [rows, setRows] = useState<PickCandidate[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [kind, setKind] = useState<'single' | 'batch' | 'wave'>('batch');
  const [limit, setLimit] = useState(10);
  const [totes, setTotes] = useState(12);
  const [busy, setBusy] = useState(false);
  const [leftOut, setLeftOut] = useState<Array<{ number: string; why: string }>>([]);
  const epoch = useAppStore((s) => s.dataEpoch);
  const f = useDebounced(filter, 250);

  useEffect(() => {
    api.call('locations.list', {}).then((l) => { setLocations(l); setLocationId((id) => id ?? l[0]?.id ?? null); }, (e: unknown) => useAppStore.getState().showError(e));
  }, [epoch]);

  const load = useCallback(() => {
    if (locationId === null) return;
    const before = beforeIso(f.before);
    api.call('picking.candidates', { locationId, singleItemOnly: f.singleItemOnly, tag: f.tag, carrier: f.carrier, limit, ...(before ? { before } : {}) }).then((r) => {
      setRows(r);
      setChosen(new Set(r.map((c) => c.id)));
    }, (e: unknown) => useAppStore.getState().showError(e));
  }, [locationId, f, limit]);
  useEffect(load, [load, epoch]);
  useApiEvent('orders.changed', load);

  const make = async () => {
    if (locationId === null) return;
    setBusy(true);
    try {
      const ids = rows.filter((r) => chosen.has(r.id)).map((r) => r.id);
      const out = await api.call('picking.create', { kind: ids.length === 1 ? 'single' : kind === 'single' ? 'batch' : kind, locationId, orderIds: ids, totesPerList: totes });
      setLeftOut(out.leftOut);
      useAppStore.getState().showInfo(`${out.lists.length === 1 ? `Pick list “${out.lists[0]!.name}” is ready` : `${out.lists.length} pick lists are ready`}${out.leftOut.length ? `; ${out.leftOut.length} order(s) were left out (see why below)` : ''}.`);
      if (out.lists.length === 1) onMade(out.lists[0]!.id);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="pick-builder panel" aria-labelledby="pick-builder-title" data-testid="pick-builder">
      <h2 id="pick-builder-title">Make a pick list</h2>
      <div className="pick-filters">
        <label className="field"><span className="field-label">From</span>
          <select className="input" value={locationId ?? ''} onChange={(e) => setLocationId(Number(e.target.value))} data-testid="pick-location">
            {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
        <label className="field"><span className="field-label">Tag</span><input className="input" value={filter.tag} onChange={(e) => setFilter({ ...filter, tag: e.target.value })} /></label>
        <label className="field"><span className="field-label">Carrier</span><input className="input" value={filter.carrier} onChange={(e) => setFilter({ ...filter, carrier: e.target.value })} placeholder="e.g. UPS" /></label>
        <label className="field"><span className="field-label">Arrived before (today)</span><input className="input" type="time" value={filter.before} onChange={(e) => setFilter({ ...filter, before: e.target.value })} /></label>
        <label className="pick-check"><input type="checkbox" checked={filter.singleItemOnly} onChange={(e) => setFilter({ ...filter, singleItemOnly: e.target.checked })} /> Single-item orders only</label>
        <label className="field"><span className="field-label">At most</span><input className="input" type="number" min={1} max={500} value={limit} onChange={(e) => setLimit(Math.max(1, Math.min(500, Number(e.target.value) || 1)))} data-testid="pick-limit" /></label>
      </div>
      <p className="muted" data-testid="pick-candidates-count">{rows.length} open order{rows.length === 1 ? '' : 's'} match, most urgent and oldest first; {chosen.size} chosen.</p>
      <ul className="pick-candidates">
        {rows.map((r) => (
          <li key={r.id}>
            <label className="pick-check">
              <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(r.id); else next.delete(r.id); setChosen(next); }} />
              <span className="mono">{r.number}</span> {r.customerName} <span className="muted">{r.itemCount} item{r.itemCount === 1 ? '' : 's'}{r.priority !== 'normal' ? ` · ${r.priority}` : ''}{r.tags.length ? ` · ${r.tags.join(', ')}` : ''}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="pick-make">
        <fieldset className="pick-kinds">
          <legend>Kind</legend>
          {(['batch', 'wave'] as const).map((k) => (
            <label key={k} className="pick-check"><input type="radio" name="pick-kind" checked={kind === k} onChange={() => setKind(k)} /> {k === 'batch' ? 'Batch (one walk, a tote per order)' : 'Wave (cut into carts)'}</label>
          ))}
        </fieldset>
        {kind === 'wave' ? <label className="field"><span className="field-label">Totes per cart</span><input className="input" type="number" min={1} max={50} value={totes} onChange={(e) => setTotes(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} /></label> : null}
        <button type="button" className="button button-primary" disabled={busy || chosen.size === 0} onClick={() => void make()} data-testid="pick-make">
          {busy ? 'Making…' : chosen.size === 1 ? 'Make a pick list for 1 order' : `Make pick list${kind === 'wave' ? 's' : ''} for ${chosen.size} orders`}
        </button>
      </div>
      {leftOut.length ? (
        <div className="pick-left-out" role="status"><h3>Left out</h3><ul>{leftOut.map((l) => <li key={l.number}>{l.number}: {l.why}</li>)}</ul></div>
      ) : null}
    </section>
  );
}
