import { useEffect, useRef } from 'react';
import { api } from '../api/client';
import { primeAudio, warmUpAudio } from '../sound/feedback-sound';
import { useAppStore } from '../stores/app-store';
import { routeRefusal, routeScan } from './scan-router';
import { installScannerInput, type ScannerInput } from './scanner-input';
import { useScannerSettings } from './scanner-settings-store';
import { useDeviceScans } from './use-device-scans';

/** `into` is told which field the text goes into, before it goes in, so it can be taken back if it proves to be a scan's start. */
type StrayTyping = (text: string, into: (field: Element) => void) => boolean;

let strayTyping: StrayTyping | null = null;

/** A screen that wants keys typed with no field focused (the pack screen's manual entry) registers here. */
export function receiveStrayTyping(fn: StrayTyping): () => void {
  strayTyping = fn;
  return () => {
    if (strayTyping === fn) strayTyping = null;
  };
}

/** Mounts the keyboard-wedge scanner listener once for the whole app, with the station's settings. */
export function useGlobalScanner(): void {
  const settings = useScannerSettings((s) => s.settings);
  const input = useRef<ScannerInput | null>(null);
  const epoch = useAppStore((s) => s.dataEpoch);
  // HID POS and serial scanners feed the same routing, without the keyboard
  useDeviceScans();

  useEffect(() => {
    input.current = installScannerInput({
      settings: useScannerSettings.getState().settings,
      onScan: routeScan,
      onRefused: routeRefusal,
      onStrayTyping: (text, into) => strayTyping?.(text, into) ?? false,
      onKey: primeAudio,
    });
    const warm = requestIdleCallback(warmUpAudio, { timeout: 2000 });
    return () => {
      cancelIdleCallback(warm);
      input.current?.stop();
      input.current = null;
    };
  }, []);

  useEffect(() => {
    input.current?.setSettings(settings);
  }, [settings]);

  useEffect(() => {
    let live = true;
    api.call('station.settings', {}).then(
      (s) => { if (live) useScannerSettings.getState().set(s.scanner); },
      // the defaults keep scanning working; Settings shows the problem when opened
      (e: unknown) => console.warn('[scanner] station settings unavailable, using defaults', e),
    );
    return () => { live = false; };
  }, [epoch]);
}
