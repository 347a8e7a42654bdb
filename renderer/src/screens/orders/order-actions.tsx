import { useId, useState } from 'react';
import type { OrderDetail } from '../../../../shared/contract/orders';
import { STATUS_WORDS, type OrderStatus } from '../../../../shared/domain/order-state';
import { api } from '../../api/client';
import { fieldErrors } from '../../lib/describe-error';
import { useAppStore } from '../../stores/app-store';

const ACTION_WORDS: Record<OrderStatus, string> = {
  open: 'Back to open',
  picking: 'Start picking',
  packed: 'Mark as packed',
  shipped: 'Mark as shipped',
  on_hold: 'Put on hold',
  cancelled: 'Cancel order',
  short: 'Mark as short',
};

// stopping an order is a decision somebody must be able to explain later
const NEEDS_REASON: readonly OrderStatus[] = ['on_hold', 'cancelled'];

export function OrderActions({ order, onChanged }: { order: OrderDetail; onChanged(o: OrderDetail): void }) {
  const [asking, setAsking] = useState<OrderStatus | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();

  const run = async (to: OrderStatus, why: string) => {
    setBusy(true);
    try {
      const next = await api.call('orders.transition', { id: order.id, to, reason: why });
      onChanged(next);
      setAsking(null);
      setReason('');
      setReasonError(null);
      useAppStore.getState().showInfo(`Order ${next.number} is now ${STATUS_WORDS[next.status].toLowerCase()}.`);
    } catch (e) {
      setReasonError(fieldErrors(e).reason ?? null);
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  const choose = (to: OrderStatus) => {
    if (NEEDS_REASON.includes(to)) {
      setAsking(to);
      setReasonError(null);
      return;
    }
    void run(to, '');
  };

  if (order.nextStatuses.length === 0) {
    // a shipped order can still come back: its returns are below, so "nothing more" would be wrong
    return (
      <p className="muted actions-final" data-testid="order-actions">
        {order.status === 'shipped' ? 'This order has shipped; its status does not change any more. If something comes back, announce a return below.'
          : `This order is ${STATUS_WORDS[order.status].toLowerCase()}; nothing more happens to it.`}
      </p>
    );
  }
  return (
    <div className="order-actions" data-testid="order-actions">
      <div className="action-row" role="group" aria-label="Change status">
        {order.nextStatuses.map((to) => (
          <button
            key={to}
            type="button"
            className={`button${to === 'cancelled' ? ' button-danger' : ''}`}
            disabled={busy}
            aria-pressed={asking === to}
            onClick={() => choose(to)}
          >
            {ACTION_WORDS[to]}
          </button>
        ))}
      </div>
      {asking ? (
        <form
          className="reason-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setReasonError(`Say why the order is ${asking === 'cancelled' ? 'cancelled' : 'put on hold'}.`);
              return;
            }
            void run(asking, reason.trim());
          }}
          onKeyDown={(e) => {
            // Escape leaves the question, not the order
            if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setAsking(null); }
          }}
        >
          <label className="field field-grow" htmlFor={reasonId}>
            <span className="field-label">Reason to {ACTION_WORDS[asking].toLowerCase()} (required)</span>
            <input
              id={reasonId}
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
              maxLength={500}
              autoComplete="off"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
              data-testid="transition-reason"
            />
            {reasonError ? <span id={`${reasonId}-error`} className="field-error">{reasonError}</span> : null}
          </label>
          <button type="submit" className={`button${asking === 'cancelled' ? ' button-danger' : ' button-primary'}`} disabled={busy}>
            {ACTION_WORDS[asking]}
          </button>
          <button type="button" className="button" onClick={() => setAsking(null)} disabled={busy}>Never mind</button>
        </form>
      ) : null}
    </div>
  );
}
