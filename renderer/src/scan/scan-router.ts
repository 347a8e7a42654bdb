import { create } from 'zustand';
import type { DetectedScan, RefusedScan } from '../../../shared/scan';
import { usePackStore } from '../screens/pack/pack-store';
import { useReturnsStore } from '../screens/returns/returns-store';
import { useAppStore, type Screen } from '../stores/app-store';
import { playBlocked } from '../sound/feedback-sound';
import type { ScanContext } from './scanner-input';

type ScanCapture = (text: string) => void;
type ScreenScans = (text: string) => void;

let capture: ScanCapture | null = null;
const screenScans = new Map<Screen, ScreenScans>();

/**
 * While a form that wants a code is open (assigning a barcode to a SKU), scans made with no field
 * focused fill that form instead of counting; the form releases the capture when it closes.
 */
export function captureScans(fn: ScanCapture): () => void {
  capture = fn;
  return () => {
    if (capture === fn) capture = null;
  };
}

/** A screen that does its own thing with a scan (Inventory finds the product) registers here while it is shown. */
export function receiveScansOn(screen: Screen, fn: ScreenScans): () => void {
  screenScans.set(screen, fn);
  return () => {
    if (screenScans.get(screen) === fn) screenScans.delete(screen);
  };
}

/** A scan that arrived while a dialog was open and could not be used there, in words, shown inside the dialog. */
type DialogScanState = { message: string | null; seq: number; show(message: string): void; clear(): void };
export const useDialogScanNotice = create<DialogScanState>()((set) => ({
  message: null,
  seq: 0,
  show(message) { set((s) => ({ message, seq: s.seq + 1 })); },
  clear() { set({ message: null }); },
}));

function openDialog(): HTMLDialogElement | null {
  return document.querySelector<HTMLDialogElement>('dialog[open]');
}

/**
 * Where a scan goes when no field took it: a capturing form first; an open dialog refuses it in words
 * (a scan must never act behind a dialog); then the screen's own handler; on the pack screen with an
 * order open it is counted; anywhere else it opens the order it names, or finds the product.
 */
export function routeScan(scan: DetectedScan, _context: ScanContext): void {
  if (capture) {
    capture(scan.text);
    return;
  }
  if (openDialog()) {
    playBlocked();
    useDialogScanNotice.getState().show(`A scan (${scan.text.slice(0, 60)}) arrived while this window is open, so it was not used. Finish this window, or close it (Esc), then scan again.`);
    return;
  }
  const screen = useAppStore.getState().screen;
  const own = screenScans.get(screen);
  if (own) {
    own(scan.text);
    return;
  }
  // a return slip scanned anywhere opens its return on the returns bench
  if (RMA.test(scan.text.trim())) {
    void useReturnsStore.getState().openFromElsewhere(scan.text);
    return;
  }
  void usePackStore.getState().handleScan(scan.text, 'scan');
}

/** The RMA number printed as the return slip's barcode (a scanner may put an AIM id such as ]C0 in front) */
const RMA = /^(\][A-Za-z][0-9A-Za-z])?RMA[-\s]?\d{1,9}$/i;

/** Words for keys that came at scanner speed but could not be told from typing. */
export function refusalWords(refused: RefusedScan): { message: string; hint: string } {
  const text = refused.text.length > 60 ? `${refused.text.slice(0, 60)}…` : refused.text;
  if (refused.reason === 'no_suffix') {
    return {
      message: `A scan (${text}) arrived without the scanner's end key, so it was not used.`,
      hint: 'Scan it again. If this happens with every scan, set "The scanner ends each code with" in Settings → Scanner to match the scanner.',
    };
  }
  return {
    message: `A scan arrived with a pause inside it (${text}), so Packbench cannot be sure it read the whole code. It was not counted.`,
    hint: 'Scan it again.',
  };
}

/** A refused burst is never dropped silently: the red screen on Pack, a notice elsewhere, a line inside an open dialog. */
export function routeRefusal(refused: RefusedScan, _context: ScanContext): void {
  const { message, hint } = refusalWords(refused);
  if (openDialog()) {
    playBlocked();
    useDialogScanNotice.getState().show(`${message} ${hint}`);
    return;
  }
  usePackStore.getState().refuseWords(message, hint, refused.text);
}
