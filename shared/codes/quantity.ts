/**
 * "x12" typed after a scan: the item scanned last was a case of 12. Anything that starts like that but
 * is not a whole number in range ("x-3", "x1.5", "x") is a mistyped quantity, never a barcode: it must
 * not be looked up, counted or offered as a code to assign.
 */
export type QuantityCommand =
  | { kind: 'none' }
  | { kind: 'quantity'; quantity: number }
  | { kind: 'invalid'; message: string };

export const MAX_CASE_QUANTITY = 9999;

const LOOKS_LIKE = /^[xX×*]\s*[-+]?\d*(?:[.,]\d*)?$/;
const WHOLE = /^[xX×*]\s*(\d{1,6})$/;

export function parseQuantityCommand(text: string): QuantityCommand {
  const t = text.trim();
  if (!LOOKS_LIKE.test(t)) return { kind: 'none' };
  const whole = WHOLE.exec(t);
  const how = `To count the last item scanned as several, type x and a whole number from 2 to ${MAX_CASE_QUANTITY} (for a case of 12: x12), then Enter.`;
  if (!whole) {
    const rest = t.slice(1).trim();
    if (rest === '') return { kind: 'invalid', message: `"${t}" has no number after the x. ${how}` };
    if (rest.startsWith('-')) return { kind: 'invalid', message: `"${t}" is a negative quantity, which cannot be counted. To take a scan back, press Ctrl+Z.` };
    return { kind: 'invalid', message: `"${t}" is not a whole number of items. ${how}` };
  }
  const quantity = Number(whole[1]);
  if (quantity < 2 || quantity > MAX_CASE_QUANTITY) return { kind: 'invalid', message: `"${t}" is outside what a case can hold. ${how}` };
  return { kind: 'quantity', quantity };
}

/** True for text that a person meant as a quantity ("x12", "x-3"): never a barcode. */
export function isQuantityCommand(text: string): boolean {
  return parseQuantityCommand(text).kind !== 'none';
}

/** The longest code a shop prints on an item label; Code 128 at a readable size holds about this many. */
export const MAX_ITEM_CODE_LENGTH = 48;

/** Why a code cannot become a product's barcode, in words, or null when it can. */
export function assignableCodeProblem(code: string): string | null {
  const t = code.trim();
  if (t === '') return 'The code is empty: scan the barcode on the item.';
  if (isQuantityCommand(t)) return `"${t}" is a quantity typed after a scan (like x12), not a barcode.`;
  if (t.length > MAX_ITEM_CODE_LENGTH) return `That code is ${t.length} characters long; an item barcode has at most ${MAX_ITEM_CODE_LENGTH}. It is probably two scans run together.`;
  // GS (0x1d) is the GS1 separator; any other control character is a misconfigured scanner
  if (/[\u0000-\u001c\u001e\u001f\u007f-\u009f]/.test(t)) return 'The code contains control characters, so the scanner is probably set up wrongly.';
  return null;
}
