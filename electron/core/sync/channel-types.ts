/**
 * The neutral shapes every sales channel is translated into and out of. Adapters speak their vendor's wire
 * format on one side and only these types on the other; the engine never sees a vendor payload.
 *
 * Conventions (the same as the rest of Packbench):
 * - money in integer minor units with an ISO 4217 currency code (use parseMoneyToMinor from shared/domain/money);
 * - times as UTC ISO-8601 strings with a Z ("2026-11-27T10:15:00.000Z"), converted by the adapter;
 * - remote ids as strings, exactly as the vendor spells them ("1234", "gid://shopify/Order/1234");
 * - text is UTF-8 as the customer typed it: never transliterated, never trimmed of accents.
 */

/** Where a remote order stands, in Packbench words. Adapters map every vendor status to one of these. */
export const REMOTE_ORDER_STATES = [
  /** paid (or otherwise cleared) and waiting to be shipped: the bench should pack it */
  'ready',
  /** placed but not paid yet (WooCommerce pending/on-hold for bank transfer, Shopify PENDING): not shipped yet */
  'awaiting_payment',
  /** held by the shop owner on the channel */
  'on_hold',
  /** the channel already considers it shipped (fulfilled elsewhere, or by us) */
  'fulfilled',
  'cancelled',
  'refunded',
  /** anything else (failed payment, trash, a status an extension added): kept, not shipped */
  'other',
] as const;
export type RemoteOrderState = (typeof REMOTE_ORDER_STATES)[number];

/** A postal address as the channel gave it. The engine validates it before it reaches the store. */
export type RemoteAddress = {
  name: string;
  company: string;
  line1: string;
  line2: string;
  line3: string;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case ("DE"); '' when the channel sent none */
  countryCode: string;
  phone: string;
  email: string;
};

export type RemoteOrderLine = {
  /** the vendor's id of this line (WooCommerce line_items[].id, Shopify LineItem gid); fulfilments and refunds name it */
  externalLineId: string;
  /** may be '' when the shop left it empty: the engine records such a line with a warning, it reserves nothing */
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
};

export type RemoteOrder = {
  /** stable id on the channel; with the channel it names the order forever */
  externalId: string;
  /** what people call the order ("#1042", "1042") */
  number: string;
  createdAt: string;
  /**
   * When the channel last changed the order. With channel + externalId it is the idempotency key of applying
   * a remote order: an older version is ignored; the same (externalId, updatedAt) is applied once, unless its
   * content differs — the engine also keeps a hash of the whole RemoteOrder, so two changes within the same
   * second (whole-second clocks) are both applied when the second one is delivered again (cursor overlap).
   */
  updatedAt: string;
  state: RemoteOrderState;
  /** the vendor's own status words ("processing", "PARTIALLY_FULFILLED"), shown beside ours in a conflict */
  remoteStatus: string;
  customerName: string;
  shipTo: RemoteAddress;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: RemoteOrderLine[];
  /** the customer's note to the shop, '' when none. The engine cuts an oversized note and says so. */
  note: string;
  /** the channel's location the order should ship from (Shopify fulfillment order location), null when the channel has one */
  remoteLocationId: string | null;
};

/** A record on a page that could not be read as one of ours. The rest of the page is still applied. */
export type RejectedRecord = {
  /** the vendor id when it could be read, so the Sync screen can name the order */
  externalId: string | null;
  /** a sentence for the shop owner: what is wrong and what to do ("Order 1042 has no line items; fix it in WooCommerce.") */
  words: string;
  /** for the log only: field paths, a short excerpt of the payload (never credentials) */
  detail: string;
};

/**
 * Opaque to the engine: written by the adapter, stored by the engine per channel and handed back unchanged.
 * Typically JSON like {"modifiedAfter":"2026-11-27T10:00:00Z"}.
 */
export type OrderCursor = string;

export type PullOrdersRequest = {
  /**
   * null on a channel's first pull: return every order that still needs shipping (state ready, plus
   * awaiting_payment and on_hold ones), not the shop's whole history.
   */
  since: OrderCursor | null;
  /** null to start a pass; otherwise the `continuation` the previous page of this pass returned */
  continuation: string | null;
  /** a hint; adapters cap it at the vendor's maximum page size */
  pageSize: number;
  signal?: AbortSignal | undefined;
};

export type PullOrdersPage = {
  orders: RemoteOrder[];
  rejected: RejectedRecord[];
  /** non-null: this pass has more pages; the engine calls again with it and the same `since` */
  continuation: string | null;
  /**
   * Read only when `continuation` is null: the cursor for the next pass. It must not skip a change made
   * while this pass ran (use the shop's clock at the start of the pass, minus a few seconds of overlap,
   * not the newest updatedAt seen). Overlap is harmless: the engine ignores re-delivered versions.
   */
  nextCursor: OrderCursor;
};

/**
 * How one SKU is known on a channel. `ref` is opaque to the engine (the adapter encodes what it needs to
 * address the item: "product:12", "variation:12/34", an inventory item gid); the engine stores it per channel.
 */
