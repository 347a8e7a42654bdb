import { useEffect } from 'react';
import type { ReturnView } from '../../../../shared/contract/returns';
import { GRADES, GRADE_WORDS, RETURN_STATUS_WORDS } from '../../../../shared/domain/return-state';
import { useApiEvent } from '../../hooks/use-api-event';
import { receiveScansOn } from '../../scan/scan-router';
import { CloseReturnDialog, RefundDialog, UnannouncedDialog } from './return-forms';
import { ReturnBlockedOverlay } from './return-blocked';
import { ReturnCodeEntry } from './return-code-entry';
import { downloadReturnSlip, printReturnSlip } from './return-slip';
import { RefundPanel } from './refund-panel';
import { ReturnsQueue } from './returns-queue';
import { useReturnsStore, type ReturnGood } from './returns-store';
import { useReturnsKeys } from './use-returns-keys';
import '../pack/pack.css';
import './returns.css';

/**
 * The returns bench: scan the parcel's label, its RMA slip or the order number; scan each item and give it
 * its grade with one key; Enter puts everything away; Alt+R refunds on the shop. The mouse is never needed.
 */
export function ReturnsScreen() {
  useReturnsKeys();
  const view = useReturnsStore((s) => s.view);
  const blocked = useReturnsStore((s) => s.blocked);
  const form = useReturnsStore((s) => s.form);
  const unannounced = useReturnsStore((s) => s.unannounced);
  // the refund's way to the shop, and other stations' changes, show up without a click
  useApiEvent('returns.changed', (p) => { if (p.returnId === useReturnsStore.getState().view?.id) void useReturnsStore.getState().refresh(); });
  useApiEvent('sync.changed', () => { if (useReturnsStore.getState().view?.refund) void useReturnsStore.getState().refresh(); });
  // every scan made on this screen goes into the returns bench
  useEffect(() => receiveScansOn('returns', (text) => void useReturnsStore.getState().handleScan(text)), []);

  return (
    <div className={`returns${blocked ? ' is-blocked' : ''}`} data-testid="returns-screen" data-status={view?.status ?? 'none'}>
      <div className="returns-grid">
        <div className="returns-main">{view ? <ReturnBench view={view} /> : <ReturnsIdle />}</div>
        <aside className="returns-side"><ReturnsQueue /></aside>
      </div>
      {blocked ? <ReturnBlockedOverlay blocked={blocked} /> : null}
      {form === 'refund' && view?.status === 'inspected' ? <RefundDialog view={view} /> : null}
      {form === 'close' && view ? <CloseReturnDialog view={view} /> : null}
      {unannounced ? <UnannouncedDialog u={unannounced} /> : null}
    </div>
  );
}

function ReturnsIdle() {
  const good = useReturnsStore((s) => s.good);
  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title">Returns</h1>
      <p className="returns-instruction" data-testid="returns-instruction">Scan the parcel's return label, the RMA slip inside it, or the order number.</p>
      {good ? <p className="returns-note" role="status">{good.message}</p> : null}
      <ReturnCodeEntry prompt="…or type the RMA or order number" />
    </section>
  );
}

function nextStep(view: ReturnView): string {
  switch (view.status) {
    case 'requested': case 'label_sent': case 'in_transit':
      return 'Not here yet. Scan its label or RMA when the parcel arrives (or Receive it now).';
    case 'received': {
      if (view.awaitingGrade) return `Grade the ${view.awaitingGrade.sku}: press 1 to 5.`;
      const left = view.lines.reduce((n, l) => n + Math.max(0, l.expected - l.received), 0);
      return left > 0 ? `Scan the next item (${left} more expected), or press Enter if that is all that came back.` : 'Everything announced is in. Press Enter to put it away.';
    }
    case 'inspected': return 'Put away. Check the refund, then press Alt+R to refund it, or Alt+X to close it without one.';
    case 'refunded': return 'Done. Scan the next parcel.';
    case 'closed': return 'Closed. Scan the next parcel.';
  }
}

function Feedback({ view, good }: { view: ReturnView; good: ReturnGood | null }) {
  const flash = good && (good.outcome === 'accepted' || good.outcome === 'graded');
  return (
    <div className={`pack-feedback${flash ? ' is-good' : ''}`} data-flash={flash ? (good.seq % 2 === 0 ? 'a' : 'b') : undefined}
      data-testid="return-feedback" data-outcome={good?.outcome ?? 'none'} role="status" aria-live="polite">
      {good ? <p className="feedback-message" data-testid="return-feedback-message">{flash ? '✓ ' : ''}{good.message}</p> : null}
      <p className="feedback-next" data-testid="return-next">{nextStep(view)}</p>
    </div>
  );
}

