import { parseQuantityCommand, parseScan } from '../../../shared/codes';
import { AppError } from '../../../shared/contract/errors';
import type { Repos } from '../store';
import type { VariantRecord } from '../store/catalog-repo';

export type ResolvedItem =
  | { kind: 'item'; variant: VariantRecord; code: string; lot: string | null; expiry: string | null; serial: string | null; units: number }
  | { kind: 'unknown'; code: string; symbology: 'gtin' | 'text' }
  | { kind: 'invalid'; code: string; message: string };

/** What a scanned string names in the catalog: any GTIN form, a GS1 element string, an internal code or a SKU. */
export function resolveItemCode(repos: Repos, raw: string, gsReplacement: string): ResolvedItem {
  const quantity = parseQuantityCommand(raw);
  if (quantity.kind === 'invalid') return { kind: 'invalid', code: raw.trim(), message: quantity.message };
  if (quantity.kind === 'quantity') {
    return { kind: 'invalid', code: raw.trim(), message: `"${raw.trim()}" is a quantity, not a code: type it into the entry field on the Pack screen right after scanning the item.` };
  }
  const parsed = parseScan(raw, gsReplacement ? { gsReplacement } : {});
  switch (parsed.kind) {
    case 'invalid':
      return { kind: 'invalid', code: raw.trim(), message: parsed.message };
    case 'gtin': {
      const variant = repos.catalog.variantByBarcode(parsed.gtin14);
      return variant ? { kind: 'item', variant, code: parsed.gtin14, lot: null, expiry: null, serial: null, units: repos.catalog.unitsOfBarcode(parsed.gtin14) } : { kind: 'unknown', code: parsed.gtin14, symbology: 'gtin' };
    }
    case 'gs1': {
      if (!parsed.gtin14) {
        return { kind: 'invalid', code: raw.trim(), message: 'This GS1 code carries no product number (AI 01), so it cannot be counted as an item. Scan the item barcode instead.' };
      }
      const variant = repos.catalog.variantByBarcode(parsed.gtin14);
      return variant
        ? { kind: 'item', variant, code: parsed.gtin14, lot: parsed.lot ?? null, expiry: parsed.expiry ?? parsed.bestBefore ?? null, serial: parsed.serial ?? null, units: repos.catalog.unitsOfBarcode(parsed.gtin14) }
        : { kind: 'unknown', code: parsed.gtin14, symbology: 'gtin' };
    }
    case 'text': {
      const value = parsed.value;
      const variant = repos.catalog.variantByBarcode(value) ?? repos.catalog.variantBySku(value) ?? repos.catalog.variantByTextNoCase(value);
      // a case pack's code counts its units, typed in any case; a SKU counts one
      const units = variant ? repos.catalog.unitsOfBarcode(value) : 1;
      return variant ? { kind: 'item', variant, code: value, lot: null, expiry: null, serial: null, units } : { kind: 'unknown', code: value, symbology: 'text' };
    }
  }
}

const QR_PREFIX = 'packbench:order:';
export function orderQrPayload(orderId: number): string {
  return `${QR_PREFIX}${orderId}`;
}

/** A Code 128 carries printable ASCII only; an order number that is not gets this stand-in, which opens the order too. */
export function orderBarcode(orderId: number, orderNumber: string): string {
  return /^[\x20-\x7e]{1,40}$/.test(orderNumber) ? orderNumber : `ORDER-${orderId}`;
}

/**
 * One order by its number. Two channels may number alike (#1001 in two shops): then the number names no
 * order by itself, and 'refuse' says so in words rather than open the wrong one; 'any' only asks whether
 * the code is an order number at all (a packing slip scanned as an item).
 */
function byNumber(repos: Repos, number: string, sameNumber: 'refuse' | 'any'): number | undefined {
  const ids = repos.orders.idsByNumber(number);
  if (ids.length > 1 && sameNumber === 'refuse') {
    const which = ids.map((id) => repos.orders.record(id)!).map((o) => `${o.channelName || 'entered here'} (${o.customerName}, ${o.status.replace('_', ' ')})`);
    throw new AppError('conflict', `${ids.length === 6 ? 'Six or more' : ids.length} orders have the number ${number}: ${which.join('; ')}.`,
      'Scan the QR code on the packing slip (it names one order), or open the order from the Orders screen.');
  }
  return ids[0];
}

/** The order a packing slip, an order number or a GS1 "customer order" (AI 400) names. */
export function resolveOrderCode(repos: Repos, raw: string, gsReplacement: string, sameNumber: 'refuse' | 'any' = 'refuse'): number | undefined {
  // a scanner may put an AIM symbology id (]C0, ]Q1, ]d1 …) in front of what the slip carries
  const text = raw.trim().replace(/^\][A-Za-z][0-9A-Za-z]/, '');
  const byId = (id: number) => (Number.isInteger(id) && repos.orders.record(id) ? id : undefined);
  if (text.startsWith(QR_PREFIX)) return byId(Number(text.slice(QR_PREFIX.length)));
  const fallback = /^ORDER-(\d+)$/.exec(text);
  if (fallback) return byId(Number(fallback[1]));
  const direct = byNumber(repos, text, sameNumber);
  if (direct) return direct;
  const parsed = parseScan(text, gsReplacement ? { gsReplacement } : {});
  if (parsed.kind === 'gs1' && parsed.customerOrder) return byNumber(repos, parsed.customerOrder, sameNumber);
  return undefined;
}
