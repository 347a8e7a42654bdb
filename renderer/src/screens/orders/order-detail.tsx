import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderDetail } from '../../../../shared/contract/orders';
import { api } from '../../api/client';
import { StatusBadge } from '../../components/status-badge';
import { useApiEvent } from '../../hooks/use-api-event';
import { formatTime } from '../../lib/format';
import { isTypingTarget } from '../../lib/keys';
import { useAppStore } from '../../stores/app-store';
import { useOrdersStore } from '../../stores/orders-store';
import { ConflictBanner } from './conflict-banner';
import { ShortageBanner } from './shortage-banner';
import { OrderActions } from './order-actions';
import { OrderLines, OrderTotals } from './order-lines';
import { OrderHandlingPanel } from './order-handling';
import { OrderTimeline } from './order-timeline';
import { ShipTo } from './ship-to';
import { OrderReturns } from '../returns/order-returns';
import './order-detail.css';

export function OrderDetailView({ id }: { id: number }) {
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const close = useOrdersStore((s) => s.close);
  const backRef = useRef<HTMLButtonElement>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    api.call('orders.get', { id }).then(
      (o) => { if (mine === seq.current) { setOrder(o); setFailed(false); } },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setFailed(true);
        useAppStore.getState().showError(e);
      },
    );
  }, [id]);

  const epoch = useAppStore((s) => s.dataEpoch);
  useEffect(() => {
    load();
    return () => { seq.current++; }; // an answer for a closed detail is dropped
  }, [load, epoch]);
  useApiEvent('orders.changed', (p) => { if (p.ids.includes(id)) load(); });
  // stock moves elsewhere change what is available for these lines
  useApiEvent('inventory.changed', (p) => {
    if (order?.lines.some((l) => l.variantId !== null && p.variantIds.includes(l.variantId))) load();
  });

  useEffect(() => { backRef.current?.focus({ preventScroll: true }); }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // "/" searches the queue from here too, as the queue's key help says
      if (e.key === '/' && !e.altKey && !e.ctrlKey && !e.metaKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        useOrdersStore.getState().close({ search: true });
        return;
      }
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  return (
    <article className="order-detail" aria-labelledby="order-title" data-testid="order-detail">
      <div className="detail-head">
        <button ref={backRef} type="button" className="button" onClick={() => close()} data-testid="back-to-queue">
          ← Back to the queue <kbd>Esc</kbd>
        </button>
        {order ? (
          <>
            <h1 id="order-title" className="detail-title">
              Order {order.number} <StatusBadge status={order.status} />
            </h1>
            <p className="detail-meta">
              {order.customerName} · {order.channelName} · received {formatTime(order.createdAt)} · ships from {order.locationName}
            </p>
          </>
        ) : (
          <h1 id="order-title" className="detail-title">{failed ? 'This order could not be opened' : 'Opening the order…'}</h1>
        )}
      </div>
      {order ? (
        <>
          <ConflictBanner order={order} onChanged={setOrder} />
          <ShortageBanner order={order} onChanged={setOrder} />
          <OrderActions order={order} onChanged={setOrder} />
          <div className="detail-grid">
            <section className="panel detail-lines" aria-labelledby="lines-title">
              <h2 id="lines-title">Items</h2>
              <OrderLines order={order} />
              <OrderTotals order={order} />
            </section>
            <ShipTo address={order.shipTo} />
            <OrderHandlingPanel order={order} onChanged={() => void api.call('orders.get', { id: order.id }).then(setOrder, () => undefined)} />
            <OrderReturns orderId={order.id} />
            <OrderTimeline events={order.events} />
          </div>
        </>
      ) : null}
    </article>
  );
}
