import type { ImportField } from '../contract/csv';
import { COUNTRY_CODES } from './countries';
import { foldForSearch } from './search-text';

/** What Packbench reads from an orders file: one row per order line, order fields repeated (as Shopify and most shops export). */
export const ORDER_FIELDS: ImportField[] = [
  { key: 'number', label: 'Order number', required: true, aliases: ['order number', 'order', 'order no', 'order #', 'order id', 'name', 'order name'], help: 'Rows with the same number are one order.' },
  { key: 'createdAt', label: 'Order date', required: false, aliases: ['created at', 'order date', 'date', 'created'], help: 'Year-month-day, e.g. 2026-11-27 (time optional).' },
  { key: 'shipBy', label: 'Ship by', required: false, aliases: ['ship by', 'ship-by', 'dispatch by', 'ship by date', 'due date'], help: 'The date the order must leave by.' },
  { key: 'customerName', label: 'Customer', required: false, aliases: ['customer', 'customer name', 'billing name'], help: 'Defaults to the ship-to name.' },
  { key: 'shipName', label: 'Ship to: name', required: true, aliases: ['shipping name', 'ship to name', 'ship name', 'recipient', 'recipient name'], help: '' },
  { key: 'shipCompany', label: 'Ship to: company', required: false, aliases: ['shipping company', 'company'], help: '' },
  { key: 'shipLine1', label: 'Ship to: street', required: true, aliases: ['shipping address1', 'shipping address 1', 'shipping street', 'address1', 'address 1', 'address line 1', 'street'], help: '' },
  { key: 'shipLine2', label: 'Ship to: street (2nd line)', required: false, aliases: ['shipping address2', 'shipping address 2', 'address2', 'address 2', 'address line 2'], help: '' },
  { key: 'shipCity', label: 'Ship to: city', required: false, aliases: ['shipping city', 'city', 'town'], help: '' },
  { key: 'shipRegion', label: 'Ship to: state or region', required: false, aliases: ['shipping province', 'shipping state', 'shipping province name', 'state', 'province', 'region', 'county'], help: '' },
  { key: 'shipPostcode', label: 'Ship to: postcode', required: false, aliases: ['shipping zip', 'shipping postcode', 'shipping postal code', 'zip', 'postcode', 'postal code', 'post code', 'zip code'], help: '' },
  { key: 'shipCountry', label: 'Ship to: country', required: true, aliases: ['shipping country', 'shipping country code', 'country', 'country code'], help: 'A two-letter code (DE) or the name in English (Germany).' },
  { key: 'shipPhone', label: 'Ship to: phone', required: false, aliases: ['shipping phone', 'phone', 'telephone'], help: '' },
  { key: 'email', label: 'Email', required: false, aliases: ['email', 'e-mail', 'customer email'], help: '' },
  { key: 'currency', label: 'Currency', required: true, aliases: ['currency', 'currency code'], help: 'Three letters, e.g. EUR.' },
  { key: 'sku', label: 'SKU', required: true, aliases: ['lineitem sku', 'sku', 'item sku', 'variant sku'], help: 'Must be in the catalog (import the catalog first).' },
  { key: 'title', label: 'Item name', required: false, aliases: ['lineitem name', 'item name', 'item', 'product', 'title', 'description'], help: 'Defaults to the catalog name.' },
  { key: 'quantity', label: 'Quantity', required: true, aliases: ['lineitem quantity', 'quantity', 'qty'], help: 'Whole units.' },
  { key: 'unitPrice', label: 'Unit price', required: false, aliases: ['lineitem price', 'unit price', 'price', 'item price'], help: 'e.g. 12.50 or 12,50.' },
  { key: 'shipping', label: 'Shipping charged', required: false, aliases: ['shipping', 'shipping cost', 'shipping price', 'shipping amount'], help: 'Per order (taken from its first row).' },
  { key: 'location', label: 'Ships from (location code)', required: false, aliases: ['location', 'location code', 'warehouse', 'ship from'], help: 'Defaults to your first location.' },
];

