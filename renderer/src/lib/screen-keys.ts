/**
 * The key for the screen at each place in the nav. The first ten run along the digits as on the
 * keyboard (Alt+1 … Alt+9, Alt+0, and F1 … F10); the next ten take the same digits with Shift
 * (Alt+Shift+1 …). F11 and F12 are the browser's (full screen, developer tools), so those have no F key.
 */
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

function altKey(index: number): string {
  const digit = DIGITS[index % 10];
  if (digit === undefined || index >= 20) return '';
  return index < 10 ? `Alt+${digit}` : `Alt+Shift+${digit}`;
}

export function screenKeyLabel(index: number): string { return altKey(index); }

/** for aria-keyshortcuts: "Alt+1 F1"; screens past the tenth have only their Alt+Shift key */
export function screenKeyShortcuts(index: number): string {
  return index < 10 ? `${altKey(index)} F${index + 1}` : altKey(index);
}

/** which screen a key asks for, or -1 */
export function screenIndexOfKey(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>): number {
  if (e.ctrlKey || e.metaKey) return -1;
  if (e.altKey) {
    const digit = /^Digit([0-9])$/.exec(e.code)?.[1];
    if (digit === undefined) return -1;
    return DIGITS.indexOf(digit) + (e.shiftKey ? 10 : 0);
  }
  const f = /^F([1-9]|10)$/.exec(e.key);
  return f && !e.shiftKey ? Number(f[1]) - 1 : -1;
}
