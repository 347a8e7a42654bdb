import { useCallback, useEffect, useState } from 'react';
import type { OrderDetail } from '../../../../shared/contract/orders';
import type { OrderConflict } from '../../../../shared/contract/sync-api';
import { addressLines } from '../../../../shared/domain/address';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';
import '../sync/sync.css';

type Side = OrderConflict['ours'];

function SideView({ title, side, other, kinds }: { title: string; side: Side; other: Side; kinds: string[] }) {
  const addressChanged = kinds.includes('address');
  const linesChanged = kinds.includes('lines');
  const statusChanged = kinds.some((k) => k === 'cancelled' || k === 'fulfilled' || k === 'status');
  const otherQty = new Map(other.lines.map((l) => [l.sku, l.quantity]));
  return (
    <section className="conflict-side" aria-label={title} data-testid={title === 'Ours' ? 'conflict-ours' : 'conflict-theirs'}>
      <h3>{title}</h3>
      <p className={statusChanged ? 'changed' : ''}>{side.status}</p>
      <address className={addressChanged ? 'changed' : ''}>{addressLines(side.shipTo).join('\n')}</address>
      <ul className={linesChanged ? '' : 'muted'}>
        {side.lines.map((l) => (
          <li key={l.sku} className={otherQty.get(l.sku) !== l.quantity ? 'changed' : ''}>{l.quantity} × {l.sku} {l.title}</li>
        ))}
      </ul>
      {side.note ? <p className="muted">Customer note: {side.note.slice(0, 300)}{side.note.length > 300 ? '…' : ''}</p> : null}
    </section>
  );
}

/**
 * An order that changed on its shop after the bench started on it: ours and theirs side by side, and the
 * choice. Nothing ships (no label, no shipment sent) until someone chooses.
 */
export function ConflictBanner({ order, onChanged }: { order: OrderDetail; onChanged(o: OrderDetail): void }) {
  const [conflict, setConflict] = useState<OrderConflict | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api.call('sync.conflict', { orderId: order.id }).then(setConflict, () => setConflict(null));
  }, [order.id]);
  useEffect(load, [load, order.status, order.events.length]);
  useApiEvent('orders.changed', (p) => { if (p.ids.includes(order.id)) load(); });
  if (!conflict) return null;

  const choose = async (choice: 'ours' | 'theirs') => {
    setBusy(true);
    try {
      const next = await api.call('sync.resolveConflict', { orderId: order.id, choice });
      onChanged(next);
      setConflict(null);
      useAppStore.getState().showInfo(choice === 'ours' ? `Order ${next.number}: our version kept; it is ${next.status.replace('_', ' ')} again.` : `Order ${next.number}: ${conflict.channelName}'s version taken.`);
    } catch (e) {
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };
  const where = conflict.heldFrom === 'packed' ? 'after it was packed' : conflict.heldFrom === 'picking' ? 'while it was being packed' : 'before it was packed here';
  return (
    <section className="conflict-banner" role="alert" aria-labelledby="conflict-title" data-testid="conflict-banner">
      <h2 id="conflict-title">Changed on {conflict.channelName} {where}</h2>
      <p>{conflict.summary.charAt(0).toUpperCase() + conflict.summary.slice(1)}. The order is on hold: no label and no shipment goes out until you choose.</p>
      <div className="conflict-sides">
        <SideView title="Ours" side={conflict.ours} other={conflict.theirs} kinds={conflict.kinds} />
        <SideView title="Theirs" side={conflict.theirs} other={conflict.ours} kinds={conflict.kinds} />
      </div>
      <div className="action-row">
        <button type="button" className="button" disabled={busy} onClick={() => void choose('ours')} data-testid="conflict-keep-ours">
          Keep ours{conflict.heldFrom === 'packed' ? ' (ship the parcel as packed)' : ''}
        </button>
        <button type="button" className={`button${conflict.kinds.includes('cancelled') ? ' button-danger' : ' button-primary'}`} disabled={busy || !conflict.canTakeTheirs}
          onClick={() => void choose('theirs')} data-testid="conflict-take-theirs">
          {conflict.kinds.includes('cancelled') ? 'Take theirs: cancel the order' : conflict.kinds.includes('fulfilled') ? 'Take theirs: it already shipped' : 'Take theirs'}
        </button>
      </div>
      {!conflict.canTakeTheirs ? <p className="muted">The parcel was packed with the old items, so the new items cannot simply replace them: keep ours, or cancel the order and pack the new items as a new order.</p> : null}
    </section>
  );
}
