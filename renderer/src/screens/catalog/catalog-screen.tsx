import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProductRow } from '../../../../shared/contract/catalog';
import type { LocationDetail } from '../../../../shared/contract/warehouse';
import { api } from '../../api/client';
import { SearchField } from '../../components/search-field';
import { useApiEvent } from '../../hooks/use-api-event';
import { useDebounced } from '../../hooks/use-debounced';
import { plural } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { ProductEditor } from './product-editor';
import { emptyProduct, toForm, type ProductForm } from './product-form-state';
import { ProductImage } from './product-image';
import './catalog.css';

/** Products and variants: search, create, edit, archive. CSV import and export are on the Import screen. */
export function CatalogScreen() {
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [rows, setRows] = useState<ProductRow[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [editing, setEditing] = useState<ProductForm | null>(null);
  const [locations, setLocations] = useState<LocationDetail[]>([]);
  const epoch = useAppStore((s) => s.dataEpoch);
  const q = useDebounced(search.trim(), 150);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('catalog.list', { q, archived, limit: 300 }).then((r) => {
      if (mine !== seq.current) return;
      setRows(r.rows);
      setTotal(r.total);
    }, (e: unknown) => { if (mine === seq.current) useAppStore.getState().showError(e); });
  }, [q, archived]);
  useEffect(() => { load(); }, [load, epoch]);
  useEffect(() => {
    api.call('warehouse.locations', {}).then(setLocations, (e: unknown) => useAppStore.getState().showError(e));
  }, [epoch]);
  useApiEvent('catalog.changed', () => load());
  useApiEvent('warehouse.changed', () => void api.call('warehouse.locations', {}).then(setLocations, () => undefined));

  const open = async (id: number) => {
    try {
      setEditing(toForm(await api.call('catalog.get', { id })));
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };

  return (
    <section className="split-screen catalog" aria-labelledby="catalog-title">
      <div className="catalog-list">
        <div className="toolbar" role="search">
          <h1 id="catalog-title" className="toolbar-title">Catalog</h1>
          <SearchField label="Search" ariaLabel="Search the catalog" placeholder="Name, SKU or barcode" value={search} onChange={setSearch} testId="catalog-search" />
          <label className="field checkbox-field">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} data-testid="catalog-archived" />
            <span>Show archived</span>
          </label>
          <button type="button" className="button button-primary" onClick={() => setEditing(emptyProduct())} data-testid="catalog-new">New product</button>
        </div>
        <p className="result-count" aria-live="polite" data-testid="catalog-count">
          {total === null ? 'Loading…' : total === 0 && !q && !archived ? 'No products yet. Add one with "New product", or import a catalog CSV on the Import screen (Alt+Shift+5).' : plural(total, 'product', 'products')}
        </p>
        <ul className="list-rows" aria-label="Products">
          {rows.map((r) => (
            <li key={r.id}>
              <button type="button" className="list-row catalog-row" aria-current={editing?.id === r.id ? 'true' : undefined} onClick={() => void open(r.id)} data-testid="catalog-row" data-title={r.title}>
                <ProductImage imageId={r.imageId} alt="" className="product-thumb" />
                <span className="catalog-row-text">
                  <strong>{r.title}</strong>
                  <span className="mono muted">{r.skus.join(' · ')}{r.variantCount > r.skus.length ? ' …' : ''}</span>
                  <span className="muted">{plural(r.variantCount, 'variant', 'variants')}, {plural(r.barcodeCount, 'barcode', 'barcodes')}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        {editing ? (
          <ProductEditor initial={editing} locations={locations} onSaved={(id) => { load(); void open(id); }} onClose={() => setEditing(null)} />
        ) : (
          <aside className="panel stock-panel-empty" aria-label="Product">
            <p>Choose a product to edit it, or add a new one.</p>
          </aside>
        )}
      </div>
    </section>
  );
}
