import { normaliseGtin } from '../codes';

/**
 * What a barcode on a product may be. Retail codes (8 to 14 digits) must carry a right check digit and
 * are stored as GTIN-14 so any scan form finds them; anything else is an internal Code 128 label.
 */
export type BarcodeCheck =
  | { ok: true; code: string; symbology: 'upc-a' | 'ean-13' | 'ean-8' | 'upc-e' | 'gtin-14' | 'code128' }
  | { ok: false; message: string };

// the bench reads "x12" as "the last item counts 12"; a barcode like that could never be scanned as an item
const LOOKS_LIKE_MULTIPLY = /^[xX×*]\s*-?\d/;

export function checkBarcode(raw: string): BarcodeCheck {
  const code = raw.trim();
  if (!code) return { ok: false, message: 'The barcode is empty: scan it or type it.' };
  if (/^\d{8,14}$/.test(code)) {
    const g = normaliseGtin(code);
    return g.ok ? { ok: true, code: g.gtin14, symbology: g.symbology } : { ok: false, message: g.message };
  }
  if (code.length < 3 || code.length > 48) return { ok: false, message: `"${code.slice(0, 60)}" cannot be a barcode: use 3 to 48 characters.` };
  if (!/^[\x21-\x7e]+$/.test(code)) return { ok: false, message: `"${code.slice(0, 60)}" cannot be a barcode: use letters, digits and signs without spaces or accents.` };
  if (LOOKS_LIKE_MULTIPLY.test(code)) return { ok: false, message: `"${code}" reads as a quantity at the bench ("x12"), so it cannot be a barcode.` };
  if (/^\d+$/.test(code)) return { ok: false, message: `"${code}" has ${code.length} digits: a retail barcode has 8, 12, 13 or 14.` };
  return { ok: true, code, symbology: 'code128' };
}

/** HS codes: 6 digits internationally, up to 10 with a country's own extension. Dots and spaces are allowed when typed. */
export function normaliseHsCode(raw: string): { ok: true; code: string } | { ok: false; message: string } {
  const digits = raw.replace(/[\s.]/g, '');
  if (digits === '') return { ok: true, code: '' };
  if (!/^\d+$/.test(digits) || ![6, 8, 10].includes(digits.length)) {
    return { ok: false, message: `"${raw.trim()}" is not an HS code: it has 6, 8 or 10 digits (e.g. 6912.00 for ceramic tableware).` };
  }
  return { ok: true, code: digits };
}

/** SKUs are typed, printed and scanned: no spaces at the ends, printable characters, at most 64. */
export function checkSku(raw: string): { ok: true; sku: string } | { ok: false; message: string } {
  const sku = raw.trim();
  if (!sku) return { ok: false, message: 'Every variant needs a SKU.' };
  if (sku.length > 64) return { ok: false, message: 'A SKU has at most 64 characters.' };
  if (/[\s]/.test(sku)) return { ok: false, message: `"${sku}" has a space: a SKU is one word (use - or _).` };
  if (/[\x00-\x1f\x7f]/.test(sku)) return { ok: false, message: 'The SKU has an invisible control character: type it again.' };
  return { ok: true, sku };
}
