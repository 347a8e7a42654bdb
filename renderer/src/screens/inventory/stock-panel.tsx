import { useCallback, useEffect, useRef, useState } from 'react';
import type { Movement, StockRow } from '../../../../shared/contract/inventory';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import { AdjustForm } from './adjust-form';
import { StockHistory } from './stock-history';
import { BinStock } from './bin-stock';

/** One SKU at one location: its ledger and a way to record a shelf count. */
export function StockPanel({ row, onAdjusted }: { row: StockRow; onAdjusted(row: StockRow): void }) {
  const [history, setHistory] = useState<Movement[] | null>(null);
  const seq = useRef(0);
  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('inventory.history', { variantId: row.variantId, locationId: row.locationId, limit: 100 }).then(
      (h) => { if (mine === seq.current) setHistory(h); },
      (e: unknown) => { if (mine === seq.current) useAppStore.getState().showError(e); },
    );
  }, [row.variantId, row.locationId]);
  useEffect(() => { load(); }, [load]);
  useApiEvent('inventory.changed', (p) => { if (p.variantIds.includes(row.variantId)) load(); });

  return (
    <aside className="panel stock-panel" aria-labelledby="stock-panel-title" data-testid="stock-panel">
      <h2 id="stock-panel-title">
        <span className="mono">{row.sku}</span> at {row.locationName}
      </h2>
      <p className="stock-title">{row.title}</p>
      <dl className="stock-figures">
        <div><dt>On hand</dt><dd data-testid="panel-on-hand">{row.onHand}</dd></div>
        <div><dt>Committed</dt><dd>{row.committed}</dd></div>
        <div><dt>Available</dt><dd className={row.available < 0 ? 'short-stock' : undefined}>{row.available}</dd></div>
        <div><dt>Bin</dt><dd className="mono">{row.bin ?? '—'}</dd></div>
      </dl>
      <BinStock row={row} />
      <AdjustForm row={row} onAdjusted={(r) => { onAdjusted(r); load(); }} />
      <StockHistory movements={history} />
    </aside>
  );
}
