import { useCallback, useEffect, useState } from 'react';
import type { ReturnRow } from '../../../../shared/contract/returns';
import { RETURN_STATUS_WORDS } from '../../../../shared/domain/return-state';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { money } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { useReturnsStore } from './returns-store';

type Tab = 'expected' | 'bench' | 'done';
const TABS: Record<Tab, string> = { expected: 'Expected', bench: 'At the bench', done: 'Done' };

/** Returns on their way back, at the bench, and finished; a click opens one. */
export function ReturnsQueue() {
  const [tab, setTab] = useState<Tab>('expected');
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<ReturnRow[] | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const openId = useReturnsStore((s) => s.view?.id);

  const load = useCallback(() => {
    api.call('returns.list', { view: tab, q, limit: 200 }).then(setRows, (e: unknown) => useAppStore.getState().showError(e));
  }, [tab, q]);
  useEffect(load, [load, epoch]);
  useApiEvent('returns.changed', () => load());

  return (
    <section className="panel returns-queue" aria-labelledby="returns-queue-title" data-testid="returns-queue">
      <h2 id="returns-queue-title">Returns</h2>
      <div className="returns-tabs" role="tablist" aria-label="Which returns">
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className="button" onClick={() => setTab(t)} data-testid={`returns-tab-${t}`}>{TABS[t]}</button>
        ))}
      </div>
      <label className="field">
        <span className="field-label">Find by RMA, order, customer or tracking</span>
        <input className="input" value={q} onChange={(e) => setQ(e.target.value)} data-testid="returns-search" autoComplete="off" spellCheck={false} />
      </label>
      {rows && rows.length === 0 ? <p className="empty-state">{tab === 'expected' ? 'No return is on its way. Announce one from its order (Orders → the order → Returns).' : tab === 'bench' ? 'Nothing at the bench. Scan a return slip, a return label or an order number.' : 'No finished returns yet.'}</p> : null}
      <ul className="returns-list">
        {(rows ?? []).map((r) => (
          <li key={r.id}>
            <button type="button" className={`returns-row${r.id === openId ? ' is-open' : ''}`} onClick={() => void useReturnsStore.getState().openReturn(r.id)}
              data-testid="returns-row" data-rma={r.number} data-status={r.status}>
              <span className="returns-row-head"><strong className="mono">{r.number}</strong> <span className={`return-status return-${r.status}`}>{RETURN_STATUS_WORDS[r.status]}</span></span>
              <span>Order {r.orderNumber} · {r.customerName}</span>
              <span className="muted">{r.received} of {r.units} item{r.units === 1 ? '' : 's'} in{r.refundMinor !== null ? ` · refunded ${money(r.refundMinor, r.currency)}` : ''}{r.unannounced ? ' · no RMA' : ''}</span>
              {r.inbound ? <span className="returns-inbound" data-testid="returns-inbound">{r.inbound}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
