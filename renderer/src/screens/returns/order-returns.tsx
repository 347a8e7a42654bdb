import { useCallback, useEffect, useId, useState } from 'react';
import type { OrderReturns as OrderReturnsData, RefundBreakdownView } from '../../../../shared/contract/returns';
import { RETURN_STATUS_WORDS } from '../../../../shared/domain/return-state';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { fieldErrors } from '../../lib/describe-error';
import { money } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { downloadReturnSlip } from './return-slip';
import { useReturnsStore } from './returns-store';

type Pick = { quantity: string; reasonCode: string; exchangeSku: string };

/**
 * The order's returns, and announcing a new one: which items and how many, why (the shop's own list),
 * and how the parcel comes back. The refund it would give is shown before anything is created.
 */
export function OrderReturns({ orderId }: { orderId: number }) {
  const [data, setData] = useState<OrderReturnsData | null>(null);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    api.call('returns.forOrder', { orderId }).then(setData, (e: unknown) => useAppStore.getState().showError(e));
  }, [orderId]);
  useEffect(load, [load]);
  useApiEvent('returns.changed', (p) => { if (p.orderId === orderId) load(); });
  if (!data) return null;

  const openReturn = (id: number) => {
    void useReturnsStore.getState().openReturn(id);
    useAppStore.getState().go('returns');
  };
  return (
    <section className="panel order-returns" aria-labelledby="order-returns-title" data-testid="order-returns">
      <h2 id="order-returns-title">Returns</h2>
      {data.returns.length ? (
        <ul className="returns-list">
          {data.returns.map((r) => (
            <li key={r.id}>
              <button type="button" className="returns-row" onClick={() => openReturn(r.id)} data-testid="order-return" data-rma={r.number}>
                <span className="returns-row-head"><strong className="mono">{r.number}</strong> <span className={`return-status return-${r.status}`}>{RETURN_STATUS_WORDS[r.status]}</span></span>
                <span className="muted">{r.received} of {r.units} item{r.units === 1 ? '' : 's'} in{r.refundMinor !== null ? ` · refunded ${money(r.refundMinor, r.currency)}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!data.canReturn ? <p className="muted" data-testid="order-returns-words">{data.words}</p> : null}
      {data.canReturn && !open ? <button type="button" className="button" onClick={() => setOpen(true)} data-testid="announce-return">Announce a return</button> : null}
      {data.canReturn && open ? <AnnounceForm data={data} onDone={(id) => { setOpen(false); load(); if (id) openReturn(id); }} /> : null}
    </section>
  );
}

function AnnounceForm({ data, onDone }: { data: OrderReturnsData; onDone(returnId: number | null): void }) {
  const id = useId();
  const firstReason = data.reasons[0]?.code ?? '';
  const [picks, setPicks] = useState<Record<number, Pick>>(() => Object.fromEntries(data.lines.map((l) => [l.orderLineId, { quantity: '0', reasonCode: firstReason, exchangeSku: '' }])));
  const [shipping, setShipping] = useState<'label' | 'customer'>(data.labelsAvailable ? 'label' : 'customer');
  const [outsideReason, setOutsideReason] = useState('');
  const [preview, setPreview] = useState<RefundBreakdownView | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const lines = data.lines.flatMap((l) => {
    const p = picks[l.orderLineId]!;
    const q = Number(p.quantity);
    // an exchange sends the SKU named instead of refunding the item
    return Number.isInteger(q) && q > 0 ? [{ orderLineId: l.orderLineId, quantity: q, reasonCode: p.reasonCode, exchangeSku: p.exchangeSku.trim() || null }] : [];
  });
  const key = JSON.stringify([lines, shipping]);
  useEffect(() => {
    if (!lines.length) { setPreview(null); return; }
    let live = true;
    api.call('returns.preview', { orderId: data.orderId, shipping, lines }).then((b) => { if (live) setPreview(b); }, () => { if (live) setPreview(null); });
    return () => { live = false; };
  }, [key, data.orderId]); // `key` is the content of lines and shipping: a new array each render must not ask again

  const submit = async () => {
    if (!lines.length) { setErrors({ lines: 'Give a quantity for at least one item.' }); return; }
    setBusy(true);
    try {
      const created = await api.call('returns.create', { orderId: data.orderId, shipping, lines, outsideWindowReason: outsideReason });
      useAppStore.getState().showInfo(`Return ${created.number} announced for order ${data.orderNumber}.${shipping === 'label' ? ' Its return label is being bought.' : ' Save or print its return slip for the customer.'}`);
      if (shipping === 'customer') void downloadReturnSlip(created.id);
      onDone(null);
    } catch (e) {
      setErrors(fieldErrors(e));
      useAppStore.getState().showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="announce-return" onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="announce-form">
      <table className="return-lines">
        <caption className="visually-hidden">Items to return</caption>
        <thead><tr><th scope="col">Item</th><th scope="col">How many</th><th scope="col">Why</th><th scope="col">Exchange for (SKU, or leave empty to refund)</th></tr></thead>
        <tbody>
          {data.lines.map((l) => {
            const p = picks[l.orderLineId]!;
            const set = (patch: Partial<Pick>) => setPicks((all) => ({ ...all, [l.orderLineId]: { ...p, ...patch } }));
            // the store names a refused exchange SKU by the line's place among the lines sent
            const exchangeError = errors[`lines.${lines.findIndex((x) => x.orderLineId === l.orderLineId)}.exchangeSku`];
            return (
              <tr key={l.orderLineId} data-testid="announce-line" data-sku={l.sku}>
                <td><strong className="mono">{l.sku}</strong> {l.title} <span className="muted">({l.returnable} of {l.shipped} can come back)</span></td>
                <td>
                  <input className="input input-number" type="number" min={0} max={l.returnable} value={p.quantity} disabled={l.returnable === 0}
                    onChange={(e) => set({ quantity: e.target.value })} aria-label={`How many ${l.sku} come back`} data-testid="announce-quantity" />
                </td>
                <td>
                  <select className="input" value={p.reasonCode} onChange={(e) => set({ reasonCode: e.target.value })} aria-label={`Why ${l.sku} comes back`} data-testid="announce-reason">
                    {data.reasons.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
                  </select>
                </td>
                <td>
                  <input className="input" value={p.exchangeSku} onChange={(e) => set({ exchangeSku: e.target.value })} disabled={l.returnable === 0}
                    aria-label={`Exchange ${l.sku} for (SKU; empty refunds it)`} aria-invalid={exchangeError ? true : undefined} data-testid="announce-exchange" />
                  {exchangeError ? <span className="field-error">{exchangeError}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
      <fieldset className="field">
        <legend className="field-label">How the parcel comes back</legend>
        <label><input type="radio" name={`${id}-ship`} checked={shipping === 'label'} disabled={!data.labelsAvailable} onChange={() => setShipping('label')} data-testid="announce-label" /> We send a return label{data.labelsAvailable ? '' : ' (no carrier account is set up)'}</label>
        <label><input type="radio" name={`${id}-ship`} checked={shipping === 'customer'} onChange={() => setShipping('customer')} data-testid="announce-customer" /> The customer sends it themselves</label>
      </fieldset>
      {data.window.outside ? (
        <label className="field" htmlFor={`${id}-outside`}>
          <span className="field-label">The {data.window.days}-day return window has passed: why take it back?</span>
          <input id={`${id}-outside`} className="input" value={outsideReason} onChange={(e) => setOutsideReason(e.target.value)} aria-invalid={errors.outsideWindowReason ? true : undefined} data-testid="announce-outside-reason" />
          {errors.outsideWindowReason ? <span className="field-error">{errors.outsideWindowReason}</span> : null}
        </label>
      ) : null}
      {preview ? (
        <div className="refund-preview" data-testid="announce-preview" role="status">
          <p>Refund if everything comes back as announced: <strong>{money(preview.totalMinor, preview.currency)}</strong></p>
          <ul className="refund-words">{preview.words.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onDone(null)} disabled={busy}>Never mind</button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="announce-submit">{busy ? 'Working…' : 'Announce the return'}</button>
      </div>
    </form>
  );
}
