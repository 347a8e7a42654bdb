import type { ScannerSettings } from '../../../shared/contract/pack';
import { createScanDetector, decodeKey, type DetectedScan, type LayoutId, type ScanDetector, type ScanKeyEvent } from '../../../shared/scan';
import { focusedElement, insertText, isTextField, redispatch, replayedEvents, typedText } from './replay-typing';

export type ScanContext = {
  /** the text field that had the focus when the scan began, if any (the scan never went into it) */
  field: Element | null;
};

export type ScannerInputOptions = {
  settings: ScannerSettings;
  onScan(scan: DetectedScan, context: ScanContext): void;
  /**
   * Typing released while no text field has the focus. Return true when handled (the pack screen puts
   * it in its manual entry field); otherwise the keys are dispatched again for screen shortcuts.
   */
  onStrayTyping?(text: string): boolean;
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
  };
}

/**
 * Listens to every key on the window (capture phase, before any screen sees it) and tells a
 * keyboard-wedge scanner from a person by timing. Keys that may be the start of a scan are held
 * back (the focused field does not get them yet); when they turn out to be typing they are put back
 * in order, into the focused field or as key events, a few tens of milliseconds late.
 */
export function installScannerInput(options: ScannerInputOptions): ScannerInput {
  let settings = options.settings;
  let detector: ScanDetector = createScanDetector(settings);
  /** the key events held back for the burst being built, in order */
  let held: KeyboardEvent[] = [];
  /** the text field focused when the held burst began */
  let heldField: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** when the silence timer should fire; firing much later means the page was busy */
  let timerDueAt = 0;
  let lookedAgain = false;
  let releasing = false;
  /** settings that arrived while a burst was held: applied once it ends, so a scan is never cut */
  let pendingSettings: ScannerSettings | null = null;

  function applyPendingSettings(): void {
    if (!pendingSettings || held.length > 0) return;
    settings = pendingSettings;
    pendingSettings = null;
    detector = createScanDetector(settings);
  }

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function release(events: KeyboardEvent[]): void {
    if (events.length === 0) return;
    releasing = true;
    try {
      const text = events.map(typedText).join('');
      const focus = focusedElement();
      if (isTextField(focus)) {
        insertText(focus, text);
      } else if (!(text !== '' && options.onStrayTyping?.(text))) {
        for (const e of events) if (typedText(e) !== '') redispatch(e);
      }
    } finally {
      releasing = false;
    }
  }

  function deliver(scan: DetectedScan, field: Element | null): void {
    try {
      options.onScan(scan, { field });
    } catch (e) {
      console.error('[scanner] a scan could not be handled', e);
    }
  }

  function schedule(): void {
    clearTimer();
    if (held.length === 0) return;
    lookedAgain = false;
    timerDueAt = performance.now() + settings.maxGapMs + 5;
    timer = setTimeout(onSilence, settings.maxGapMs + 5);
  }

  function onSilence(): void {
    timer = undefined;
    // A timer that fires late means the page was busy (a long render, a descheduled process): the
    // scanner's next keys may be queued behind it. Look once more after they have been dispatched,
    // instead of cutting the scan in two.
    if (!lookedAgain && performance.now() - timerDueAt > 10) {
      lookedAgain = true;
      timer = setTimeout(onSilence, 10);
      return;
    }
    const result = detector.flush(performance.now());
    if (!result.scan && !result.released) {
      schedule(); // the timer fired a little early
      return;
    }
    const events = held;
    const field = heldField;
    held = [];
    heldField = null;
    if (result.scan) deliver(result.scan, field);
    else release(events);
    applyPendingSettings();
  }

  /** Whatever is held goes back as typing now (text arrived another way, or the pointer moved focus). */
  function releaseAll(): void {
    if (held.length === 0) return;
    clearTimer();
    detector.reset();
    const events = held;
    held = [];
    heldField = null;
    release(events);
    applyPendingSettings();
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (replayedEvents.has(e)) return;
    options.onKey?.();
    // an input method composes text itself: never hold its keys
    if (e.isComposing || e.key === 'Process') return;
    // a scan never starts with a space; a space on a focused button must still press it
    if (held.length === 0 && e.key === ' ' && !isTextField(focusedElement())) return;

    const result = detector.push(toScanKey(e, settings.layout));
    const finished = result.scan !== undefined || result.released !== undefined || result.action === 'scan';
    let previous: KeyboardEvent[] = [];
    let previousField: Element | null = null;
    if (finished) {
      previous = held;
      previousField = heldField;
      held = [];
      heldField = null;
    }

    if (result.action === 'buffer' || result.action === 'scan') {
      // the page must not see a key that may belong to a scan
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    if (result.action === 'buffer') {
      if (held.length === 0) heldField = isTextField(focusedElement()) ? focusedElement() : null;
      held.push(e);
    }

    if (result.action === 'scan' && result.scan) {
      deliver(result.scan, previousField);
    } else if (result.scan) {
      // suffix 'none': the previous burst ended as a scan, this key begins something new
      deliver(result.scan, previousField);
    } else if (result.released !== undefined) {
      release(previous);
    }
    schedule();
    applyPendingSettings();
  };

  // Text that arrives without key presses (paste, an input method, an on-screen keyboard) is a person.
  const onBeforeInput = (e: Event) => {
    if (releasing || held.length === 0) return;
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
  const onPointerDown = () => releaseAll();
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
