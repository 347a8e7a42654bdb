import type { PackView } from '../../../../shared/contract/pack';
import { downloadPackingSlip } from './packing-slip';
import { usePackStore } from './pack-store';

/** A button leaves the focus on itself; the next Enter must close the parcel, not press it again. */
function then(fn: () => void) {
  return (e: React.MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.blur();
    fn();
  };
}

/** Every action with its key shown on it. */
export function PackActions({ view }: { view: PackView }) {
  const pending = usePackStore((s) => s.pending > 0);
  const store = usePackStore.getState;
  const active = view.sessionStatus === 'active';
  const counted = view.lines.some((l) => l.scanned > 0);
  return (
    <section className="pack-actions" aria-label="Actions" data-testid="pack-actions">
      {active ? (
        <>
          <button type="button" className="button button-primary pack-complete" disabled={!view.verified || pending} onClick={then(() => void store().complete())} data-testid="pack-complete">
            Close parcel &amp; print label <kbd>Enter</kbd>
          </button>
          <button type="button" className="button" disabled={!counted} onClick={then(() => void store().undo())} data-testid="pack-undo">
            Undo last scan <kbd>Ctrl+Z</kbd>
          </button>
          <button type="button" className="button" disabled={!counted} onClick={then(() => store().showForm('split'))} data-testid="pack-split-open">
            Split parcel… <kbd>Alt+S</kbd>
          </button>
          <button type="button" className="button" disabled={view.verified} onClick={then(() => store().showForm('override'))} data-testid="pack-override-open">
            Supervisor override… <kbd>Alt+O</kbd>
          </button>
        </>
      ) : null}
      <button type="button" className="button" onClick={then(() => void downloadPackingSlip(view.orderId))} data-testid="pack-slip">
        Packing slip <kbd>Alt+P</kbd>
      </button>
      {active ? (
        <button type="button" className="button button-danger" onClick={then(() => store().showForm('abandon'))} data-testid="pack-abandon-open">
          Put order back… <kbd>Alt+B</kbd>
        </button>
      ) : null}
      <p className="pack-keys muted"><kbd>Esc</kbd> clears a red error · <kbd>x12</kbd> <kbd>Enter</kbd> counts the last scan as 12</p>
    </section>
  );
}
