import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';

/**
 * Tracking numbers are checked before they reach a channel: a number that fails its carrier's check
 * digit was mistyped or mangled, and a customer would get a link to nothing.
 */
export type TrackingCheck =
  | { ok: true; format: 'ups' | 'usps-impb' | 'fedex-express' | 'fedex-ground' | 'local' | 'unchecked'; number: string }
  | { ok: false; message: string };

/** UPS "1Z" + 6 shipper + 2 service + 7 package + 1 check; letters count as (ASCII − 3) mod 10, odd positions doubled. */
export function upsCheckDigit(body15: string): number {
  let sum = 0;
  for (let i = 0; i < body15.length; i++) {
    const ch = body15.charCodeAt(i);
    const value = ch >= 48 && ch <= 57 ? ch - 48 : (ch - 3) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express 12 digits: weights 1,3,7 from the right over the first 11, sum mod 11 (10 counts as 0). */
export function fedexExpressCheckDigit(body11: string): number {
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = body11.length - 1, w = 0; i >= 0; i--, w++) sum += (body11.charCodeAt(i) - 48) * weights[w % 3]!;
  return (sum % 11) % 10;
}

/** USPS IMpb: the optional routing part (420 + ZIP5 or ZIP9) is not covered by the check digit. */
function impbPackage(digits: string): string {
  const routed = /^420(\d{5}|\d{9})(9[1-5]\d{18,32})$/.exec(digits);
  return routed ? routed[2]! : digits;
}

export function normaliseTracking(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * `carrier` is the carrier's name as the rate gave it ("UPS", "USPS", "FedEx", …). A carrier whose
 * format we do not know is accepted as printable ASCII of sensible length, and said to be unchecked.
 */
export function checkTrackingNumber(raw: string, carrier: string): TrackingCheck {
  const number = normaliseTracking(raw);
  const who = carrier.trim().toLowerCase();
  if (number === '') return { ok: false, message: `The carrier sent an empty tracking number.` };
  if (!/^[\x21-\x7e]{4,40}$/.test(number)) return { ok: false, message: `The tracking number "${raw.slice(0, 60)}" has characters a barcode cannot carry.` };

  if (who.includes('ups') || number.startsWith('1Z')) {
    if (!/^1Z[0-9A-Z]{16}$/.test(number)) return { ok: false, message: `"${number}" is not a UPS tracking number: UPS numbers are 1Z followed by 16 letters and digits.` };
    const expected = upsCheckDigit(number.slice(2, 17));
    if (String(expected) !== number[17]) return { ok: false, message: `The UPS tracking number ${number} fails its check digit (expected ${expected}).` };
    return { ok: true, format: 'ups', number };
  }
  if (who.includes('usps')) {
    const pkg = impbPackage(number);
    if (!/^9[1-5]\d{18,32}$/.test(pkg)) return { ok: false, message: `"${number}" is not a USPS Intelligent Mail package barcode (it starts 91–95 and has 20–34 digits).` };
    if (!hasValidCheckDigit(pkg)) return { ok: false, message: `The USPS tracking number ${number} fails its check digit (expected ${gs1CheckDigit(pkg.slice(0, -1))}).` };
    return { ok: true, format: 'usps-impb', number };
  }
  if (who.includes('fedex')) {
    if (/^\d{12}$/.test(number)) {
      const expected = fedexExpressCheckDigit(number.slice(0, 11));
      if (String(expected) !== number[11]) return { ok: false, message: `The FedEx tracking number ${number} fails its check digit (expected ${expected}).` };
      return { ok: true, format: 'fedex-express', number };
    }
    if (/^\d{15}$/.test(number) || /^9[1-5]\d{18,32}$/.test(number)) {
      if (!hasValidCheckDigit(number)) return { ok: false, message: `The FedEx tracking number ${number} fails its check digit.` };
      return { ok: true, format: 'fedex-ground', number };
    }
    return { ok: false, message: `"${number}" is not a FedEx tracking number (12 or 15 digits, or a 20–34 digit SmartPost number).` };
  }
  if (/^PB[A-Z]\d{10}$/.test(number)) {
    if (!hasValidCheckDigit(number.slice(3))) return { ok: false, message: `The local courier number ${number} fails its check digit.` };
    return { ok: true, format: 'local', number };
  }
  return { ok: true, format: 'unchecked', number };
}

/** Our own courier's ids: PB + a station letter + 9 digits of sequence + a GS1 check digit. */
export function localTrackingNumber(station: string, sequence: number): string {
  const body = String(sequence).padStart(9, '0').slice(-9);
  return `PB${station.toUpperCase().slice(0, 1) || 'L'}${body}${gs1CheckDigit(body)}`;
}
