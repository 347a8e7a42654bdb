/**
 * Putting back keys the scanner listener held while it waited to see whether they were a scan (it
 * holds keys only while no text field has the focus). Text goes into a field as typing would; other
 * keys are dispatched again so screen shortcuts (such as "/" for search) still see them.
 */

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/** Events this module dispatched; the scanner listener lets them through untouched. */
export const replayedEvents = new WeakSet<Event>();

/** The element that has the focus, looking inside shadow roots and same-origin iframes. */
export function focusedElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === document.body ? null : el;
}

export function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * What a scan does in a focused field. 'fill': the code stays in the field (a name, a search, a
 * barcode field). 'route': the field is for typed numbers or commands, so a scan is taken back out of
 * it and handled like a scan with nothing focused (a barcode must never become a count).
 */
export type ScanPolicy = 'fill' | 'route';

export function scanPolicy(el: Element): ScanPolicy {
  const marked = el.closest('[data-scan]')?.getAttribute('data-scan');
  if (marked === 'route' || marked === 'fill') return marked;
  if (el instanceof HTMLInputElement && (el.type === 'number' || el.inputMode === 'numeric' || el.inputMode === 'decimal')) return 'route';
  return 'fill';
}

/** A field where Enter after a scanned code should act at once (a search box), not wait for the person. */
export function submitsOnScan(el: Element): boolean {
  if (el.closest('[data-scan-enter="submit"]')) return true;
  const role = el.getAttribute('role');
  return (el instanceof HTMLInputElement && el.type === 'search') || role === 'searchbox' || role === 'combobox';
}

export type FieldSnapshot = { value: string; start: number | null; end: number | null };

export function snapshotOf(el: Element): FieldSnapshot | null {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = el.selectionStart;
    end = el.selectionEnd;
  } catch {
    // number inputs have no selection API
  }
  return { value: el.value, start, end };
}

const valueSetters = {
  input: Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set,
  textarea: Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set,
};

/** Sets a field's value the way React notices (the prototype's setter, then an 'input' event). */
export function setFieldValue(el: HTMLInputElement | HTMLTextAreaElement, value: string, caret?: number | null): void {
  const setter = el instanceof HTMLInputElement ? valueSetters.input : valueSetters.textarea;
  if (setter) setter.call(el, value);
  else el.value = value;
  try {
    if (caret !== undefined && caret !== null) el.setSelectionRange(caret, caret);
  } catch {
    // inputs without a selection API
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
}

/** Puts a field back as it was before a scan typed into it. */
export function restoreField(el: Element, snapshot: FieldSnapshot): void {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || el.value === snapshot.value) return;
  setFieldValue(el, snapshot.value, snapshot.start);
}

/**
 * Inserts `text` at the caret as typing would. In the focused field the browser's own editing command
 * does it, so the field gets exactly the text (a number field keeps "-5", "1.5"), with its undo step and
 * its beforeinput/input events. Elsewhere (or if the command is refused) the value is set directly.
 */
export function insertText(el: Element, text: string): void {
  if (text === '') return;
  if (el === focusedElement() && el.ownerDocument.execCommand('insertText', false, text)) return;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const snap = snapshotOf(el)!;
    const from = snap.start ?? snap.value.length;
    const to = snap.end ?? snap.value.length;
    let next = snap.value.slice(0, from) + text + snap.value.slice(to);
    if (el.maxLength >= 0 && next.length > el.maxLength) next = next.slice(0, el.maxLength);
    setFieldValue(el, next, snap.start === null ? null : Math.min(from + text.length, next.length));
  }
}

/** The text a held key would have typed on this computer (its own layout), or '' for none. */
export function typedText(e: KeyboardEvent): string {
  if (e.ctrlKey && !e.altKey) return '';
  if (e.metaKey) return '';
  return [...e.key].length === 1 ? e.key : '';
}

/** Sends a held key again, marked so the scanner listener does not hold it a second time. */
export function redispatch(original: KeyboardEvent): void {
  const target = original.target instanceof Node && original.target.isConnected ? original.target : (document.activeElement ?? document.body);
  const copy = new KeyboardEvent('keydown', {
    key: original.key,
    code: original.code,
    location: original.location,
    repeat: original.repeat,
    shiftKey: original.shiftKey,
    ctrlKey: original.ctrlKey,
    altKey: original.altKey,
    metaKey: original.metaKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  replayedEvents.add(copy);
  target.dispatchEvent(copy);
}