function GradeKeys({ view }: { view: ReturnView }) {
  const unit = view.awaitingGrade;
  if (!unit) return null;
  return (
    <section className="panel grade-keys" aria-labelledby="grade-title" data-testid="grade-keys">
      <h2 id="grade-title">Grade the {unit.sku} ({unit.title})</h2>
      <div className="grade-buttons">
        {GRADES.map((g, i) => (
          <button key={g} type="button" className={`button grade-button grade-${g}`} onClick={() => void useReturnsStore.getState().grade(g)}
            aria-keyshortcuts={String(i + 1)} data-testid={`grade-${g}`}>
            <kbd>{i + 1}</kbd> {GRADE_WORDS[g]}
          </button>
        ))}
      </div>
    </section>
  );
}

function ReturnLines({ view, lastLineId }: { view: ReturnView; lastLineId: number | undefined }) {
  return (
    <table className="return-lines" data-testid="return-lines">
      <caption className="visually-hidden">Items on return {view.number}</caption>
      <thead><tr><th scope="col">Item</th><th scope="col">Reason</th><th scope="col">In</th><th scope="col">Graded</th><th scope="col">Where they went</th></tr></thead>
      <tbody>
        {view.lines.map((l) => {
          const units = view.units.filter((u) => u.lineId === l.lineId && u.grade);
          return (
            <tr key={l.lineId} className={`${l.received >= l.expected ? 'is-done' : ''}${l.lineId === lastLineId ? ' is-last' : ''}`}
              data-testid="return-line" data-sku={l.sku} data-received={l.received} data-graded={l.graded}>
              <td><strong className="mono">{l.sku}</strong> {l.title}{l.exchangeSku ? <span className="muted"> · exchange for {l.exchangeSku}</span> : null}</td>
              <td>{l.reasonLabel}</td>
              <td className="num">{l.received} of {l.expected}</td>
              <td className="num">{l.graded}</td>
              <td>{units.map((u) => `${GRADE_WORDS[u.grade!]}: ${u.destination}`).join(' · ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReturnActions({ view }: { view: ReturnView }) {
  const s = useReturnsStore.getState();
  const expected = ['requested', 'label_sent', 'in_transit'].includes(view.status);
  return (
    <div className="pack-actions return-actions">
      {expected ? <button type="button" className="button button-primary" onClick={() => void s.receive()} data-testid="return-receive">Receive the parcel</button> : null}
      {view.status === 'received' ? <>
        <button type="button" className="button button-primary" onClick={() => void s.finish()} data-testid="return-finish">Put it away <kbd>↵</kbd></button>
        <button type="button" className="button" onClick={() => void s.undo()} data-testid="return-undo">Take back the last <kbd>Ctrl+Z</kbd></button>
      </> : null}
      {view.status === 'inspected' ? <button type="button" className="button button-primary" onClick={() => s.showForm('refund')} data-testid="return-refund">Refund <kbd>Alt+R</kbd></button> : null}
      {view.status === 'inspected' || expected ? <button type="button" className="button" onClick={() => s.showForm('close')} data-testid="return-close">Close without a refund <kbd>Alt+X</kbd></button> : null}
      <button type="button" className="button" onClick={() => void printReturnSlip(view.id)}>Print the return slip <kbd>Alt+P</kbd></button>
      <button type="button" className="button" onClick={() => void downloadReturnSlip(view.id)}>Slip as a page <kbd>Alt+D</kbd></button>
    </div>
  );
}

function ReturnBench({ view }: { view: ReturnView }) {
  const good = useReturnsStore((s) => s.good);
  const received = view.lines.reduce((n, l) => n + l.received, 0);
  const expected = view.lines.reduce((n, l) => n + l.expected, 0);
  return (
    <section aria-labelledby="return-title">
      <header className="pack-head">
        <h1 className="pack-order" id="return-title" data-testid="return-number">{view.number}</h1>
        <p className="pack-customer">Order {view.orderNumber} · {view.customerName} · {view.channelName}</p>
        <p className="pack-parcel"><span className={`return-status return-${view.status}`} data-testid="return-status">{RETURN_STATUS_WORDS[view.status]}</span>{view.unannounced ? ' · came without an RMA' : ''}</p>
        <p className="pack-progress" data-testid="return-progress"><strong>{received}</strong> of {expected} item{expected === 1 ? '' : 's'} in</p>
      </header>
      <Feedback view={view} good={good} />
      <GradeKeys view={view} />
      <ReturnLines view={view} lastLineId={good?.lineId} />
      {view.exchangeOrder ? <p role="status" data-testid="return-exchange">Exchange order {view.exchangeOrder.number} is in the queue, its stock reserved.</p> : null}
      {view.tracking.words ? <p className="muted" data-testid="return-tracking">{view.tracking.words}</p> : null}
      <ReturnActions view={view} />
      {view.status !== 'received' ? <RefundPanel view={view} /> : null}
      {view.status !== 'received' || !view.awaitingGrade ? <ReturnCodeEntry prompt={view.status === 'received' ? 'Type a code that will not scan' : 'Scan or type the next parcel\'s RMA or order number'} /> : null}
    </section>
  );
}
