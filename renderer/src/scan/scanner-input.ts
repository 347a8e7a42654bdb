import type { ScannerSettings } from '../../../shared/contract/pack';
import { createScanDetector, decodeKey, type DetectedScan, type Ended, type LayoutId, type RefusedScan, type ScanDetector, type ScanKeyEvent } from '../../../shared/scan';
import {
  focusedElement, insertText, isTextField, redispatch, replayedEvents, restoreField, scanPolicy, snapshotOf,
  submitsOnScan, typedText, type FieldSnapshot,
} from './replay-typing';

export type ScanContext = {
  /** the field the scan was typed into and taken back out of (a number or command field), if any */
  field: Element | null;
};

export type ScannerInputOptions = {
  settings: ScannerSettings;
  onScan(scan: DetectedScan, context: ScanContext): void;
  /** Keys at scanner speed that could not be told from typing: never counted, shown in words. */
  onRefused(refused: RefusedScan, context: ScanContext): void;
  /**
   * Typing released while no text field has the focus. Return true when handled (the pack screen puts
   * it in its manual entry field, calling `into` with that field first); otherwise the keys are
   * dispatched again for screen shortcuts.
   */
  onStrayTyping?(text: string, into: (field: Element) => void): boolean;
  /** every key the listener sees, for priming audio on the first user gesture */
  onKey?(): void;
};

export type ScannerInput = {
  setSettings(settings: ScannerSettings): void;
  stop(): void;
};

/**
 * Some key sources (test automation, remote desktops, a few Bluetooth bridges) send the shifted
 * character with the Shift flag unset. When the character the OS produced is exactly what the
 * scanner's layout types with Shift on that key, and Caps Lock is off, Shift was down.
 */
function effectiveShift(e: KeyboardEvent, layout: LayoutId): boolean {
  if (e.shiftKey) return true;
  if (e.ctrlKey || e.altKey || e.metaKey || e.getModifierState('CapsLock')) return false;
  const shifted = decodeKey(layout, e.code, true);
  return shifted !== undefined && e.key === shifted && e.key !== decodeKey(layout, e.code, false);
}

function toScanKey(e: KeyboardEvent, layout: LayoutId): ScanKeyEvent {
  return {
    code: e.code,
    key: e.key,
    timeStamp: e.timeStamp,
    shiftKey: effectiveShift(e, layout),
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    altGraphKey: e.getModifierState('AltGraph'),
    repeat: e.repeat,
  };
}

/**
 * A burst being built. 'held': nothing was focused, so its keys are held back from the page until
 * the burst turns out to be typing or a scan. 'typed': a text field had the focus, so its keys went
 * straight in, exactly as pressed (a person typing "-5" into a count gets "-5"); the listener only
 * watches, and acts when the burst turns out to be a scan.
 */
type Burst =
  | { mode: 'held'; events: KeyboardEvent[] }
  | { mode: 'typed'; field: Element; snapshot: FieldSnapshot | null; lastKeyAt: number };

/**
 * Listens to every key on the window (capture phase, before any screen sees it) and tells a
 * keyboard-wedge scanner from a person by timing.
 * - Nothing focused: keys that may start a scan are held back; typing is put back in order a few tens
 *   of milliseconds late (into the pack screen's entry field, or as key events for shortcuts).
 * - A text field focused: keys are never held. A scan stays in the field ("a scan goes to the focused
 *   field"), and its Enter is kept from submitting the form unless the field is a search box. A field
 *   for numbers or commands gives the scan back: it is taken out and handled as a scan.
 */
