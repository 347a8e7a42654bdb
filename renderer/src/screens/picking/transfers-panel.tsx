import { useCallback, useEffect, useState } from 'react';
import type { Transfer } from '../../../../shared/contract/routing';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

/** Stock on its way between locations: received here when it arrives, or cancelled back to where it left. */
export function TransfersPanel() {
  const [rows, setRows] = useState<Transfer[]>([]);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('transfers.list', { status: 'in_transit' }).then(setRows, (e: unknown) => useAppStore.getState().showError(e));
  }, []);
  useEffect(load, [load, epoch]);
  useApiEvent('inventory.changed', load);
  const act = async (t: Transfer, what: 'receive' | 'cancel') => {
    try {
      if (what === 'receive') await api.call('transfers.receive', { id: t.id });
      else {
        const reason = window.prompt(`Why is transfer ${t.id} cancelled? The units count again at ${t.fromLocationName}.`) ?? '';
        if (!reason.trim()) return;
        await api.call('transfers.cancel', { id: t.id, reason });
      }
      load();
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };
  return (
    <section className="panel transfers" aria-labelledby="transfers-title" data-testid="transfers">
      <h2 id="transfers-title">Stock in transit</h2>
      {rows.length === 0 ? <p className="muted">Nothing is travelling between locations.</p> : (
        <ul className="transfer-rows">
          {rows.map((t) => (
            <li key={t.id}>
              <p><strong>Transfer {t.id}</strong>: {t.fromLocationName} → {t.toLocationName}{t.orderNumber ? ` for ${t.orderNumber}` : ''}: {t.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</p>
              <button type="button" className="button button-primary" onClick={() => void act(t, 'receive')}>Arrived at {t.toLocationName}</button>
              <button type="button" className="button button-quiet" onClick={() => void act(t, 'cancel')}>Cancel…</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
