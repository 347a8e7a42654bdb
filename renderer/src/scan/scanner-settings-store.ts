import { create } from 'zustand';
import type { ScannerSettings } from '../../../shared/contract/pack';

/** The factory defaults, used until the station's own settings arrive (they match the core's). */
export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  minLength: 4,
  maxGapMs: 40,
  suffix: 'Enter',
  prefix: '',
  layout: 'us',
  gsReplacement: '',
};

type ScannerSettingsState = {
  settings: ScannerSettings;
  /** false until the station answered; the defaults work meanwhile */
  loaded: boolean;
  set(settings: ScannerSettings): void;
};

export const useScannerSettings = create<ScannerSettingsState>()((set) => ({
  settings: DEFAULT_SCANNER_SETTINGS,
  loaded: false,
  set(settings) { set({ settings, loaded: true }); },
}));
