/**
 * Putting back keys the scanner listener held while it waited to see whether they were a scan.
 * Text goes into the focused field as if typed; other keys are dispatched again so screen shortcuts
 * (such as "/" for search) still see them.
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

const valueSetters = {
  input: Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set,
  textarea: Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set,
};

/**
 * Inserts `text` at the caret as typing would. React keeps its own copy of a controlled input's
 * value and ignores `el.value = x`; the prototype's setter plus an 'input' event is what it listens to.
 */
export function insertText(el: Element, text: string): void {
  if (text === '') return;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const setter = el instanceof HTMLInputElement ? valueSetters.input : valueSetters.textarea;
    const value = el.value;
    // number inputs have no caret position: typing there appends
    let start: number | null = null;
    let end: number | null = null;
    try {
      start = el.selectionStart;
      end = el.selectionEnd;
    } catch {
      start = null;
    }
    const from = start ?? value.length;
    const to = end ?? value.length;
    let next = value.slice(0, from) + text + value.slice(to);
    if (el.maxLength >= 0 && next.length > el.maxLength) next = next.slice(0, el.maxLength);
    if (setter) setter.call(el, next);
    else el.value = next;
    try {
      const caret = Math.min(from + text.length, next.length);
      if (start !== null) el.setSelectionRange(caret, caret);
    } catch {
      // inputs without a selection API
    }
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return;
  }
  if (el instanceof HTMLElement && el.isContentEditable) {
    el.ownerDocument.execCommand('insertText', false, text);
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
