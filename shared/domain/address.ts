import { z } from 'zod';
import * as formatterModule from '@fragaria/address-formatter';

/** A full international postal address. Text is UTF-8 as typed by the customer; never transliterated. */
export const AddressSchema = z.object({
  name: z.string().min(1).max(200),
  company: z.string().max(200).default(''),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).default(''),
  line3: z.string().max(200).default(''),
  city: z.string().max(120).default(''),
  region: z.string().max(120).default(''),
  postalCode: z.string().max(32).default(''),
  /** ISO 3166-1 alpha-2, upper case: what carriers, customs and the sort code need; people read the name */
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as DE or JP'),
  phone: z.string().max(40).default(''),
  email: z.string().max(200).default(''),
});
export type Address = z.infer<typeof AddressSchema>;

/** Country names and postal words are written in the shop's language; English until shops can choose. */
export const SHOP_LANGUAGE = 'en';

// The package is CommonJS: bundlers hand us `format` directly, Node's ESM loader only on `default`.
type Formatter = typeof formatterModule;
const formatter: Formatter =
  typeof (formatterModule as Partial<Formatter>).format === 'function'
    ? formatterModule
    : (formatterModule as unknown as { default: Formatter }).default;

// CLDR's long names for these are political ("Hong Kong SAR China"); their post offices use the short one.
const SHORT_NAMES = new Set(['HK', 'MO', 'PS']);
const names = new Map<string, Intl.DisplayNames | null>();

function displayNames(lang: string, style: 'long' | 'short'): Intl.DisplayNames | null {
  const key = `${lang}/${style}`;
  if (!names.has(key)) {
    try {
      names.set(key, new Intl.DisplayNames([lang, SHOP_LANGUAGE], { type: 'region', style, fallback: 'none' }));
    } catch {
      names.set(key, null);
    }
  }
  return names.get(key) ?? null;
}

/** "Japan" for JP, in the shop's language; the code itself when the name is unknown. */
export function countryName(code: string, lang: string = SHOP_LANGUAGE): string {
  const upper = code.toUpperCase();
  const name = /^[A-Z]{2}$/.test(upper) ? displayNames(lang, SHORT_NAMES.has(upper) ? 'short' : 'long')?.of(upper) : undefined;
  return name && name !== upper ? name : upper;
}

// Post offices that ask for the town (and the postcode beside it) in capitals: Royal Mail's post town,
// La Poste's commune, USPS, Canada Post and Australia Post's locality line.
const CAPITAL_LOCALITY = new Set(['GB', 'FR', 'US', 'CA', 'AU']);
// Where the formatter's templates call the region a county (Ireland writes "Co. Dublin").
const REGION_IS_COUNTY = new Set(['IE']);

// A word no address contains and no template rewrites; the real country line is added at the end.
const COUNTRY_MARK = 'PBCOUNTRYMARK';
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const comparable = (s: string): string => squash(s).toLocaleLowerCase();
/** `part` stands in `line` as whole words (a one-letter city does not "appear" inside every word). */
const contains = (line: string, part: string): boolean => ` ${comparable(line).replace(/[,;]/g, ' ')} `.includes(` ${comparable(part).replace(/[,;]/g, ' ')} `);
const postcodeKey = (s: string): string => s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

function formatted(a: Address): string[] {
  const street = [a.line1, a.line2, a.line3].map(squash).filter(Boolean);
  const region = squash(a.region);
  try {
    return formatter.format(
      {
        attention: squash(a.name),
        house: squash(a.company),
        // every street line lands where the country writes its street, in the order typed
        road: street.join('\n'),
        city: squash(a.city),
        state: region,
        ...(REGION_IS_COUNTY.has(a.countryCode) ? { county: region } : {}),
        postcode: squash(a.postalCode),
        // given so that no template puts the region in the country's place (Britain's does); taken out below
        country: COUNTRY_MARK,
        countryCode: a.countryCode,
      },
      { output: 'array', countryCode: a.countryCode, appendCountry: false, cleanupPostcode: false, abbreviate: false },
    ).map((line) => squash(line.split(COUNTRY_MARK).join(' '))).filter(Boolean);
  } catch {
    // an unknown country or a template error must never lose the address: write it in the common order
    return [a.name, a.company, ...street, [a.postalCode, a.city].map(squash).filter(Boolean).join(' '), region].map(squash).filter(Boolean);
  }
}

/**
 * Puts back any part the country's template left out (a Hong Kong district typed as the city): a label
 * never loses who, where or which town. The region is the exception: where a country's template has no
 * place for it (Germany's Länder), its post office does not want it.
 */
function keepEveryPart(lines: string[], a: Address): string[] {
  const out = [...lines];
  const has = (value: string): boolean => squash(value) === '' || out.some((line) => contains(line, value));
  const indexOf = (value: string): number => (squash(value) === '' ? -1 : out.findIndex((line) => contains(line, value)));
  for (const part of [a.company, a.name]) if (!has(part)) out.unshift(squash(part));
  for (const part of [a.line1, a.line2, a.line3]) {
    if (has(part)) continue;
    const lastStreet = Math.max(...[a.line1, a.line2, a.line3].map(indexOf));
    out.splice(lastStreet >= 0 ? lastStreet + 1 : Math.min(1, out.length), 0, squash(part));
  }
  const postcodeAt = (): number => (squash(a.postalCode) === '' ? -1 : out.findIndex((line) => postcodeKey(line).includes(postcodeKey(a.postalCode))));
  if (!has(a.city)) {
    const regionAt = indexOf(a.region);
    const at = regionAt >= 0 ? regionAt : postcodeAt() >= 0 ? postcodeAt() : out.length;
    out.splice(at, 0, squash(a.city));
  }
  if (squash(a.postalCode) !== '' && postcodeAt() < 0) out.push(squash(a.postalCode));
  return out;
}

function capitaliseLocality(lines: string[], a: Address, lang: string): string[] {
  if (!CAPITAL_LOCALITY.has(a.countryCode)) return lines;
  const postcode = postcodeKey(a.postalCode);
  return lines.map((line) =>
    (squash(a.city) !== '' && contains(line, a.city)) || (postcode !== '' && postcodeKey(line) === postcode) ? line.toLocaleUpperCase(lang) : line,
  );
}

/**
 * The address as the destination's post office wants it written (line order, where the postcode goes,
 * capitals), using the OpenCage templates through @fragaria/address-formatter, and ending with the
 * country's name in capitals in the shop's language (UPU: the destination country is the last line).
 * The same lines go on the label, the packing slip and every screen.
 */
export function addressLines(a: Address, lang: string = SHOP_LANGUAGE): string[] {
  // the shop's own address is on every label and slip: formatting it once is enough
  const key = `${lang}\u0000${a.name}\u0000${a.company}\u0000${a.line1}\u0000${a.line2}\u0000${a.line3}\u0000${a.city}\u0000${a.region}\u0000${a.postalCode}\u0000${a.countryCode}`;
  const known = formattedCache.get(key);
  if (known) return [...known];
  const result = formatAddressLines(a, lang);
  if (formattedCache.size >= 500) formattedCache.delete(formattedCache.keys().next().value!);
  formattedCache.set(key, result);
  return [...result];
}

const formattedCache = new Map<string, string[]>();

function formatAddressLines(a: Address, lang: string): string[] {
  const lines = capitaliseLocality(keepEveryPart(formatted(a), a), a, lang);
  const country = countryName(a.countryCode, lang).toLocaleUpperCase(lang);
  // a template that prints the country itself (none should, as none is passed) must not print it twice
  return [...lines.filter((line) => comparable(line) !== comparable(country)), country];
}
