import { GS1_AIM_IDS, splitAimId } from './aim';
import { aiLength } from './gs1-ais';
import { GS, parseGs1, type Gs1Data, type Gs1ErrorReason, type Gs1ParseOptions } from './gs1';
import { normaliseGtin, type GtinSymbology, type NormaliseGtinOptions } from './gtin';

export type ParseScanOptions = Gs1ParseOptions;

export type ScanInvalidReason = 'empty' | 'control-characters' | 'check-digit' | 'length' | 'not-digits' | Gs1ErrorReason;

export type ParsedScan =
  | { kind: 'gtin'; gtin14: string; symbology: GtinSymbology; raw: string }
  | ({ kind: 'gs1'; raw: string } & Gs1Data)
  | { kind: 'text'; value: string; raw: string }
  | { kind: 'invalid'; reason: ScanInvalidReason; message: string; raw: string };

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);
// GS is the only control character a barcode may legitimately carry (GS1 separator).
const CONTROL = /[\u0000-\u001c\u001e\u001f\u007f-\u009f]/;

/**
 * Classify one scanned string. Retail codes become GTIN-14, GS1 element strings are parsed, and
 * anything else printable is text (internal Code 128 SKUs, order numbers). A digit string of GTIN
 * length with a wrong check digit is 'invalid', never text: it is almost always a misread, and
 * treating it as text would make the packer chase a product that does not exist.
 */
export function parseScan(raw: string, opts: ParseScanOptions = {}): ParsedScan {
  const invalid = (reason: ScanInvalidReason, message: string): ParsedScan => ({ kind: 'invalid', reason, message, raw });
  const asGtin = (digits: string, gtinOpts?: NormaliseGtinOptions): ParsedScan => {
    const r = normaliseGtin(digits, gtinOpts);
    return r.ok ? { kind: 'gtin', gtin14: r.gtin14, symbology: r.symbology, raw } : invalid(r.reason, r.message);
  };
  const asGs1 = (input: string): ParsedScan => {
    const r = parseGs1(input, { ...opts, gsReplacement: undefined });
    return r.ok ? { kind: 'gs1', ...r.data, raw } : invalid(r.reason, r.message);
  };

  let text = raw.trim();
  if (opts.gsReplacement) text = text.replaceAll(opts.gsReplacement, GS);
  if (text.replaceAll(GS, '') === '') return invalid('empty', 'Nothing was scanned: scan the barcode again.');
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(2, '0');
    return invalid(
      'control-characters',
      `The scan contained a control character (0x${code}), so the scanner is probably set up wrongly. Check its keyboard settings, then rescan.`,
    );
  }

  const { aim, data } = splitAimId(text);
  if (aim !== undefined) {
    if (GS1_AIM_IDS[aim]) return asGs1(text);
    if (aim.startsWith(']E')) return asGtin(data, { eightDigit: aim === ']E4' ? 'ean-8' : 'upc-e' });
    if (aim.startsWith(']I') && /^\d{14}$/.test(data)) return asGtin(data);
    // Any other symbology (]C0 plain Code 128, plain QR, Code 39) carries our own codes, never GTINs.
    return asText(data, raw, invalid);
  }

  if (text.startsWith(GS) || startsWithBracketedAi(text)) return asGs1(text);
  if (/^\d+$/.test(text) && GTIN_LENGTHS.has(text.length)) return asGtin(text);
  if (text.includes(GS) || looksLikeElementString(text)) return asGs1(text);
  return asText(text, raw, invalid);
}

// "(555) 123" is a phone number, not GS1: only a bracketed AI of the right length counts.
function startsWithBracketedAi(text: string): boolean {
  const ai = /^\((\d{2,4})\)/.exec(text)?.[1];
  return ai !== undefined && aiLength(ai.slice(0, 2)) === ai.length;
}

/** Bare element strings the scanner sent without an AIM id: SSCC or GTIN at the start. */
function looksLikeElementString(text: string): boolean {
  return /^00\d{18}/.test(text) || /^0[12]\d{14}/.test(text);
}

function asText(value: string, raw: string, invalid: (r: ScanInvalidReason, m: string) => ParsedScan): ParsedScan {
  const v = value.trim();
  if (v.includes(GS)) {
    return invalid('control-characters', 'The scan contained a GS separator but is not a GS1 code: rescan, or type the code from the label.');
  }
  return v === '' ? invalid('empty', 'The barcode had no data: scan it again.') : { kind: 'text', value: v, raw };
}
