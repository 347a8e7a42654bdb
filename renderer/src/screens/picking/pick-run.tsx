import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickListView, PickScanResult } from '../../../../shared/contract/picking';
import { api } from '../../api/client';
import { useApiEvent } from '../../hooks/use-api-event';
import { describeError } from '../../lib/describe-error';
import { captureScans } from '../../scan/scan-router';
import { playAccepted, playBlocked, playCompleted } from '../../sound/feedback-sound';
import { ShortDialog } from './short-dialog';

type Feedback = { tone: 'good' | 'bad' | 'info'; message: string; hint?: string | undefined; seq: number };
const refused = (n: { message: string; hint?: string | undefined }, seq: number): Feedback => ({ tone: 'bad', message: n.message, hint: n.hint, seq });
const GOOD: ReadonlyArray<PickScanResult['outcome']> = ['bin', 'item', 'done'];

/**
 * Walking a pick list, on a desk screen or a phone: the stop in big letters, a scan field that a
 * scanner (Bluetooth, USB or the phone's scanner app) types into, and words for every scan.
 */
export function PickRun({ listId, onClose }: { listId: number; onClose(): void }) {
  const [view, setView] = useState<PickListView | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [shorting, setShorting] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const load = useCallback(() => {
    api.call('picking.get', { listId }).then(setView, (e: unknown) => setFeedback(refused(describeError(e), ++seq.current)));
  }, [listId]);
  useEffect(load, [load]);
  useApiEvent('picking.changed', (p) => { if (p.listId === listId) load(); });

  /** Scans are sent one after another, in the order they were read. */
  const submit = useCallback((text: string) => {
    const value = text.trim();
    if (!value) return;
    queue.current = queue.current.then(async () => {
      try {
        const r = await api.call('picking.scan', { listId, code: value, quantity: 1 });
        setView(r.view);
        const good = GOOD.includes(r.outcome);
        if (good) (r.view.status === 'done' ? playCompleted : playAccepted)(); else playBlocked();
        setFeedback({ tone: good ? 'good' : 'bad', message: r.message, hint: r.hint, seq: ++seq.current });
      } catch (e) {
        playBlocked();
        setFeedback(refused(describeError(e), ++seq.current));
      }
    });
  }, [listId]);

  /** The field is left uncontrolled: the scanner listener puts held-back keys in with the DOM's own setter. */
  const take = () => {
    const input = field.current;
    if (!input) return;
    const text = input.value;
    input.value = '';
    submit(text);
    input.focus();
  };

  // a keyboard-wedge scanner is heard anywhere on the page, field focused or not
  useEffect(() => captureScans(submit), [submit]);

  if (!view) return <section className="pick-run panel"><p className="muted">Loading the pick list…</p></section>;
  const current = view.tasks.find((t) => t.id === view.currentTaskId) ?? null;
  const doneStops = view.tasks.filter((t) => t.status !== 'open').length;
  const next = view.tasks.filter((t) => t.status === 'open' && t.id !== current?.id).slice(0, 4);

  return (
    <section className="pick-run" aria-labelledby="pick-run-title" data-testid="pick-run" data-status={view.status}>
      <header className="pick-run-head">
        <button type="button" className="button button-quiet" onClick={onClose}>← Lists</button>
        <h1 id="pick-run-title" className="pick-run-name">{view.name}</h1>
        <p className="pick-progress" data-testid="pick-progress">Stop {Math.min(doneStops + 1, view.tasks.length)} of {view.tasks.length} · {view.picked} of {view.units} picked{view.short ? ` · ${view.short} short` : ''}</p>
      </header>

      {current ? (
        <div className={`pick-stop${current.binScanned ? ' is-at-bin' : ''}`} data-testid="pick-stop" data-bin={current.binCode} data-sku={current.sku}>
          <p className="pick-step">{current.binId === null || current.binScanned ? 'Scan the item' : 'Go to the bin and scan its label'}</p>
          <p className="pick-bin" data-testid="pick-bin">{current.binCode}</p>
          <p className="pick-what"><strong className="pick-qty" data-testid="pick-qty">{current.quantity - current.picked}</strong> × <span className="pick-sku">{current.sku}</span></p>
          <p className="pick-title">{current.title}</p>
          <ul className="pick-totes" aria-label="Totes">
            {current.allocations.map((a) => (
              <li key={`${a.orderId}-${a.tote}`} className={a.picked >= a.quantity ? 'is-full' : ''}>Tote <strong>{a.tote}</strong>: {a.picked}/{a.quantity} <span className="muted">{a.number}</span></li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="pick-stop is-done" data-testid="pick-finished">
          <p className="pick-bin">Done</p>
          <p>{view.short ? `${view.short} unit(s) were short; those orders are marked short. ` : ''}The picked orders are ready at the pack bench.</p>
        </div>
      )}

      {feedback ? (
        <div key={feedback.seq} className={`pick-feedback is-${feedback.tone}`} role={feedback.tone === 'bad' ? 'alert' : 'status'} data-testid="pick-feedback" data-tone={feedback.tone}>
          <p>{feedback.tone === 'good' ? '✓ ' : feedback.tone === 'bad' ? '✗ ' : ''}{feedback.message}</p>
          {feedback.hint ? <p className="muted">{feedback.hint}</p> : null}
        </div>
      ) : null}

      {current ? (
        <form className="pick-scan" onSubmit={(e) => { e.preventDefault(); take(); }}>
          <label className="field field-grow">
            <span className="field-label">Scan or type a bin or item code</span>
            <input ref={field} className="input pick-scan-input" autoComplete="off" autoCapitalize="characters"
              spellCheck={false} enterKeyHint="go" autoFocus data-testid="pick-scan-input"
              // Enter may come back from the scanner listener as a replayed key, which submits no form
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); take(); } }} />
          </label>
          <button type="submit" className="button button-primary pick-big">Enter</button>
          <button type="button" className="button button-danger pick-big" onClick={() => setShorting(true)} data-testid="pick-short">Short…</button>
        </form>
      ) : null}

      {next.length ? (
        <section className="pick-next" aria-labelledby="pick-next-title">
          <h2 id="pick-next-title">Next stops</h2>
          <ol>
            {next.map((t) => <li key={t.id}><span className="mono">{t.binCode}</span> {t.quantity} × {t.sku}</li>)}
          </ol>
        </section>
      ) : null}

      {shorting && current ? (
        <ShortDialog listId={listId} task={current} onCancel={() => setShorting(false)} onDone={(r) => {
          setShorting(false);
          setView(r.view);
          playBlocked();
          setFeedback({ tone: 'info', message: r.message, seq: ++seq.current });
          field.current?.focus();
        }} />
      ) : null}
    </section>
  );
}
