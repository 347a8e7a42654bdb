import type { DetectedScan } from '../../../shared/scan';
import { usePackStore } from '../screens/pack/pack-store';
import { useReturnsStore } from '../screens/returns/returns-store';
import { useAppStore } from '../stores/app-store';
import type { ScanContext } from './scanner-input';

type ScanCapture = (text: string) => void;

let capture: ScanCapture | null = null;

/**
 * While a form that wants a code is open (assigning a barcode to a SKU), scans fill that form
 * instead of counting; the form releases the capture when it closes.
 */
export function captureScans(fn: ScanCapture): () => void {
  capture = fn;
  return () => {
    if (capture === fn) capture = null;
  };
}

/**
 * Where a scan goes: a capturing form first; on the returns screen, into the returns bench; on the pack screen with an order open, it is counted;
 * anywhere else it opens the order it names and brings up the pack screen.
 */
export function routeScan(scan: DetectedScan, context: ScanContext): void {
  if (capture) {
    capture(scan.text);
    return;
  }
  // the returns bench takes every scan made on it; an RMA slip scanned anywhere else opens its return there
  if (useAppStore.getState().screen === 'returns') {
    void useReturnsStore.getState().handleScan(scan.text);
    return;
  }
  if (RMA.test(scan.text.trim())) {
    void useReturnsStore.getState().openFromElsewhere(scan.text);
    return;
  }
  void usePackStore.getState().handleScan(scan.text, context);
}

/** The RMA number printed as the return slip's barcode */
const RMA = /^(\][A-Za-z][0-9A-Za-z])?RMA[-\s]?\d{1,9}$/i;
