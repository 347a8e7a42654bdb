import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderRow } from '../../../../shared/contract/orders';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import { usePackStore } from './pack-store';

/** The oldest open orders, for a packer without a slip to scan. */
export function OpenOrders() {
  const [rows, setRows] = useState<OrderRow[] | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('orders.list', { status: 'open', limit: 8 }).then(
      (r) => { if (mine === seq.current) setRows(r.rows); },
      () => { if (mine === seq.current) setRows([]); },
    );
  }, []);
  useEffect(() => {
    load();
    return () => { seq.current++; clearTimeout(timer.current); };
  }, [load, epoch]);
  useApiEvent('orders.changed', () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(load, 300);
  });
  return (
    <section className="open-orders panel" aria-labelledby="open-orders-title">
      <h2 id="open-orders-title">Open orders</h2>
      {rows === null ? <p className="muted">Loading…</p> : rows.length === 0 ? <p className="muted">No open orders waiting.</p> : (
        <ul className="open-order-list">
          {rows.map((o) => (
            <li key={o.id}>
              <button type="button" className="button button-quiet open-order" onClick={() => void usePackStore.getState().openOrder(o.id)} data-testid="pack-open-order">
                <span className="mono">{o.number}</span> <span className="open-order-customer">{o.customerName}</span> <span className="muted">{o.itemCount} item{o.itemCount === 1 ? '' : 's'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
