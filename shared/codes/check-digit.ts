/**
 * GS1 mod-10 check digit, shared by GTIN-8/12/13/14, SSCC, GLN and GSIN.
 * Weighting starts at the right so that left zero-padding (EAN-13 -> GTIN-14) never changes it.
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is its GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}
