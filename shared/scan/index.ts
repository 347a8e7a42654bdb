export { decodeKey, keyStrokesFor, layoutCharacters, LAYOUTS, type KeyStroke, type LayoutId } from './keyboard-layouts';
export {
  createScanDetector,
  type DetectedScan,
  type FlushResult,
  type PushResult,
  type RefusedScan,
  type Ended,
  type ScanDetector,
  type ScanDetectorOptions,
  type ScanKeyEvent,
} from './scan-detector';
