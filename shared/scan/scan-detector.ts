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
  /** an auto-repeat of a key held down: a person, never a scanner */
  repeat?: boolean;
};

export type DetectedScan = {
  text: string;
  firstKeyAt: number;
  lastKeyAt: number;
  /**
   * The scan's first keys, let out as typing when they seemed to stand alone (they reached a busy page
   * well before the rest, though the scanner typed them together): take them back from where they went.
   */
  retracted?: string;
};

/**
 * Keys that came at scanner speed but cannot be told apart from typing with certainty. They are never
 * counted and never dropped: the screen shows them as a refused scan, in words.
 * - 'no_suffix': a scanner-speed burst long enough for a code ended without the scanner's end key.
 * - 'uneven': a scan that began right after other keys (a pause inside one scan, or typing just
 *   before it); `before` is the text that came first and was already let through as typing.
 */
export type RefusedScan = { reason: 'no_suffix' | 'uneven'; text: string; before: string; firstKeyAt: number; lastKeyAt: number };

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
  /**
   * A pause a busy computer may put inside one scan (the OS or the browser was descheduled between two
   * keys). A scanner-speed burst that pauses no longer than this is still one scan; default 300 ms.
   */
  hiccupMs?: number;
};

export type Ended = { scan?: DetectedScan; released?: string; refused?: RefusedScan };

export type PushResult = Ended & {
  /**
   * What to do with this key: 'buffer' (it may belong to a scan: hold it), 'scan' (it ended a scan:
   * the page must not see it), 'swallow' (the late end key of a refused scan: hide it), 'pass' (typing).
   * `scan`, `released` and `refused` describe a burst that ended at this key: the burst before it after
   * a pause, or the burst this key ends.
   */
  action: 'buffer' | 'pass' | 'scan' | 'swallow';
};

export type FlushResult = Ended;

export type ScanDetector = {
  push(e: ScanKeyEvent): PushResult;
  /** Call once the time dueAt() gave has passed: ends a burst after its silence. */
  flush(now: number): FlushResult;
  /** When flush() should next be called (in event time), or null with nothing building. */
  dueAt(): number | null;
  reset(): void;
};

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS']);
const MODIFIER_CODE = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|Fn)$/;
/** Keys in a row, each within maxGapMs, that no person types: from here the burst is a scanner's. */
const SCANNER_RUN = 3;
/** How long the late end key, or the rest of a code cut by a pause, may still arrive after the first part. */
const TAIL_MS = 800;

