import { GS1_AIM_IDS, AIM_NAMES, splitAimId, type Gs1Symbology } from './aim';
import { gs1CheckDigit } from './check-digit';
import { aiLength, aiSpec, CSET82, predefinedLength, UNKNOWN_AI_SPEC, type AiSpec } from './gs1-ais';

export const GS = '\u001d';

export type Gs1Data = {
  /** From the AIM id when the scanner sent one. */
  symbology?: Gs1Symbology;
  gtin14?: string;
  containedGtin14?: string;
  sscc?: string;
  lot?: string;
  serial?: string;
  /** Dates are ISO YYYY-MM-DD; DD 00 in the code means the last day of that month. */
  productionDate?: string;
  packDate?: string;
  bestBefore?: string;
  sellBy?: string;
  expiry?: string;
  netWeightKg?: number;
  netWeightLb?: number;
  count?: number;
  customerOrder?: string;
  shipToPostal?: string;
  /** Every AI read, known or not, with its raw value. */
  ais: Record<string, string>;
};

export type Gs1ErrorReason =
  | 'empty'
  | 'not-gs1'
  | 'unknown-ai'
  | 'truncated'
  | 'invalid-value'
  | 'check-digit'
  | 'invalid-date'
  | 'duplicate-ai';

export type Gs1Result = { ok: true; data: Gs1Data } | { ok: false; reason: Gs1ErrorReason; message: string };

export type Gs1ParseOptions = {
  /** A character the scanner sends instead of GS (keyboard wedges often lose GS), e.g. '|'. */
  gsReplacement?: string;
  /**
   * Turns YY into a year with the GS1 sliding window (up to 50 years ahead, 49 behind). Without it
   * years are 2000+YY, which is right for any date printed before 2050; callers that have a clock
   * pass the current year.
   */
  referenceYear?: number;
};

type Failure = Extract<Gs1Result, { ok: false }>;
const fail = (reason: Gs1ErrorReason, message: string): Failure => ({ ok: false, reason, message });
const RESCAN = 'Rescan the barcode, or type the code from the label.';
const show = (s: string): string => s.replaceAll(GS, '<GS>');
const name = (spec: AiSpec, ai: string): string => `${spec.label} (${ai})`;

/**
 * Parse a GS1 element string: AIM-prefixed or bare, GS-separated, or the human-readable form with
 * AIs in brackets. Never throws; every failure says what to do.
 */
export function parseGs1(raw: string, opts: Gs1ParseOptions = {}): Gs1Result {
  const { aim, data } = splitAimId(raw.trim());
  const symbology = aim === undefined ? undefined : GS1_AIM_IDS[aim];
  if (aim !== undefined && symbology === undefined) {
    const what = AIM_NAMES[aim] ?? `a barcode of type ${aim}`;
    return fail('not-gs1', `This is ${what}, not a GS1 code with lot or expiry data.`);
  }
  let text = data.trim();
  if (opts.gsReplacement) text = text.replaceAll(opts.gsReplacement, GS);
  if (text.replaceAll(GS, '') === '') return fail('empty', `The barcode had no data. ${RESCAN}`);

  const split = text.startsWith('(') ? splitBracketed(text) : splitElements(text);

  const out: Gs1Data = { ais: {} };
  if (symbology) out.symbology = symbology;
  for (const [ai, value] of split.pairs) {
    const previous = out.ais[ai];
    if (previous !== undefined && previous !== value) {
      const label = name(aiSpec(ai) ?? UNKNOWN_AI_SPEC, ai);
      return fail('duplicate-ai', `The code has the ${label} twice with different values (${show(previous)}, ${show(value)}). ${RESCAN}`);
    }
    const applied = applyElement(out, ai, value, opts);
    if (applied) return applied;
    out.ais[ai] = value;
  }
  // Framing errors come after the fields read before them, so the first problem in reading order wins.
  return split.failure ?? { ok: true, data: out };
}

type Pairs = { pairs: Array<[string, string]>; failure?: Failure };

function splitElements(text: string): Pairs {
  const pairs: Array<[string, string]> = [];
  const stop = (failure: Failure): Pairs => ({ pairs, failure });
  let i = 0;
  while (i < text.length) {
    if (text[i] === GS) {
      i++;
      continue;
    }
    const firstTwo = text.slice(i, i + 2);
    const len = /^\d\d$/.test(firstTwo) ? aiLength(firstTwo) : undefined;
    if (len === undefined) {
      if (pairs.length === 0) return stop(notGs1(text));
      if (/^\d$/.test(firstTwo)) return stop(truncated(text));
      return stop(fail('unknown-ai', `The code has "${show(text.slice(i, i + 6))}" where a GS1 field should start (after ${show(text.slice(0, i))}). ${RESCAN}`));
    }
    const ai = text.slice(i, i + len);
    if (!/^\d+$/.test(ai)) {
      return stop(ai.length < len ? truncated(text) : fail('unknown-ai', `"${show(ai)}" is not a GS1 field code. ${RESCAN}`));
    }
    i += len;
    const fixed = predefinedLength(firstTwo);
    let value: string;
    if (fixed !== undefined) {
      value = text.slice(i, i + fixed);
      const gsAt = value.indexOf(GS);
      if (gsAt >= 0) value = value.slice(0, gsAt);
      if (value.length < fixed) {
        const spec = aiSpec(ai) ?? UNKNOWN_AI_SPEC;
        if (gsAt < 0) return stop(truncated(text, `${name(spec, ai)} has only ${value.length} of ${fixed} characters`));
        return stop(fail('invalid-value', `${name(spec, ai)} has only ${value.length} of ${fixed} characters before a separator. ${RESCAN}`));
      }
      i += value.length;
    } else {
      const end = text.indexOf(GS, i);
      value = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
    }
    pairs.push([ai, value]);
  }
  return { pairs };
}

