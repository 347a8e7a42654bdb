import { useCallback, useEffect, useRef, useState } from 'react';
import type { Location, StockRow } from '../../../../shared/contract/inventory';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useDebounced } from '../../hooks/use-debounced';
import { plural } from '../../lib/format';
import { AppError } from '../../../../shared/contract/errors';
import { receiveScansOn } from '../../scan/scan-router';
import { playBlocked } from '../../sound/feedback-sound';
import { useAppStore } from '../../stores/app-store';
import { usePackStore } from '../pack/pack-store';
import { StockPanel } from './stock-panel';
import { StockTable, stockKey } from './stock-table';
import './inventory.css';
import { SearchField } from '../../components/search-field';

// a station's stock list is hundreds of rows, not millions; past this the packer narrows with search
const LIST_LIMIT = 500;

export function InventoryScreen() {
  const [search, setSearch] = useState('');
  const [locationId, setLocationId] = useState<number | ''>('');
  const [locations, setLocations] = useState<Location[]>([]);
  const [rows, setRows] = useState<StockRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const q = useDebounced(search.trim(), 150);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('inventory.list', { q, ...(locationId !== '' ? { locationId } : {}), limit: LIST_LIMIT }).then(
      (answer) => {
        if (mine !== seq.current) return; // a newer search already asked
        setRows(answer.rows);
        setTotal(answer.total);
      },
      (e: unknown) => { if (mine === seq.current) useAppStore.getState().showError(e); },
    );
  }, [q, locationId]);

  useEffect(() => { load(); }, [load, epoch]);
  useEffect(() => {
    let live = true;
    api.call('locations.list', {}).then((l) => { if (live) setLocations(l); }, (e: unknown) => useAppStore.getState().showError(e));
    return () => { live = false; };
  }, [epoch]);
  useApiEvent('inventory.changed', () => load());

  // a product scanned here is found: the list narrows to it and its row opens
  const [scannedVariant, setScannedVariant] = useState<number | null>(null);
  useEffect(() => receiveScansOn('inventory', (code) => {
    void api.call('scan.lookup', { code }).then(
      (found) => {
        if (found.kind === 'product') {
          setSearch(found.sku);
          setScannedVariant(found.variantId);
          useAppStore.getState().showInfo(`${found.code} is ${found.sku} (${found.title}).`);
        } else if (found.kind === 'order') {
          void usePackStore.getState().handleScan(code, 'scan');
        } else {
          playBlocked();
          useAppStore.getState().showError(new AppError('not_found', found.message, found.hint));
        }
      },
      (e: unknown) => useAppStore.getState().showError(e),
    );
  }), []);
  useEffect(() => {
    if (scannedVariant === null) return;
    const row = rows.find((r) => r.variantId === scannedVariant);
    if (!row) return;
    setSelectedKey(stockKey(row));
    setScannedVariant(null);
  }, [rows, scannedVariant]);

  const selected = rows.find((r) => stockKey(r) === selectedKey) ?? null;
  const replaceRow = (row: StockRow) => setRows((all) => all.map((r) => (stockKey(r) === stockKey(row) ? row : r)));

  return (
    <section className="inventory" aria-labelledby="inventory-title">
      <div className="inventory-list">
        <div className="toolbar" role="search">
          <h1 id="inventory-title" className="toolbar-title">Inventory</h1>
          <SearchField
            label="Search"
            ariaLabel="Search stock"
            placeholder="SKU, title or barcode"
            value={search}
            onChange={setSearch}
            testId="inventory-search"
          />
          <label className="field">
            <span className="field-label">Location</span>
            <select className="input" value={locationId === '' ? '' : String(locationId)} onChange={(e) => setLocationId(e.target.value === '' ? '' : Number(e.target.value))} data-testid="inventory-location-filter">
              <option value="">All locations</option>
              {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>
          <p className="result-count" aria-live="polite" data-testid="inventory-count">
            {total === null ? 'Loading…' : total > rows.length ? `First ${rows.length} of ${total.toLocaleString()} — search to narrow` : plural(total, 'stock row', 'stock rows')}
          </p>
        </div>
        <StockTable rows={rows} selectedKey={selectedKey} onSelect={(r) => setSelectedKey(stockKey(r))} />
      </div>
      {selected ? (
        <StockPanel key={stockKey(selected)} row={selected} onAdjusted={replaceRow} />
      ) : (
        <aside className="panel stock-panel stock-panel-empty" aria-label="Stock detail">
          <p>Choose a row to see its movements and to record a count.</p>
        </aside>
      )}
    </section>
  );
}
