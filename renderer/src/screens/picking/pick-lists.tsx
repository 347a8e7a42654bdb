import { useCallback, useEffect, useState } from 'react';
import type { PickListSummary } from '../../../../shared/contract/picking';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { useAppStore } from '../../stores/app-store';

const KIND_WORDS = { single: 'Single order', batch: 'Batch', wave: 'Wave' } as const;

/** Lists still to pick (or being picked), biggest buttons first: a picker on a phone taps one to walk it. */
export function PickLists({ onOpen, compact = false }: { onOpen(id: number): void; compact?: boolean }) {
  const [lists, setLists] = useState<PickListSummary[] | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  const load = useCallback(() => {
    api.call('picking.lists', { active: true }).then(setLists, (e: unknown) => { setLists([]); useAppStore.getState().showError(e); });
  }, []);
  useEffect(load, [load, epoch]);
  useApiEvent('picking.changed', load);

  const print = async (id: number, how: 'page' | 'label') => {
    try {
      if (how === 'label') {
        const job = await api.call('picking.printLabel', { listId: id });
        useAppStore.getState().showInfo(`The pick list went to the label printer (job ${job.id}); see Printing for its state.`);
      } else {
        const sheet = await api.call('picking.sheet', { listId: id });
        const url = URL.createObjectURL(new Blob([sheet.html], { type: 'text/html' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = sheet.fileName;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    } catch (e) {
      useAppStore.getState().showError(e);
    }
  };
  const cancel = async (l: PickListSummary) => {
    if (!window.confirm(`Cancel “${l.name}”? Orders not yet picked go back to open; put picked items back in their bins.`)) return;
    try { await api.call('picking.cancel', { listId: l.id }); } catch (e) { useAppStore.getState().showError(e); }
  };

  return (
    <section className="pick-lists panel" aria-labelledby="pick-lists-title" data-testid="pick-lists">
      <h2 id="pick-lists-title">Pick lists to walk</h2>
      {lists === null ? <p className="muted">Loading…</p> : lists.length === 0 ? <p className="muted">No pick list is waiting. {compact ? 'Ask the office to make one.' : 'Make one from the open orders.'}</p> : (
        <ul className="pick-list-rows">
          {lists.map((l) => (
            <li key={l.id} className="pick-list-row" data-testid="pick-list-row" data-list-id={l.id}>
              <button type="button" className="button button-primary pick-big pick-open" onClick={() => onOpen(l.id)} data-testid="pick-open-list">
                <span className="pick-list-name">{l.name}</span>
                <span className="pick-list-meta">{KIND_WORDS[l.kind]} · {l.orders} order{l.orders === 1 ? '' : 's'} · {l.picked}/{l.units} picked{l.status === 'picking' ? ` · ${l.picker || 'someone'} is on it` : ''}</span>
              </button>
              {compact ? null : (
                <span className="pick-list-actions">
                  <button type="button" className="button button-quiet" onClick={() => void print(l.id, 'page')}>Print page</button>
                  <button type="button" className="button button-quiet" onClick={() => void print(l.id, 'label')}>Print on label printer</button>
                  <button type="button" className="button button-danger" onClick={() => void cancel(l)}>Cancel</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
