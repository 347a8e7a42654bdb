import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import { usePackStore } from './pack-store';

type Ready = MethodOutput<'picking.readyToPack'>;

/** Orders a picker has brought to the bench (each in its tote), oldest list first. */
export function ReadyToPack() {
  const [rows, setRows] = useState<Ready>([]);
  const epoch = useAppStore((s) => s.dataEpoch);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const load = useCallback(() => {
    api.call('picking.readyToPack', {}).then(setRows, () => setRows([]));
  }, []);
  useEffect(() => { load(); return () => clearTimeout(timer.current); }, [load, epoch]);
  const later = () => { clearTimeout(timer.current); timer.current = setTimeout(load, 300); };
  useApiEvent('orders.changed', later);
  useApiEvent('picking.changed', later);
  if (!rows.length) return null;
  return (
    <section className="open-orders panel" aria-labelledby="ready-to-pack-title" data-testid="ready-to-pack">
      <h2 id="ready-to-pack-title">Picked, ready to pack</h2>
      <ul className="open-order-list">
        {rows.map((o) => (
          <li key={o.orderId}>
            <button type="button" className="button button-quiet open-order" onClick={() => void usePackStore.getState().openOrder(o.orderId)} data-testid="ready-order">
              <span className="mono">{o.number}</span> <span className="open-order-customer">{o.customerName}</span> <span className="muted">tote {o.tote} · {o.listName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
