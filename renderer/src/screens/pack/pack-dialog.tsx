import type { ReactNode } from 'react';
import { DialogScanNotice } from '../../components/dialog-scan-notice';
import { useModalDialog } from '../../hooks/use-modal-dialog';

type Props = {
  title: string;
  testId: string;
  children: ReactNode;
  onClose(): void;
  onSubmit(): void;
};

/** A modal form over the pack screen: Enter submits, Escape closes, the first field has the focus. */
export function PackDialog({ title, testId, children, onClose, onSubmit }: Props) {
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      className="dialog pack-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onCancel={(e) => { e.preventDefault(); onClose(); }}
    >
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <h2 id={`${testId}-title`}>{title}</h2>
        <DialogScanNotice />
        {children}
      </form>
    </dialog>
  );
}

export function DialogButtons({ busy, submitLabel, danger = false, onClose }: { busy: boolean; submitLabel: string; danger?: boolean; onClose(): void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onClose} disabled={busy}>Never mind <kbd>Esc</kbd></button>
      <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} data-testid="pack-dialog-submit">
        {busy ? 'Working…' : submitLabel} <kbd>↵</kbd>
      </button>
    </div>
  );
}
