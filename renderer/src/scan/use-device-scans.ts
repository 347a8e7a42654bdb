import { useEffect } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { api } from '../api/client';
import { focusedElement, isTextField } from './replay-typing';
import { routeScan } from './scan-router';

// A screen that is not being looked at lets a visible one take the scan first.
const HIDDEN_TAB_DELAY_MS = 300;

async function take(scan: EventPayload<'devices.scan'>): Promise<void> {
  if (document.visibilityState !== 'visible') await new Promise((r) => setTimeout(r, HIDDEN_TAB_DELAY_MS));
  const { claimed } = await api.call('devices.claimScan', { scanId: scan.scanId });
  if (!claimed) return; // another screen of this station handles it
  const field = focusedElement();
  const at = performance.now();
  routeScan({ text: scan.text, firstKeyAt: at, lastKeyAt: at }, { field: isTextField(field) ? field : null });
}

/**
 * Scans from HID POS and serial scanners reach the core, which offers each to every connected screen;
 * the first to claim it routes it exactly as a keyboard-wedge scan, so the pack screen, a capturing
 * form or a search box treat both kinds of scanner the same. Nothing is typed: the keyboard stays free.
 */
export function useDeviceScans(): void {
  useEffect(() => api.on('devices.scan', (scan) => {
    take(scan).catch((e: unknown) => console.warn('[scanner] a device scan could not be taken', e));
  }), []);
}