export type RemoteCatalogItem = {
  sku: string;
  title: string;
  ref: string;
  /** false when the channel does not track stock for it: pushing a count to it is skipped */
  tracksStock: boolean;
  /** the channel's available count where it has one location, else null (use readQuantities per location) */
  available: number | null;
  /** GTIN/UPC/EAN as the channel stores it, '' when none */
  barcode: string;
};

export type PullCatalogRequest = { continuation: string | null; pageSize: number; signal?: AbortSignal | undefined };
export type PullCatalogPage = { items: RemoteCatalogItem[]; rejected: RejectedRecord[]; continuation: string | null };

/** What the carrier calls the parcel; every part as printed on the label. */
export type Tracking = { company: string; number: string; url: string };

/** One parcel leaving the bench. Several parcels of one order arrive as several pushes (parcelNo 1, 2, …). */
export type FulfilmentPush = {
  externalOrderId: string;
  orderNumber: string;
  parcelNo: number;
  /** true when this parcel completes the order: the channel may mark the whole order shipped/completed */
  final: boolean;
  /** externalLineId is null when the engine could not match the SKU to a remote line (the adapter then matches by SKU) */
  lines: Array<{ sku: string; quantity: number; externalLineId: string | null }>;
  /** null when the parcel has no tracking (an address label, a hand delivery): the push still happens */
  tracking: Tracking | null;
  /** the tracking number of a voided label the channel already has for this parcel: the new one replaces it there */
  replacesTracking: string | null;
  /** ask the channel to send its shipping e-mail */
  notifyCustomer: boolean;
  /** the channel location it ships from, when the channel has several; null otherwise */
  remoteLocationId: string | null;
};

/** Our order status as the channel should hear it, and/or a note on the order. */
export type OrderStatusPush = {
  externalOrderId: string;
  orderNumber: string;
  /** Packbench's status ('open' | 'picking' | 'packed' | 'shipped' | 'on_hold' | 'cancelled'); null for a note only */
  status: string | null;
  /** why it changed, in the words the person gave (may be '') */
  reason: string;
  /** a note to add to the order; null for none */
  note: { text: string; visibleToCustomer: boolean } | null;
};

export type AvailablePush = {
  sku: string;
  /** the channel's ref from pullCatalog; null when the engine has none yet (the adapter may look the SKU up) */
  ref: string | null;
  remoteLocationId: string | null;
  available: number;
  /**
   * The count we last saw on the channel, for compare-and-set where the vendor has it (Shopify changeFromQuantity).
   * null when unknown: the adapter sets the count outright.
   */
  expectedRemote: number | null;
};

export type AvailableResult = {
  sku: string;
  /** applied; not_listed: the channel has no such SKU or does not track its stock; stale: compare-and-set refused */
  outcome: 'applied' | 'not_listed' | 'stale';
  /** the count now on the channel when the adapter knows it */
  remoteAvailable: number | null;
  /** the ref the adapter found for a push that came without one, so the engine can keep it (optional) */
  ref?: string | null;
  words: string;
};

export type QuantityQuery = { sku: string; ref: string | null; remoteLocationId: string | null };
export type RemoteQuantity = { sku: string; ref: string | null; available: number | null; onHand: number | null };

/** Money going back to the customer (returns). */
export type RefundPush = {
  externalOrderId: string;
  orderNumber: string;
  amountMinor: number;
  currency: string;
  reason: string;
  lines: Array<{ sku: string; quantity: number; externalLineId: string | null; restock: boolean }>;
  notifyCustomer: boolean;
};

/** Every push, named, for lookupPush. */
export type ChannelPush =
  | { kind: 'fulfilment'; push: FulfilmentPush }
  | { kind: 'status'; push: OrderStatusPush }
  | { kind: 'available'; push: AvailablePush[] }
  | { kind: 'refund'; push: RefundPush };

export type PushContext = {
  /**
   * The outbox row's key. The same key comes back on every retry of the same change; adapters send it where
   * the vendor takes one (Shopify `@idempotent(key:)`) and may record it on the remote object (an order
   * meta field, a note) so lookupPush can find it.
   */
  idempotencyKey: string;
  /**
   * 1 on the first try. The engine records every attempt before it sends, so on attempt 1 nothing of this
   * push can have reached the shop yet (an adapter may skip its "is it there already?" reads); from attempt 2
   * on, any part of it may have, even after a crash of the app.
   */
  attempt: number;
  signal?: AbortSignal | undefined;
};

export type PushReceipt = {
  /**
   * applied: the channel took it now; already_applied: the adapter found it already there and sent nothing;
   * not_applicable: this channel has nothing to do for it (a status it does not mirror) — done, not an error.
   */
  outcome: 'applied' | 'already_applied' | 'not_applicable';
  /** the vendor id of what was created (fulfillment gid, note id, refund id), for the timeline and the log */
  remoteRef: string | null;
  /** one sentence for the order's timeline ("WooCommerce: order completed, customer told tracking 1Z…") */
  words: string;
};

/** The answer to "did this push already happen?" */
export type PushLookup = { found: true; remoteRef: string | null; words: string } | { found: false };

export type ConnectionCheck = { shopName: string; words: string };
