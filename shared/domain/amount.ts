import { minorUnitDigits } from './money';

/**
 * An amount as people type it, to minor units: "12.50", "12,50", "1,234.50", "1.234,50", "€ 12.50". The last
 * "." or "," is the decimal separator unless three digits follow it or it repeats (then it groups thousands).
 */
export function parseAmount(text: string, currency: string): number | null {
  let t = text.replace(/[\s\u00a0']/g, '').replace(/^[^\d\-.,]+/, '').replace(/[^\d.,]+$/, '');
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  if (!/^[\d.,]+$/.test(t)) return null;
  const digits = minorUnitDigits(currency);
  const last = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
  let whole = t;
  let frac = '';
  if (last >= 0) {
    const after = t.slice(last + 1);
    const repeats = t.indexOf(t[last]!) !== last;
    if (after.length === 3 || repeats) whole = t.replace(/[.,]/g, '');
    else { whole = t.slice(0, last).replace(/[.,]/g, ''); frac = after; }
  }
  if (frac.length > digits) return null;
  const value = Number(whole || '0') * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/** A whole number as typed ("12", " 12 "); null for anything else ("1.5", "-", "2e1", "12a"). */
export function parseWholeTyped(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}