/**
 * Tells scanner bursts from human typing using timing only, with no clock of its own: callers pass
 * event time stamps in, and call flush() from a timer at dueAt().
 *
 * Decisions:
 * - Keys are decoded from `code` with the scanner's layout, not from `key`, so the OS layout and
 *   Caps Lock cannot garble a scan. `key` is used only for keys the layout does not map.
 * - A gap over maxGapMs between typed keys breaks a burst, except inside a burst that is already
 *   scanner-like (SCANNER_RUN fast keys): a busy computer may pause a scan, so a pause up to hiccupMs
 *   keeps it whole. A scan is never cut in two.
 * - With an end key (Enter/Tab) configured, a scanner-like burst long enough for a code that ends
 *   without it is refused ('no_suffix'), not let through as typing; its late end key is swallowed.
 *   A scan that starts within TAIL_MS of typing or of a refused burst is refused ('uneven'): it may be
 *   the rest of a cut scan. So a pause of up to TAIL_MS inside a scan never cuts it. A key no scanner
 *   sends (Backspace, an arrow, a person's Enter) ends that suspicion.
 * - Modifier-only keys (Shift, AltGr's Ctrl+Alt...) are skipped: they neither break the burst nor
 *   restart its gap timer, so a held, auto-repeating Shift cannot stretch slow typing into a scan.
 *   An auto-repeating character key is a person: it ends the burst as typing.
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
  const hiccupMs = Math.max(options.hiccupMs ?? 300, maxGapMs);
  const joins = suffix !== 'none';

  /** What recently ended without being a scan: text seen, the part let out as typing, and whether a refusal was shown. */
  type Chain = { text: string; out: string; refused: boolean; at: number };
  type Run = { chars: string; firstKeyAt: number; lastKeyAt: number; firstRun: number; paused: boolean; retracted: string; chainBefore: Chain | null };

  let chars = '';
  let firstKeyAt = 0;
  let lastKeyAt = 0;
  /** keys of the burst's first stretch, each within maxGapMs */
  let firstRun = 0;
  let paused = false;
  /** typing let out earlier that turned out to be this burst's first keys */
  let retracted = '';
  /** bursts that ended just before this one without being a scan: a scan right after them may be their rest */
  let chain: Chain | null = null;
  /** the chain as it was when the current burst began */
  let chainBefore: Chain | null = null;
  /** the burst that ended last, in case a late key proves, by its time stamp, that it had not ended */
  let lastRun: { run: Run; out: string; refused: boolean } | null = null;
  /** a refused burst's end key may still come: until then it is swallowed */
  let swallowSuffixUntil = -Infinity;

  const active = (): boolean => chars.length > 0;
  const scannerLike = (): boolean => firstRun >= SCANNER_RUN;
  const clear = (): void => {
    chars = '';
    firstRun = 0;
    paused = false;
    retracted = '';
  };
  /** A key no scanner sends, a person's Enter, a scan: nothing before it can be a scan's first part. */
  const forget = (): void => {
    chain = null;
    lastRun = null;
  };
  const codeText = (): string => chars.slice(prefix.length);
  const isComplete = (): boolean => chars.startsWith(prefix) && codeText().length >= minLength;
  /** Within one burst, by time stamps: close keys, or a pause a busy computer makes inside a scanner's burst. */
  const belongs = (gap: number, run: Pick<Run, 'firstRun'>): boolean => gap >= 0 && (gap <= maxGapMs || (joins && run.firstRun >= SCANNER_RUN && gap <= hiccupMs));
  /** The chain still counts for a burst that began at `at`. */
  const recentChain = (c: Chain | null, at: number): c is Chain => c !== null && at - c.at <= TAIL_MS;

  /**
   * A key whose time stamp says it was typed right after the burst that just ended. That burst was ended
   * by silence as the page saw it (its keys reached a busy page late), not as the scanner typed it: it
   * is taken up again, and what it let out as typing is to be taken back.
   */
  function revive(at: number): void {
    if (active() || !lastRun || !belongs(at - lastRun.run.lastKeyAt, lastRun.run)) return;
    const { run } = lastRun;
    chars = run.chars;
    firstKeyAt = run.firstKeyAt;
    lastKeyAt = run.lastKeyAt;
    firstRun = run.firstRun;
    paused = run.paused;
    retracted = run.retracted + lastRun.out;
    chain = run.chainBefore;
    chainBefore = run.chainBefore;
    lastRun = null;
    swallowSuffixUntil = -Infinity;
  }

  /** Remembers a burst that ended without being a scan, for what may follow it. */
  function remember(text: string, out: string, refused: boolean): void {
    const run: Run = { chars, firstKeyAt, lastKeyAt, firstRun, paused, retracted, chainBefore };
    lastRun = { run, out, refused };
    const prior = recentChain(chainBefore, firstKeyAt) ? chainBefore : null;
    chain = {
      text: (prior?.text ?? '') + text,
      out: (prior?.out ?? '') + retracted + out,
      refused: (prior?.refused ?? false) || refused,
      at: lastKeyAt,
    };
  }

  /** The burst ends without its end key: at silence, at a key that is not part of a code, or at a long pause. */
  function endWithoutSuffix(): Ended {
    if (!active()) return {};
    let result: Ended;
    if (!joins) {
      result = isComplete() ? { scan: scanOf(lastKeyAt) } : { released: chars };
      if (result.scan) forget();
    } else if (scannerLike() && isComplete()) {
      const before = recentChain(chainBefore, firstKeyAt) ? chainBefore : null;
      result = { refused: { reason: 'no_suffix', text: (before?.text ?? '') + codeText(), before: (before?.out ?? '') + retracted, firstKeyAt, lastKeyAt } };
      remember(codeText(), '', true);
      swallowSuffixUntil = lastKeyAt + TAIL_MS;
    } else {
      result = { released: chars };
      // only what goes out now: keys let out before, and taken up again, are out already
      remember(chars, chars.slice(retracted.length), false);
    }
    clear();
    return result;
  }

  function scanOf(at: number): DetectedScan {
    return { text: codeText(), firstKeyAt, lastKeyAt: at, ...(retracted ? { retracted } : {}) };
  }

  /** The end key arrived: a scan, unless it may be the rest of something cut a moment ago. */
  function endWithSuffix(at: number): Ended {
    const before = recentChain(chainBefore, firstKeyAt) ? chainBefore : null;
    const complete = isComplete();
    const text = complete ? codeText() : chars;
    const scan = complete ? scanOf(at) : null;
    const result: Ended = before && (complete || before.refused)
      // a busy computer can stall between a scan's first keys and the rest for longer than any pause inside it
      ? { refused: { reason: 'uneven', text: before.text + text, before: before.out + retracted, firstKeyAt, lastKeyAt: at } }
      : scan ? { scan } : { released: text };
    clear();
    forget();
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
    if (e.repeat) {
      // a key held down: whatever was building is typing too
      const released = chars;
      clear();
      forget();
      return { action: 'pass', ...(released ? { released } : {}) };
    }
    const end = isSuffix(e);
    // only a key a scanner types can continue its burst
    if (ch !== undefined || end) revive(e.timeStamp);
    let ended: Ended = {};
    if (active()) {
      const gap = e.timeStamp - lastKeyAt;
      if (!belongs(gap, { firstRun })) ended = endWithoutSuffix();
      else if (gap > maxGapMs) paused = true;
    }

    if (end) {
      if (!active() && e.timeStamp <= swallowSuffixUntil) {
        swallowSuffixUntil = -Infinity;
        return { action: 'swallow', ...ended };
      }
      const done = active() ? endWithSuffix(e.timeStamp) : {};
      if (done.scan || done.refused) return { action: 'scan', ...done };
      // a person's Enter ends what they typed: a scan right after it is not its continuation
      forget();
      return { action: 'pass', ...merge(ended, done) };
    }

    if (ch === undefined) {
      // a key no scanner types (Backspace, an arrow, a chord): what came before it was typing, not a scan's first keys
      const result: PushResult = { action: 'pass', ...merge(ended, endWithoutSuffix()) };
      forget();
      return result;
    }
    if (gsReplacement !== '' && ch === gsReplacement) ch = GS;

    const expected = prefix[chars.length];
    if (chars.length < prefix.length && ch !== expected) {
      // Not the prefix (or a broken prefix): this key is typing, unless it starts the prefix anew.
      const broken = active() ? { released: chars } : {};
      clear();
      if (ch !== prefix[0]) return { action: 'pass', ...merge(ended, broken) };
      return start(ch, e.timeStamp, merge(ended, broken));
    }
    if (!active()) return start(ch, e.timeStamp, ended);
    chars += ch;
    if (!paused && e.timeStamp - lastKeyAt <= maxGapMs) firstRun++;
    lastKeyAt = e.timeStamp;
    return { action: 'buffer', ...ended };
  }

  function start(ch: string, at: number, ended: Ended): PushResult {
    chars = ch;
    firstKeyAt = at;
    lastKeyAt = at;
    firstRun = 1;
    paused = false;
    retracted = '';
    chainBefore = chain;
    // something new began: a late end key of an earlier refused burst is no longer coming
    swallowSuffixUntil = -Infinity;
    return { action: 'buffer', ...ended };
  }

  function dueAt(): number | null {
    if (!active()) return null;
    return lastKeyAt + (joins && scannerLike() ? hiccupMs : maxGapMs) + 1;
  }

  function flush(now: number): FlushResult {
    const due = dueAt();
    if (due === null || now < due) return {};
    return endWithoutSuffix();
  }

  return {
    push, flush, dueAt,
    reset() {
      clear();
      forget();
      swallowSuffixUntil = -Infinity;
    },
  };
}

function merge(a: Ended, b: Ended): Ended {
  const released = (a.released ?? '') + (b.released ?? '');
  const scan = a.scan ?? b.scan;
  const refused = a.refused ?? b.refused;
  return { ...(scan ? { scan } : {}), ...(refused ? { refused } : {}), ...(released ? { released } : {}) };
}
