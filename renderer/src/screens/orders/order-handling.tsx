import { useCallback, useEffect, useState } from 'react';
import type { OrderDetail } from '../../../../shared/contract/orders';
import type { OrderHandling } from '../../../../shared/contract/rules';
import type { RoutePlanView } from '../../../../shared/contract/routing';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';

/** Tags (typed here or from the channel), what the rules decided, and where the order ships from. */
export function OrderHandlingPanel({ order, onChanged }: { order: OrderDetail; onChanged(): void }) {
  const [h, setH] = useState<OrderHandling | null>(null);
  const [plan, setPlan] = useState<RoutePlanView | null>(null);
  const [tags, setTags] = useState('');
  const fail = (e: unknown) => useAppStore.getState().showError(e);
  const load = useCallback(() => {
    api.call('orders.handling', { id: order.id }).then((x) => { setH(x); setTags(x.tags.join(', ')); }, fail);
    api.call('routing.plan', { orderId: order.id }).then(setPlan, fail);
  }, [order.id]);
  useEffect(load, [load, order]);
  const saveTags = async () => {
    try { await api.call('orders.setTags', { id: order.id, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) }); onChanged(); } catch (e) { fail(e); }
  };
  const act = async (what: 'route' | 'agree' | 'transfer') => {
    try {
      if (what === 'route') await api.call('routing.route', { orderId: order.id });
      if (what === 'agree') await api.call('routing.agreeSplit', { orderId: order.id });
      if (what === 'transfer' && plan) {
        const from = new Map<number, Array<{ variantId: number; quantity: number }>>();
        for (const t of plan.transfers) from.set(t.fromLocationId, [...(from.get(t.fromLocationId) ?? []), { variantId: t.variantId, quantity: t.quantity }]);
        for (const [fromLocationId, lines] of from) await api.call('transfers.create', { fromLocationId, toLocationId: plan.locationId!, lines, orderId: order.id });
        useAppStore.getState().showInfo('The transfer is on its way; receive it on the Picking screen when it arrives.');
      }
      onChanged();
    } catch (e) { fail(e); }
  };
  if (!h) return null;
  const decided = [
    h.ruleTags.length ? `tags ${h.ruleTags.join(', ')}` : '', h.priority !== 'normal' ? `priority ${h.priority}` : '',
    h.carrier ? `ships with ${h.carrier}${h.service ? ` ${h.service}` : ''}` : '', h.packagePreset ? `packed in ${h.packagePreset}` : '',
  ].filter(Boolean);
  const waiting = plan?.shipments.some((s) => s.status === 'proposed');
  return (
    <section className="panel" aria-labelledby="handling-title" data-testid="order-handling">
      <h2 id="handling-title">Handling</h2>
      <form className="handling-tags" onSubmit={(e) => { e.preventDefault(); void saveTags(); }}>
        <label className="field field-grow"><span className="field-label">Tags (comma between)</span>
          <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} data-testid="order-tags" />
        </label>
        <button type="submit" className="button">Save tags</button>
      </form>
      <p>{decided.length ? `Rules decided: ${decided.join('; ')}.` : 'No rule has set anything on this order.'}{h.note ? ` Customer note: “${h.note}”.` : ''}{h.risk !== 'unknown' ? ` Risk: ${h.risk}.` : ''}</p>
      {plan && plan.kind !== 'none' ? (
        <div className="handling-route" data-testid="order-route">
          <p><strong>Routing:</strong> {plan.why}.</p>
          {plan.shipments.length ? <ul>{plan.shipments.map((s) => <li key={s.locationId}>{s.locationName} ({s.status === 'agreed' ? 'agreed' : 'waiting for your consent'}): {s.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</li>)}</ul> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void act('route')}>Route again</button>
            {waiting ? <button type="button" className="button button-primary" onClick={() => void act('agree')}>Ship in {plan.shipments.length} parcels</button> : null}
            {plan.transfers.length ? <button type="button" className="button" onClick={() => void act('transfer')}>Send the missing units to {plan.locationName}</button> : null}
          </div>
        </div>
      ) : plan ? <p className="muted">{plan.why}</p> : null}
    </section>
  );
}
