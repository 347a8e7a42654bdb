import { useEffect } from 'react';
import { useDialogScanNotice } from '../scan/scan-router';

/** Inside a dialog: a scan that arrived while it was open and was not used, in words. */
export function DialogScanNotice() {
  const message = useDialogScanNotice((s) => s.message);
  const seq = useDialogScanNotice((s) => s.seq);
  // each dialog starts clean, and leaves nothing behind for the next
  useEffect(() => {
    useDialogScanNotice.getState().clear();
    return () => useDialogScanNotice.getState().clear();
  }, []);
  if (!message) return null;
  return <p key={seq} className="field-error dialog-scan-notice" role="alert" data-testid="dialog-scan-notice">{message}</p>;
}