export function installScannerInput(options: ScannerInputOptions): ScannerInput {
  let settings = options.settings;
  let detector: ScanDetector = createScanDetector(settings);
  let burst: Burst | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** when the silence timer should fire; firing much later means the page was busy */
  let timerDueAt = 0;
  let lookedAgain = false;
  let releasing = false;
  /**
   * The last key's time stamp and when it actually reached the page. Keys can reach a busy page long
   * after they were typed; silence is counted from when the last one arrived, not from its stamp.
   */
  let lastKeyStamp = 0;
  let lastKeyArrival = 0;
  const silenceNow = () => lastKeyStamp + (performance.now() - lastKeyArrival);
  /** settings that arrived while a burst was building: applied once it ends, so a scan is never cut */
  let pendingSettings: ScannerSettings | null = null;
  /**
   * A field as it was before the latest keys went into it (typed, or let out after being held), kept
   * while more keys follow within TAIL_MS: if those keys prove to be a scan's first part, the field
   * goes back to this.
   */
  let fieldBefore: { field: Element; snapshot: FieldSnapshot; at: number } | null = null;
  const TAIL_MS = 800;

  function noteFieldInput(field: Element, at: number): void {
    if (fieldBefore && fieldBefore.field === field && at - fieldBefore.at <= TAIL_MS) {
      fieldBefore.at = at;
      return;
    }
    const snapshot = snapshotOf(field);
    fieldBefore = snapshot ? { field, snapshot, at } : null;
  }

  /** Keys let out as typing turned out to be a scan's first part: the field they went into goes back as it was. */
  function takeBackTyping(scanStartedAt: number): void {
    const before = fieldBefore;
    fieldBefore = null;
    if (before && before.field.isConnected && scanStartedAt - before.at <= TAIL_MS) restoreField(before.field, before.snapshot);
  }

  function applyPendingSettings(): void {
    if (!pendingSettings || burst !== null) return;
    settings = pendingSettings;
    pendingSettings = null;
    detector = createScanDetector(settings);
  }

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** Typing held back goes out in order: into a field once one has the focus (a "/" may focus the search), else as key events. */
  function release(events: KeyboardEvent[]): void {
    if (events.length === 0) return;
    const at = events.at(-1)!.timeStamp;
    releasing = true;
    try {
      for (let i = 0; i < events.length; i++) {
        const focus = focusedElement();
        const rest = events.slice(i).map(typedText).join('');
        if (isTextField(focus)) {
          noteFieldInput(focus, at);
          insertText(focus, rest);
          return;
        }
        if (i === 0 && rest !== '' && options.onStrayTyping?.(rest, (field) => noteFieldInput(field, at))) return;
        if (typedText(events[i]!) !== '') redispatch(events[i]!);
      }
    } finally {
      releasing = false;
    }
  }

  function guarded(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.error('[scanner] a scan could not be handled', e);
    }
  }

  /** A burst ended; `ended` says how. `finished` is the burst it belonged to. */
  function settle(ended: Ended, finished: Burst | null): void {
    if (!finished) return;
    // keys let out as typing that proved to be this scan's first part (a busy page got them early)
    const takeBack = ended.scan?.retracted || ended.refused?.before || '';
    const startedAt = ended.scan?.firstKeyAt ?? ended.refused?.firstKeyAt ?? 0;
    if (finished.mode === 'held') {
      if (ended.released !== undefined) release(finished.events);
      if (takeBack) takeBackTyping(startedAt);
      if (ended.scan) { const scan = ended.scan; guarded(() => options.onScan(scan, { field: null })); }
      if (ended.refused) { const refused = ended.refused; guarded(() => options.onRefused(refused, { field: null })); }
      return;
    }
    // typed into a field: the text is there already; only a scan (or what may be one) needs more
    if (!ended.scan && !ended.refused) return;
    const field = finished.field;
    if (field.isConnected && scanPolicy(field) === 'fill') return;
    if (takeBack) takeBackTyping(startedAt);
    else if (finished.snapshot) restoreField(field, finished.snapshot);
    if (ended.scan) { const scan = ended.scan; guarded(() => options.onScan(scan, { field })); }
    if (ended.refused) { const refused = ended.refused; guarded(() => options.onRefused(refused, { field })); }
  }

  function schedule(): void {
    clearTimer();
    const due = detector.dueAt();
    if (due === null) return;
    lookedAgain = false;
    const wait = Math.max(0, due - silenceNow()) + 5;
    timerDueAt = performance.now() + wait;
    timer = setTimeout(onSilence, wait);
  }

  function onSilence(): void {
    timer = undefined;
    // A timer that fires late means the page was busy (a long render, a descheduled process): the
    // scanner's next keys may be queued behind it. Look once more after they have been dispatched,
    // instead of ending the burst early.
    if (!lookedAgain && performance.now() - timerDueAt > 10) {
      lookedAgain = true;
      timer = setTimeout(onSilence, 10);
      return;
    }
    const ended = detector.flush(silenceNow());
    if (!ended.scan && !ended.released && !ended.refused) {
      schedule(); // the timer fired a little early
      return;
    }
    const finished = burst;
    burst = null;
    settle(ended, finished);
    applyPendingSettings();
  }

  /** Whatever is held goes back as typing now (text arrived another way, or the pointer moved focus). */
  function releaseAll(): void {
    if (!burst) return;
    clearTimer();
    detector.reset();
    const finished = burst;
    burst = null;
    if (finished.mode === 'held') release(finished.events);
    applyPendingSettings();
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (replayedEvents.has(e)) return;
    options.onKey?.();
    // an input method composes text itself: never hold its keys
    if (e.isComposing || e.key === 'Process') return;
    const focus = focusedElement();
    const inField = isTextField(focus);
    // a scan never starts with a space; a space on a focused button must still press it
    if (burst === null && e.key === ' ' && !inField) return;

    // the field's value before this key, in case this key starts a scan that must be taken back out
    const before = inField && focus ? snapshotOf(focus) : null;
    const result = detector.push(toScanKey(e, settings.layout));
    lastKeyStamp = e.timeStamp;
    lastKeyArrival = performance.now();
    const ended: Ended = { ...(result.scan ? { scan: result.scan } : {}), ...(result.released !== undefined ? { released: result.released } : {}), ...(result.refused ? { refused: result.refused } : {}) };
    const endedSomething = ended.scan !== undefined || ended.released !== undefined || ended.refused !== undefined;
    const prior = burst;
    // with action 'scan' this key ends the burst it belongs to; otherwise a burst that ended is the one before it
    const keyEndsBurst = result.action === 'scan';
    let current: Burst | null = endedSomething && !keyEndsBurst ? null : prior;

    if (result.action === 'buffer' && current === null) {
      if (inField && focus) {
        current = { mode: 'typed', field: focus, snapshot: before, lastKeyAt: e.timeStamp };
      } else {
        current = { mode: 'held', events: [] };
      }
    }
    const mode = (keyEndsBurst ? prior : current)?.mode ?? (inField ? 'typed' : 'held');

    if (result.action === 'swallow') {
      // the late end key of a refused burst must not close a parcel or submit a form; in a field that
      // keeps what was typed (a search, a name) the text is still there, and the person's Enter acts on it
      if (!(inField && focus && scanPolicy(focus) === 'fill')) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    } else if (mode === 'held' && (result.action === 'buffer' || result.action === 'scan')) {
      // the page must not see a key that may belong to a scan
      e.preventDefault();
      e.stopImmediatePropagation();
    } else if (mode === 'typed' && result.action === 'scan' && prior?.mode === 'typed') {
      // the scanner's end key: a search acts on it; any other field keeps the code and waits for the person
      const keepEnter = scanPolicy(prior.field) === 'fill' && submitsOnScan(prior.field) && !result.refused;
      if (!keepEnter) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    }
    if (result.action === 'buffer' && current?.mode === 'held') current.events.push(e);
    if (result.action === 'buffer' && current?.mode === 'typed') {
      current.lastKeyAt = e.timeStamp;
      noteFieldInput(current.field, e.timeStamp);
    }

    burst = keyEndsBurst ? null : current;
    if (endedSomething) settle(ended, prior);
    schedule();
    applyPendingSettings();
  };

  // Text that arrives without key presses (paste, an input method, an on-screen keyboard) is a person.
  const onBeforeInput = (e: Event) => {
    if (releasing || burst?.mode !== 'held') return;
    const input = e as InputEvent;
    const target = input.target instanceof Element ? input.target : null;
    // The browser has already chosen where its text goes; held text put in first would land after
    // it. So plain text is taken over: the held keys first, then this text, both at the caret.
    if (input.inputType === 'insertText' && input.data && input.cancelable && target && isTextField(target)) {
      input.preventDefault();
      releaseAll();
      insertText(target, input.data);
      return;
    }
    releaseAll();
  };
  // a click between typing and a scan (type a postcode, click Save, scan) means the typing is over:
  // what was typed before it is never taken for a scan's first part
  const onPointerDown = () => { if (burst) releaseAll(); else detector.reset(); };
  const onBlur = () => releaseAll();

  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('beforeinput', onBeforeInput, { capture: true });
  window.addEventListener('pointerdown', onPointerDown, { capture: true });
  window.addEventListener('blur', onBlur);

  return {
    setSettings(next) {
      if (JSON.stringify(next) === JSON.stringify(settings)) return;
      pendingSettings = next;
      applyPendingSettings();
    },
    stop() {
      releaseAll();
      clearTimer();
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('beforeinput', onBeforeInput, { capture: true });
      window.removeEventListener('pointerdown', onPointerDown, { capture: true });
      window.removeEventListener('blur', onBlur);
    },
  };
}
