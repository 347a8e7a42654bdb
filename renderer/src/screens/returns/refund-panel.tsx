import type { ReturnView } from '../../../../shared/contract/returns';
import { money } from '../../lib/format';

/** What the customer gets back, part by part; after the refund, whether the channel has it. */
export function RefundPanel({ view }: { view: ReturnView }) {
  const r = view.refund;
  const b = r?.breakdown ?? view.preview;
  const before = view.receivedAt === null;
  return (
    <section className="panel refund-panel" aria-labelledby="refund-title" data-testid="refund-panel">
      <h2 id="refund-title">{r ? 'Refunded' : before ? 'Refund if everything comes back as announced' : 'Refund'}</h2>
      <p className="refund-total" data-testid="refund-total">{money(r ? r.amountMinor : b.totalMinor, b.currency)}</p>
      {r?.changedByHand ? <p className="muted">Changed from {money(b.totalMinor, b.currency)}: {r.changedByHand}</p> : null}
      <ul className="refund-words">
        {b.words.map((w, i) => <li key={i}>{w}</li>)}
      </ul>
      {r ? (
        <p className={`refund-push refund-push-${r.push.status}`} data-testid="refund-push" data-status={r.push.status} role="status">{r.push.words}</p>
      ) : null}
    </section>
  );
}