/** "(01)09506000134352(17)201225(10)ABC123": brackets mark the AIs, so no separators are needed. */
function splitBracketed(text: string): Pairs {
  const flat = text.replaceAll(GS, '');
  const marks = [...flat.matchAll(/\((\d{2,4})\)/g)];
  if (marks[0]?.index !== 0) return { pairs: [], failure: notGs1(text) };
  const pairs: Array<[string, string]> = [];
  marks.forEach((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[k + 1]?.index ?? flat.length;
    pairs.push([m[1] ?? '', flat.slice(start, end).trim()]);
  });
  for (const [ai] of pairs) {
    if (aiLength(ai.slice(0, 2)) !== ai.length) return { pairs: [], failure: fail('unknown-ai', `(${ai}) is not a GS1 field code. ${RESCAN}`) };
  }
  return { pairs };
}

function notGs1(text: string): Failure {
  return fail('not-gs1', `"${show(text.slice(0, 30))}" is not a GS1 code (it does not start with a GS1 field). ${RESCAN}`);
}

function truncated(text: string, detail?: string): Failure {
  const what = detail ? `: ${detail}` : '';
  return fail('truncated', `The code ${show(text.slice(0, 40))} ends in the middle of a field${what}. Rescan the whole barcode.`);
}

/** Validate one element and copy it into its typed field; returns a failure or undefined. */
function applyElement(out: Gs1Data, ai: string, value: string, opts: Gs1ParseOptions): Failure | undefined {
  const known = aiSpec(ai);
  const spec = known ?? UNKNOWN_AI_SPEC;
  const label = name(spec, ai);
  if (value === '') return fail('invalid-value', `${label} is empty. ${RESCAN}`);
  if (spec.format === 'N' && !/^\d+$/.test(value)) {
    return fail('invalid-value', `${label} should be digits but reads "${show(value)}". ${RESCAN}`);
  }
  if (!CSET82.test(value)) {
    const bad = [...value].find((c) => !CSET82.test(c)) ?? '';
    const hint =
      bad === GS || bad.charCodeAt(0) < 32
        ? RESCAN
        : `If the scanner sends ${bad} in place of the GS separator, set ${bad} as the GS replacement in the scanner settings; otherwise rescan.`;
    return fail('invalid-value', `${label} contains "${show(bad)}", which GS1 codes never use. ${hint}`);
  }
  if (value.length > spec.max || value.length < spec.min) {
    const size = spec.min === spec.max ? `${spec.max}` : `at most ${spec.max}`;
    // Too long is what a lost separator looks like: the next field ran into this one.
    const lost = value.length > spec.max ? ' The scanner may be dropping GS separators: set a GS replacement character in the scanner settings.' : '';
    return fail('invalid-value', `${label} is ${value.length} characters long but must be ${size} (read "${value}").${lost} ${RESCAN}`);
  }
  if (spec.check) {
    const expected = gs1CheckDigit(value.slice(0, -1));
    if (expected !== Number(value.slice(-1))) {
      return fail('check-digit', `Check digit wrong in ${label} ${value} (expected ${expected}): rescan, or type the code from the label.`);
    }
  }
  let typed: string | number = spec.field === 'count' ? Number(value) : value;
  if (spec.date) {
    const iso = isoDate(value, opts.referenceYear);
    if (!iso) return fail('invalid-date', `${label} ${value} is not a real date (YYMMDD). ${RESCAN}`);
    typed = iso;
  }
  if (spec.decimals) {
    const places = Number(ai.slice(3));
    if (places > 5) return fail('invalid-value', `${label} says ${places} decimals; GS1 allows 0 to 5. ${RESCAN}`);
    typed = Number(value) / 10 ** places;
  }
  if (known?.field) Object.assign(out, { [known.field]: typed });
  return undefined;
}

function isoDate(yymmdd: string, referenceYear?: number): string | undefined {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) return undefined;
  const year = fullYear(yy, referenceYear);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd > lastDay) return undefined;
  const day = dd === 0 ? lastDay : dd;
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(yy: number, referenceYear?: number): number {
  if (referenceYear === undefined) return 2000 + yy;
  const century = referenceYear - (referenceYear % 100);
  const diff = yy - (referenceYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}
