import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { OrderDetail } from '../../../../shared/contract/orders';
import type { ShortageSchema } from '../../../../shared/contract/stock-sync-api';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

type Shortage = z.infer<typeof ShortageSchema>;

/** An order that arrived with its stock already sold elsewhere (#7): three ways out, never dropped silently. */
export function ShortageBanner({ order, onChanged }: { order: OrderDetail; onChanged(o: OrderDetail): void }) {
  const [shortage, setShortage] = useState<Shortage | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => { api.call('stockSync.shortage', { orderId: order.id }).then(setShortage, () => setShortage(null)); }, [order.id]);
  useEffect(load, [load, order.status, order.events.length]);
  useApiEvent('orders.changed', (p) => { if (p.ids.includes(order.id)) load(); });
  if (!shortage || shortage.status !== 'open') return null;

  const choose = async (choice: 'backorder' | 'cancel' | 'adjust') => {
    setBusy(true);
    try {
      onChanged(await api.call('stockSync.resolveShortage', { orderId: order.id, choice, reason }));
      useAppStore.getState().showInfo(choice === 'backorder' ? `Order ${order.number} waits for stock.` : choice === 'cancel' ? `Order ${order.number} is cancelled; the shop is told why.` : `Stock adjusted for order ${order.number}.`);
      load();
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="conflict-banner" role="alert" aria-labelledby="shortage-title" data-testid="shortage-banner">
      <h2 id="shortage-title">Not enough stock for this order</h2>
      <p>It arrived after the last {shortage.lines.length === 1 ? 'unit was' : 'units were'} sold elsewhere: {shortage.lines.map((l) => `${l.short} of ${l.wanted} × ${l.sku}`).join(', ')} missing.</p>
      <label className="stock-reason">Reason (the customer reads it if you cancel)<input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="shortage-reason" /></label>
      <div className="action-row">
        <button type="button" className="button" disabled={busy} onClick={() => void choose('backorder')} data-testid="shortage-backorder">Back-order (wait for stock)</button>
        <button type="button" className="button" disabled={busy || !reason.trim()} onClick={() => void choose('cancel')} data-testid="shortage-cancel">Cancel on the shop</button>
        <button type="button" className="button" disabled={busy || !reason.trim()} onClick={() => void choose('adjust')} data-testid="shortage-adjust">Adjust stock (it is on the shelf)</button>
      </div>
    </section>
  );
}
