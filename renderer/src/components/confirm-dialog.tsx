import type { ReactNode } from 'react';
import { useModalDialog } from '../hooks/use-modal-dialog';
import { DialogScanNotice } from './dialog-scan-notice';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
};

/** A modal question before anything that cannot be undone. The safe answer has the focus. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false }: Props) {
  const ref = useModalDialog();
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="confirm-title">{title}</h2>
      <DialogScanNotice />
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus disabled={busy}>Keep things as they are</button>
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy}>{busy ? 'Working…' : confirmLabel}</button>
      </div>
    </dialog>
  );
}
