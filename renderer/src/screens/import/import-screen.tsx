import { useState } from 'react';
import { ImportPanel } from './import-panel';
import { ExportPanel } from './export-panel';
import './import.css';

/** Moving off spreadsheets: orders and catalog in (checked, previewed, confirmed), orders, stock and shipments out. */
export function ImportScreen() {
  const [kind, setKind] = useState<'orders' | 'catalog'>('orders');
  return (
    <section className="import-screen" aria-labelledby="import-title">
      <div className="toolbar">
        <h1 id="import-title" className="toolbar-title">Import and export</h1>
        <div className="tabs" role="tablist" aria-label="What to import">
          <button type="button" role="tab" className="button tab" aria-selected={kind === 'orders'} onClick={() => setKind('orders')} data-testid="import-kind-orders">Import orders</button>
          <button type="button" role="tab" className="button tab" aria-selected={kind === 'catalog'} onClick={() => setKind('catalog')} data-testid="import-kind-catalog">Import catalog</button>
        </div>
      </div>
      <div role="tabpanel" aria-label={kind === 'orders' ? 'Import orders' : 'Import catalog'}>
        <ImportPanel key={kind} kind={kind} />
      </div>
      <ExportPanel />
    </section>
  );
}
