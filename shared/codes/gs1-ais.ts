/** The GS1 Application Identifiers Packbench understands, and the framing rules for all others. */

export type Gs1StringField =
  | 'sscc'
  | 'gtin14'
  | 'containedGtin14'
  | 'lot'
  | 'serial'
  | 'productionDate'
  | 'packDate'
  | 'bestBefore'
  | 'sellBy'
  | 'expiry'
  | 'customerOrder'
  | 'shipToPostal';
export type Gs1NumberField = 'netWeightKg' | 'netWeightLb' | 'count';

export type AiSpec = {
  /** Packer-facing name; messages add the AI in brackets. */
  label: string;
  format: 'N' | 'X';
  min: number;
  max: number;
  check?: boolean;
  date?: boolean;
  /** Last digit of the AI is the number of decimals (310n, 320n). */
  decimals?: boolean;
  field?: Gs1StringField | Gs1NumberField;
};

const n = (label: string, len: number, extra: Partial<AiSpec> = {}): AiSpec => ({ label, format: 'N', min: len, max: len, ...extra });
const x = (label: string, max: number, field?: Gs1StringField): AiSpec => ({ label, format: 'X', min: 1, max, field });
const date = (label: string, field?: Gs1StringField): AiSpec => n(label, 6, { date: true, field });

const EXACT: Readonly<Record<string, AiSpec>> = {
  '00': n('SSCC', 18, { check: true, field: 'sscc' }),
  '01': n('GTIN', 14, { check: true, field: 'gtin14' }),
  '02': n('GTIN of contained items', 14, { check: true, field: 'containedGtin14' }),
  '10': x('lot', 20, 'lot'),
  '11': date('production date', 'productionDate'),
  '12': date('due date'),
  '13': date('packaging date', 'packDate'),
  '15': date('best-before date', 'bestBefore'),
  '16': date('sell-by date', 'sellBy'),
  '17': date('expiry date', 'expiry'),
  '20': n('variant', 2),
  '21': x('serial number', 20, 'serial'),
  '22': x('consumer product variant', 20),
  '240': x('additional product id', 30),
  '241': x('customer part number', 30),
  '30': { label: 'count', format: 'N', min: 1, max: 8, field: 'count' },
  '37': { label: 'count of trade items', format: 'N', min: 1, max: 8, field: 'count' },
  '400': x("customer's order number", 30, 'customerOrder'),
  '401': x('consignment number', 30),
  '402': n('shipment id', 17, { check: true }),
  '403': x('routing code', 30),
  '410': n('ship-to location', 13, { check: true }),
  '411': n('bill-to location', 13, { check: true }),
  '412': n('purchased-from location', 13, { check: true }),
  '413': n('ship-for location', 13, { check: true }),
  '414': n('physical location', 13, { check: true }),
  '415': n('invoicing party', 13, { check: true }),
  '420': x('ship-to postal code', 20, 'shipToPostal'),
  '422': n('country of origin', 3),
  '90': x('internal information', 30),
};

const DECIMAL: Readonly<Record<string, AiSpec>> = {
  '310': n('net weight (kg)', 6, { decimals: true, field: 'netWeightKg' }),
  '320': n('net weight (lb)', 6, { decimals: true, field: 'netWeightLb' }),
};

export function aiSpec(ai: string): AiSpec | undefined {
  if (ai.length === 4) return DECIMAL[ai.slice(0, 3)];
  if (/^9[1-9]$/.test(ai)) return x('company internal information', 90);
  return EXACT[ai];
}

/** Any AI, known to us or not, is at most 90 characters of the GS1 82-character set. */
export const UNKNOWN_AI_SPEC: AiSpec = { label: 'GS1 field', format: 'X', min: 1, max: 90 };

/**
 * How many digits an AI has, from its first two digits (GS1 General Specifications, AI table).
 * Undefined means no AI starts that way, so the data cannot be a GS1 element string.
 */
export function aiLength(firstTwo: string): 2 | 3 | 4 | undefined {
  if (/^(0[0-4]|1\d|2[0-2]|30|37|9\d)$/.test(firstTwo)) return 2;
  if (/^(2[3-5]|4[0-2]|71)$/.test(firstTwo)) return 3;
  if (/^(3[1-69]|43|70|72|8[0-2])$/.test(firstTwo)) return 4;
  return undefined;
}

/**
 * Data lengths that need no separator after them, keyed by the AI's first two digits. Every other
 * AI, fixed-length or not, ends at GS or at the end of the data.
 */
export function predefinedLength(firstTwo: string): number | undefined {
  if (firstTwo === '00') return 18;
  if (/^0[1-3]$/.test(firstTwo)) return 14;
  if (firstTwo === '04') return 16;
  if (/^1[1-9]$/.test(firstTwo)) return 6;
  if (firstTwo === '20') return 2;
  if (/^3[1-6]$/.test(firstTwo)) return 6;
  if (firstTwo === '41') return 13;
  return undefined;
}

/** GS1 AI encodable character set 82; GS replacements like | and ~ are deliberately outside it. */
export const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
