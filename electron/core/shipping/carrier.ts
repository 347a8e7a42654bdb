import type { Address } from '../../../shared/domain/address';

/** One line of a customs declaration, from the catalog and the order. */
export type CustomsLine = {
  sku: string;
  description: string;
  quantity: number;
  /** the line's total value, in minor units of `currency` */
  valueMinor: number;
  currency: string;
  weightGrams: number;
  hsCode: string;
  originCountry: string;
};

export type CustomsDeclaration = { contentsType: 'merchandise'; signer: string; lines: CustomsLine[] };

/** A parcel as the carriers are told about it. Built once, at pack time, and stored with the queue row. */
export type ParcelRequest = {
  /** our idempotency key; sent as the carrier's reference so a lost answer can be found again */
  reference: string;
  orderNumber: string;
  from: Address;
  to: Address;
  /** `boxGrams`: the empty box's part of a catalog weight, kept so the parcel can be weighed again from the catalog */
  parcel: { lengthMm: number; widthMm: number; heightMm: number; weightGrams: number; boxGrams?: number };
  customs: CustomsDeclaration | null;
  /** what the label printer takes */
  label: { dpi: 203 | 300; size: '4x6' | '4x4' };
  /**
   * A return label: `from` is still the shop and `to` the customer, as the outbound parcel had them; the
   * carrier swaps them on the label (EasyPost is_return, Shippo extra.is_return), as their docs ask.
   */
  isReturn?: boolean;
};

/** `account` is the carrier account at the vendor that quoted it (manifests are made per account). */
export type Rate = { id: string; carrier: string; service: string; priceMinor: number; currency: string; days: number | null; account: string };
export type Quote = { remoteShipmentId: string; rates: Rate[]; messages: string[] };

export type LabelFile = { format: 'ZPL' | 'PNG' | 'PDF'; url: string; dpi: number | null };
export type Purchase = {
  remoteShipmentId: string;
  remoteLabelId: string;
  trackingNumber: string;
  trackingUrl: string;
  carrier: string;
  service: string;
  priceMinor: number | null;
  currency: string;
  label: LabelFile;
};

export type VoidResult = { status: 'refunded' | 'submitted' | 'rejected'; message: string };
export type ManifestResult = { remoteId: string; documentUrl: string; barcode: string };
/** Where a parcel is, in one vocabulary for every carrier (the vendor's own word stays in `detail`). */
export const TRACKING_STATUSES = ['pre_transit', 'in_transit', 'out_for_delivery', 'delivered', 'available_for_pickup', 'returned', 'failure', 'unknown'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];
export type TrackResult = { status: TrackingStatus; detail: string };

/** EasyPost tracker statuses and Shippo tracking_status.status values, mapped to ours. */
export function trackingStatusOf(vendorStatus: string): TrackingStatus {
  const s = vendorStatus.trim().toLowerCase();
  if (s === 'pre_transit') return 'pre_transit';
  if (s === 'in_transit' || s === 'transit') return 'in_transit';
  if (s === 'out_for_delivery') return 'out_for_delivery';
  if (s === 'delivered') return 'delivered';
  if (s === 'available_for_pickup') return 'available_for_pickup';
  if (s === 'return_to_sender' || s === 'returned') return 'returned';
  if (s === 'failure' || s === 'error' || s === 'cancelled') return 'failure';
  return 'unknown';
}

/**
 * One interface for every carrier. Adapters never decide what happens next: they say what the
 * carrier answered, and a CarrierError says whether the request might have taken effect.
 */
export type Carrier = {
  readonly name: string;
  quote(req: ParcelRequest): Promise<Quote>;
  buy(req: ParcelRequest, remoteShipmentId: string, rate: Rate): Promise<Purchase>;
  /** the label bought for this reference / shipment / rate, if any: asked before ever buying again */
  find(args: { reference: string; remoteShipmentId: string; rateId: string }): Promise<Purchase | null>;
  fetchLabel(label: LabelFile): Promise<Buffer>;
  void(args: { remoteShipmentId: string; remoteLabelId: string }): Promise<VoidResult>;
  manifest(args: { from: Address; labels: Array<{ remoteShipmentId: string; remoteLabelId: string; trackingNumber: string; account: string }>; shipDate: string }): Promise<ManifestResult>;
  track(trackingNumber: string, carrier: string): Promise<TrackResult>;
};

/**
 * - unreachable: nothing reached the carrier (connection refused, DNS): safe to send again.
 * - unknown: sent, but the answer was lost or unreadable (timeout, reset, 5xx, garbage): it may have
 *   taken effect, so a purchase is looked up before it is tried again.
 * - busy: 429, try later.
 * - refused: the carrier said no for a reason a person must fix (address, parcel, customs).
 * - auth: the key is wrong or missing.
 */
export type CarrierErrorKind = 'unreachable' | 'unknown' | 'busy' | 'refused' | 'auth';

export class CarrierError extends Error {
  override readonly name = 'CarrierError';
  constructor(readonly kind: CarrierErrorKind, message: string, readonly retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isCarrierError(e: unknown): e is CarrierError {
  return e instanceof CarrierError;
}

/** Transport failures, as Node and HTTP clients report them, mapped to whether the request may have arrived. */
export function transportError(who: string, e: unknown): CarrierError {
  const err = e as { code?: string; timeout?: number; name?: string; message?: string };
  const code = causeCode(e);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return new CarrierError('unreachable', `${who} could not be reached (${code}).`, undefined, { cause: e });
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || err.timeout !== undefined || err.name === 'TimeoutError' || err.name === 'AbortError' || err.name === 'RequestTimeoutError') {
    return new CarrierError('unknown', `${who} did not answer in time.`, undefined, { cause: e });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('UND_ERR') || /socket hang up|other side closed|terminated/i.test(err.message ?? '')) {
    return new CarrierError('unknown', `The connection to ${who} broke before it answered.`, undefined, { cause: e });
  }
  return new CarrierError('unknown', `${who} gave an answer Packbench could not read (${(err.message ?? String(e)).slice(0, 160)}).`, undefined, { cause: e });
}

/** The first error code down the cause chain (fetch wraps the socket's error twice). */
function causeCode(e: unknown): string {
  for (let at = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; at && depth < 5; at = at.cause as typeof at, depth++) {
    if (typeof at.code === 'string' && at.code !== '') return at.code;
  }
  return '';
}

/** HTTP status and the carrier's own words, mapped the same way for every carrier. */
export function httpError(who: string, status: number, words: string, retryAfterMs?: number): CarrierError {
  const said = words ? `: ${words}` : '';
  if (status === 401 || status === 403) return new CarrierError('auth', `${who} refused the API key (HTTP ${status})${said}.`);
  if (status === 429) return new CarrierError('busy', `${who} asked Packbench to slow down (HTTP 429).`, retryAfterMs);
  if (status >= 500) return new CarrierError('unknown', `${who} had a problem of its own (HTTP ${status})${said}.`);
  return new CarrierError('refused', `${who} refused the parcel${said || ` (HTTP ${status})`}.`);
}

/** Metric to the units US carriers' APIs take. */
export const gramsToOunces = (g: number): number => Math.round((g / 28.349523125) * 10) / 10;
export const mmToInches = (mm: number): number => Math.round((mm / 25.4) * 10) / 10;
