/**
 * The key for the screen at each place in the nav. The digits run as on the keyboard
 * (1..9, then 0), and the eleventh screen takes the key after 0 (Alt+-). It has no F key:
 * F11 is the browser's full screen.
 */
const ALT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9', 'Digit0', 'Minus'];
const ALT_LABELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-'];

export function screenKeyLabel(index: number): string { return `Alt+${ALT_LABELS[index] ?? '?'}`; }

/** for aria-keyshortcuts: "Alt+1 F1"; the eleventh screen has only its Alt key */
export function screenKeyShortcuts(index: number): string {
  const f = index < 10 ? ` F${index + 1}` : '';
  return `Alt+${ALT_LABELS[index] ?? '?'}${f}`;
}

/** which screen a key asks for, or -1 */
export function screenIndexOfKey(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>): number {
  if (e.ctrlKey || e.metaKey) return -1;
  if (e.altKey) return ALT_CODES.indexOf(e.code);
  const f = /^F([1-9]|10)$/.exec(e.key);
  return f && !e.shiftKey ? Number(f[1]) - 1 : -1;
}
