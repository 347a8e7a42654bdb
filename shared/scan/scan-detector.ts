import { decodeKey, type LayoutId } from './keyboard-layouts';

const GS = '\u001d';

export type ScanKeyEvent = {
  code: string;
  key: string;
  timeStamp: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** getModifierState('AltGraph'); Windows also reports AltGr as Ctrl+Alt, which is honoured too. */
  altGraphKey?: boolean;
};

export type DetectedScan = { text: string; firstKeyAt: number; lastKeyAt: number };

export type ScanDetectorOptions = {
  /** Shortest code (without prefix) accepted as a scan; default 4. */
  minLength?: number;
  /** Longest pause between two keys of one scan; default 40 ms. */
  maxGapMs?: number;
  suffix?: 'Enter' | 'Tab' | 'none';
  prefix?: string;
  /** The layout the scanner is programmed to type in (not the OS layout); default 'us'. */
  layout?: LayoutId;
  /** One character the scanner types instead of GS; it becomes GS in the scan text. */
  gsReplacement?: string;
};

export type PushResult = {
  action: 'buffer' | 'pass' | 'scan';
  /**
   * Set with action 'scan'. With suffix 'none' also set on the key after the end of a scan (after
   * the silence, or a key that cannot be part of a code); `action` then describes this key.
   */
  scan?: DetectedScan;
  /** Text of keys returned as 'buffer' that turned out to be typing, for a UI that held them to replay. */
  released?: string;
};

export type FlushResult = { scan?: DetectedScan; released?: string };

export type ScanDetector = {
  push(e: ScanKeyEvent): PushResult;
  /** Call after maxGapMs of silence: ends a suffix-less scan, or releases a stale partial burst. */
  flush(now: number): FlushResult;
  reset(): void;
};

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);
const MODIFIER_CODE = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|Fn)$/;

/**
 * Tells scanner bursts from human typing using timing only, with no clock of its own: callers pass
 * event time stamps in, and call flush() from a timer.
 *
 * Decisions:
 * - Keys are decoded from `code` with the scanner's layout, not from `key`, so the OS layout and
 *   Caps Lock cannot garble a scan. `key` is used only for keys the layout does not map.
 * - A gap over maxGapMs between typed keys breaks the burst; the key after the gap starts a new one.
 * - Modifier-only keys (Shift, AltGr's Ctrl+Alt...) are skipped: they neither break the burst nor
 *   restart its gap timer, so a held, auto-repeating Shift cannot stretch slow typing into a scan.
 * - Ctrl+] (the key at US ']') is GS, the GS1 separator. Any other Ctrl/Alt/Meta chord breaks the
 *   burst, except AltGr chords the layout maps (e.g. @ on DE).
 * - With suffix 'none' a burst ends at silence (flush, or the next key's time stamp) or at a key
 *   that cannot be part of a code; it is a scan if long enough. Enter/Tab are then ordinary keys.
 * - minLength counts the code without the prefix; `released` text includes the prefix.
 */
export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const minLength = options.minLength ?? 4;
  const maxGapMs = options.maxGapMs ?? 40;
  const suffix = options.suffix ?? 'Enter';
  const prefix = options.prefix ?? '';
  const layout = options.layout ?? 'us';
  const gsReplacement = options.gsReplacement ?? '';

  let chars = '';
  let firstKeyAt = 0;
  let lastKeyAt = 0;

  const active = (): boolean => chars.length > 0;
  const clear = (): void => {
    chars = '';
  };
  const codeText = (): string => chars.slice(prefix.length);
  const isComplete = (): boolean => chars.startsWith(prefix) && codeText().length >= minLength;

  /** Ends the current burst; a suffix-less scan is complete once it ends, anything else is released. */
  function end(asScan: boolean, at: number): FlushResult {
    if (!active()) return {};
    const result: FlushResult = asScan && isComplete() ? { scan: { text: codeText(), firstKeyAt, lastKeyAt: at } } : { released: chars };
    clear();
    return result;
  }

  function typedChar(e: ScanKeyEvent): string | undefined {
    if (e.key === GS) return GS;
    if (e.ctrlKey && !e.altKey && !e.metaKey && e.code === 'BracketRight') return GS;
    const altGr = e.altGraphKey === true || (e.ctrlKey && e.altKey && !e.metaKey);
    if (altGr) return decodeKey(layout, e.code, false, true) ?? fallback(e, true);
    if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
    return decodeKey(layout, e.code, e.shiftKey) ?? fallback(e, false);
  }

  // Unmapped positions (virtual key events with an empty code, IME) fall back to the OS character.
  function fallback(e: ScanKeyEvent, altGr: boolean): string | undefined {
    if (altGr && e.code !== '' && e.code !== 'Unidentified') return undefined;
    const cps = [...e.key];
    return cps.length === 1 && !/[\u0000-\u001f\u007f-\u009f]/.test(e.key) ? e.key : undefined;
  }

  function isSuffix(e: ScanKeyEvent): boolean {
    if (suffix === 'Enter') return e.key === 'Enter' || e.code === 'Enter' || e.code === 'NumpadEnter';
    if (suffix === 'Tab') return e.key === 'Tab' || e.code === 'Tab';
    return false;
  }

  function push(e: ScanKeyEvent): PushResult {
    let ch = typedChar(e);
    // A dead key the scanner's layout does not map types nothing yet; treat it like a modifier.
    if (MODIFIER_KEYS.has(e.key) || MODIFIER_CODE.test(e.code) || (ch === undefined && e.key === 'Dead')) {
      return { action: active() ? 'buffer' : 'pass' };
    }
    const gap = e.timeStamp - lastKeyAt;
    // Silence (or a clock that went backwards) ends whatever burst was building.
    const carried = active() && (gap > maxGapMs || gap < 0) ? end(suffix === 'none', lastKeyAt) : {};

    if (isSuffix(e)) {
      const done = end(true, e.timeStamp);
      return done.scan ? { action: 'scan', scan: done.scan } : { action: 'pass', ...merge(carried, done) };
    }

    if (ch === undefined) return { action: 'pass', ...merge(carried, end(suffix === 'none', lastKeyAt)) };
    if (gsReplacement !== '' && ch === gsReplacement) ch = GS;

    const expected = prefix[chars.length];
    if (chars.length < prefix.length && ch !== expected) {
      // Not the prefix (or a broken prefix): this key is typing, unless it starts the prefix anew.
      const broken = end(false, e.timeStamp);
      if (ch !== prefix[0]) return { action: 'pass', ...merge(carried, broken) };
      return start(ch, e.timeStamp, merge(carried, broken));
    }
    if (!active()) return start(ch, e.timeStamp, carried);
    chars += ch;
    lastKeyAt = e.timeStamp;
    return { action: 'buffer', ...carried };
  }

  function start(ch: string, at: number, carried: FlushResult): PushResult {
    chars = ch;
    firstKeyAt = at;
    lastKeyAt = at;
    return { action: 'buffer', ...carried };
  }

  function flush(now: number): FlushResult {
    if (!active() || now - lastKeyAt <= maxGapMs) return {};
    return end(suffix === 'none', lastKeyAt);
  }

  return { push, flush, reset: clear };
}

function merge(a: FlushResult, b: FlushResult): FlushResult {
  const released = (a.released ?? '') + (b.released ?? '');
  const scan = a.scan ?? b.scan;
  return { ...(scan ? { scan } : {}), ...(released ? { released } : {}) };
}
