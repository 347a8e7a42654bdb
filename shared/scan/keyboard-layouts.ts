/**
 * What each physical key types on the layouts a scanner can be programmed for. A keyboard-wedge
 * scanner presses key positions; decoding from KeyboardEvent.code with the scanner's layout keeps
 * scans intact whatever layout (or Caps Lock) the operating system has.
 * Dead keys (^ ´ ` ¨ on DE/FR) are left out: they produce nothing on their own.
 */

export type LayoutId = 'us' | 'de' | 'fr';

/** [plain, shift, AltGr]; '' where the key types nothing (or only a dead key) in that level. */
type Levels = readonly [string, string, string?];
type Layout = Readonly<Record<string, Levels>>;

export type KeyStroke = { code: string; shift: boolean; altGr: boolean };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function letterKeys(swap: Record<string, string>): Record<string, Levels> {
  const out: Record<string, Levels> = {};
  for (const l of LETTERS) {
    const typed = swap[l] ?? l;
    out[`Key${l.toUpperCase()}`] = [typed, typed.toUpperCase()];
  }
  return out;
}

function numpad(decimal: string): Record<string, Levels> {
  const out: Record<string, Levels> = {
    NumpadDecimal: [decimal, ''],
    NumpadAdd: ['+', ''],
    NumpadSubtract: ['-', ''],
    NumpadMultiply: ['*', ''],
    NumpadDivide: ['/', ''],
  };
  for (let d = 0; d <= 9; d++) out[`Numpad${d}`] = [String(d), ''];
  return out;
}

/** Keys Digit1..Digit0 from a list of [plain, shift, AltGr?] in that order. */
function digitRow(levels: readonly Levels[]): Record<string, Levels> {
  const out: Record<string, Levels> = {};
  levels.forEach((l, i) => (out[`Digit${(i + 1) % 10}`] = l));
  return out;
}

const US: Layout = {
  ...letterKeys({}),
  ...digitRow([['1', '!'], ['2', '@'], ['3', '#'], ['4', '$'], ['5', '%'], ['6', '^'], ['7', '&'], ['8', '*'], ['9', '('], ['0', ')']]),
  Backquote: ['`', '~'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  ...numpad('.'),
};

const DE: Layout = {
  ...letterKeys({ y: 'z', z: 'y' }),
  KeyQ: ['q', 'Q', '@'],
  KeyE: ['e', 'E', '€'],
  KeyM: ['m', 'M', 'µ'],
  ...digitRow([
    ['1', '!'], ['2', '"', '²'], ['3', '§', '³'], ['4', '$'], ['5', '%'],
    ['6', '&'], ['7', '/', '{'], ['8', '(', '['], ['9', ')', ']'], ['0', '=', '}'],
  ]),
  Backquote: ['', '°'],
  Minus: ['ß', '?', '\\'],
  BracketLeft: ['ü', 'Ü'],
  BracketRight: ['+', '*', '~'],
  Semicolon: ['ö', 'Ö'],
  Quote: ['ä', 'Ä'],
  Backslash: ['#', "'"],
  IntlBackslash: ['<', '>', '|'],
  Comma: [',', ';'],
  Period: ['.', ':'],
  Slash: ['-', '_'],
  Space: [' ', ' '],
  ...numpad(','),
};

const FR: Layout = {
  ...letterKeys({ a: 'q', q: 'a', w: 'z', z: 'w' }),
  KeyE: ['e', 'E', '€'],
  KeyM: [',', '?'],
  ...digitRow([
    ['&', '1'], ['é', '2'], ['"', '3', '#'], ["'", '4', '{'], ['(', '5', '['],
    ['-', '6', '|'], ['è', '7'], ['_', '8', '\\'], ['ç', '9', '^'], ['à', '0', '@'],
  ]),
  Backquote: ['²', ''],
  Minus: [')', '°', ']'],
  Equal: ['=', '+', '}'],
  BracketRight: ['$', '£', '¤'],
  Semicolon: ['m', 'M'],
  Quote: ['ù', '%'],
  Backslash: ['*', 'µ'],
  IntlBackslash: ['<', '>'],
  Comma: [';', '.'],
  Period: [':', '/'],
  Slash: ['!', '§'],
  Space: [' ', ' '],
  ...numpad('.'),
};

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = { us: US, de: DE, fr: FR };

/** The character a key position types on `layout`, or undefined when it types none there. */
export function decodeKey(layout: LayoutId, code: string, shift: boolean, altGr = false): string | undefined {
  const levels = LAYOUTS[layout][code];
  if (!levels) return undefined;
  const ch = altGr ? levels[2] : shift ? levels[1] : levels[0];
  return ch ? ch : undefined;
}

/**
 * Every key stroke that types `ch` on `layout` (main block first, then numpad). Used by fake
 * scanners and tests to type like a real wedge scanner would.
 */
export function keyStrokesFor(layout: LayoutId, ch: string): KeyStroke[] {
  const out: KeyStroke[] = [];
  for (const [code, [plain, shifted, altGr]] of Object.entries(LAYOUTS[layout])) {
    if (plain === ch) out.push({ code, shift: false, altGr: false });
    if (shifted === ch) out.push({ code, shift: true, altGr: false });
    if (altGr === ch) out.push({ code, shift: false, altGr: true });
  }
  return out;
}

/** All characters a scanner set to `layout` can type. */
export function layoutCharacters(layout: LayoutId): string[] {
  const set = new Set<string>();
  for (const levels of Object.values(LAYOUTS[layout])) for (const c of levels) if (c) set.add(c);
  return [...set].sort();
}