/** What Packbench reads from a catalog file: one row per SKU; rows with the same product name are one product. */
export const CATALOG_FIELDS: ImportField[] = [
  { key: 'productTitle', label: 'Product name', required: true, aliases: ['product', 'product name', 'product title', 'title', 'name'], help: 'Rows with the same name become one product.' },
  { key: 'sku', label: 'SKU', required: true, aliases: ['sku', 'variant sku', 'item sku'], help: 'An existing SKU is updated, a new one added.' },
  { key: 'variantTitle', label: 'Variant', required: false, aliases: ['variant', 'variant title', 'variant name', 'option', 'option1 value', 'size', 'colour', 'color'], help: '' },
  { key: 'barcodes', label: 'Barcodes', required: false, aliases: ['barcode', 'barcodes', 'ean', 'upc', 'gtin', 'variant barcode'], help: 'Several separated by | or spaces.' },
  { key: 'caseBarcode', label: 'Case barcode', required: false, aliases: ['case barcode', 'carton barcode', 'case gtin', 'outer barcode'], help: 'A barcode on a case: one scan counts the case units.' },
  { key: 'caseUnits', label: 'Units per case', required: false, aliases: ['case units', 'case quantity', 'units per case', 'case qty', 'pack size'], help: '' },
  { key: 'weightGrams', label: 'Weight (g)', required: false, aliases: ['weight', 'weight (g)', 'weight g', 'grams', 'variant grams'], help: 'Whole grams.' },
  { key: 'lengthMm', label: 'Length (mm)', required: false, aliases: ['length', 'length (mm)', 'length mm'], help: '' },
  { key: 'widthMm', label: 'Width (mm)', required: false, aliases: ['width', 'width (mm)', 'width mm'], help: '' },
  { key: 'heightMm', label: 'Height (mm)', required: false, aliases: ['height', 'height (mm)', 'height mm'], help: '' },
  { key: 'hsCode', label: 'HS code', required: false, aliases: ['hs code', 'hs', 'tariff code', 'harmonized code', 'harmonised code', 'commodity code'], help: '6, 8 or 10 digits.' },
  { key: 'originCountry', label: 'Country of origin', required: false, aliases: ['country of origin', 'origin', 'origin country', 'coo', 'made in'], help: 'Code (CN) or name (China).' },
  { key: 'price', label: 'Price', required: false, aliases: ['price', 'variant price', 'unit price'], help: 'e.g. 12.50' },
  { key: 'defaultBin', label: 'Default bin', required: false, aliases: ['bin', 'default bin', 'home bin', 'bin location'], help: 'A bin code of your first location, or LOCATION:BIN.' },
];

export const headerKey = (h: string) => foldForSearch(h.replace(/^\uFEFF/, '')).replace(/[_\s]+/g, ' ').trim();

/** Header -> field, for headers that name a field in any of the usual ways; the person confirms on the mapping screen. */
export function guessMapping(headers: string[], fields: ImportField[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  for (const h of headers) {
    const key = headerKey(h);
    const f = fields.find((x) => !used.has(x.key) && (x.aliases.includes(key) || headerKey(x.label) === key));
    if (f) { out[h] = f.key; used.add(f.key); }
  }
  return out;
}

let namesToCodes: Map<string, string> | null = null;
/** "DE", "de", "Germany", "germany" -> DE; null when it names no country. */
export function countryCode(text: string): string | null {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t) && COUNTRY_CODES.includes(t.toUpperCase())) return t.toUpperCase();
  if (!namesToCodes) {
    namesToCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code);
      if (name) namesToCodes.set(foldForSearch(name), code);
    }
    for (const [alias, code] of [['uk', 'GB'], ['great britain', 'GB'], ['england', 'GB'], ['usa', 'US'], ['united states of america', 'US'], ['deutschland', 'DE']] as const) namesToCodes.set(alias, code);
  }
  return namesToCodes.get(foldForSearch(t)) ?? null;
}

export function parseWhole(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+(?:[.,]0+)?$/.test(t)) return null;
  return Number(t.replace(/[.,]0+$/, ''));
}

/** Dates as year-month-day (with an optional time); anything else would be a guess between day and month. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null;
  const d = new Date(t.length === 10 ? `${t}T00:00:00Z` : t.replace(' ', 'T') + (/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? '' : 'Z'));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A spreadsheet runs a cell that starts with = + - @ as a formula; exported text is made inert with a leading apostrophe. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
