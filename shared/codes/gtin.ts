import { gs1CheckDigit } from './check-digit';

export type GtinSymbology = 'upc-a' | 'upc-e' | 'ean-8' | 'ean-13' | 'gtin-14';

export type GtinResult =
  | { ok: true; gtin14: string; symbology: GtinSymbology }
  | { ok: false; reason: 'check-digit' | 'length' | 'not-digits'; message: string };

export type NormaliseGtinOptions = {
  /**
   * How to read an 8-digit code. The digits alone cannot tell UPC-E from EAN-8; a scanner that
   * sends AIM ids can (]E4 is EAN-8). Without a hint, a code starting 0 or 1 with a valid UPC-E
   * check digit is UPC-E, otherwise EAN-8.
   */
  eightDigit?: 'upc-e' | 'ean-8';
};

const BY_LENGTH: Partial<Record<number, GtinSymbology>> = { 12: 'upc-a', 13: 'ean-13', 14: 'gtin-14' };

const RETRY = 'rescan, or type the code from the label';

/**
 * UPC-E (number system, six digits, check) to the UPC-A it abbreviates. The last of the six
 * digits says where the zeros that UPC-E suppressed belong.
 */
export function expandUpcE(upcE: string): string {
  const ns = upcE.slice(0, 1);
  const d = upcE.slice(1, 7);
  const check = upcE.slice(7, 8);
  const last = d.slice(5);
  let body: string;
  if (last === '0' || last === '1' || last === '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return `${ns}${body}${check}`;
}

function checkFailure(digits: string, expected: number, as?: string): GtinResult {
  const kind = as ? ` for ${as}` : '';
  return {
    ok: false,
    reason: 'check-digit',
    message: `Check digit wrong in ${digits} (expected ${expected}${kind}): ${RETRY}`,
  };
}

function expectedCheck(digits: string): number {
  return gs1CheckDigit(digits.slice(0, -1));
}

function fromEight(digits: string, hint: NormaliseGtinOptions['eightDigit']): GtinResult {
  const upcEPossible = digits[0] === '0' || digits[0] === '1';
  const upcA = upcEPossible ? expandUpcE(digits) : '';
  const upcEOk = upcEPossible && expectedCheck(upcA) === Number(digits[7]);
  const ean8Ok = expectedCheck(digits) === Number(digits[7]);

  if (hint === 'ean-8') {
    return ean8Ok ? { ok: true, gtin14: digits.padStart(14, '0'), symbology: 'ean-8' } : checkFailure(digits, expectedCheck(digits));
  }
  // Without a hint UPC-E wins for 0/1-leading codes: EAN-8s starting with 0 are in-store
  // restricted numbers, while UPC-E is on a great many US retail products.
  if (upcEOk) return { ok: true, gtin14: upcA.padStart(14, '0'), symbology: 'upc-e' };
  if (hint === 'upc-e' && upcEPossible) return checkFailure(digits, expectedCheck(upcA), 'UPC-E');
  if (ean8Ok) return { ok: true, gtin14: digits.padStart(14, '0'), symbology: 'ean-8' };
  if (!upcEPossible) return checkFailure(digits, expectedCheck(digits));
  return {
    ok: false,
    reason: 'check-digit',
    message: `Check digit wrong in ${digits} (expected ${expectedCheck(upcA)} for UPC-E or ${expectedCheck(digits)} for EAN-8): ${RETRY}`,
  };
}

/**
 * Validate a retail code and widen it to GTIN-14, so the same product compares equal whether it
 * was scanned as UPC-A, as the EAN-13 with a leading 0 that UPC-A is, or as its UPC-E short form.
 * `symbology` is what the length says was scanned (13 digits is 'ean-13' even when it starts with 0).
 * No trimming: pass exactly the digits.
 */
export function normaliseGtin(digits: string, opts: NormaliseGtinOptions = {}): GtinResult {
  if (digits.length === 0) {
    return { ok: false, reason: 'length', message: `No digits were read: ${RETRY}` };
  }
  if (!/^\d+$/.test(digits)) {
    return {
      ok: false,
      reason: 'not-digits',
      message: `"${digits}" is not a product barcode (it has characters other than digits): ${RETRY}`,
    };
  }
  if (digits.length === 8) return fromEight(digits, opts.eightDigit);

  const symbology = BY_LENGTH[digits.length];
  if (symbology === undefined) {
    return {
      ok: false,
      reason: 'length',
      message: `${digits} has ${digits.length} digits, but product barcodes have 8, 12, 13 or 14: ${RETRY}`,
    };
  }
  const expected = expectedCheck(digits);
  if (expected !== Number(digits.slice(-1))) return checkFailure(digits, expected);
  return { ok: true, gtin14: digits.padStart(14, '0'), symbology };
}

export function isValidGtin(digits: string, opts?: NormaliseGtinOptions): boolean {
  return normaliseGtin(digits, opts).ok;
}
