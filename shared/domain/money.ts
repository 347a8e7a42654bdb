/** Money travels as integer minor units with an ISO 4217 code; only the screen turns it into text. */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF']);

export function minorUnitDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** "29.35" or 29.35 -> 2935, without floating-point drift. Returns null when it is not a plain amount. */
export function parseMoneyToMinor(value: string | number, currency: string): number | null {
  const text = typeof value === 'number' ? value.toFixed(minorUnitDigits(currency)) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = minorUnitDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(frac.slice(0, digits) || '0');
  return m[1] ? -minor : minor;
}

export function formatMoney(minor: number, currency: string, locale = 'en-GB'): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(minor / 10 ** digits);
}
