import type { Clock } from '../clock';
import type {
  AvailablePush, AvailableResult, ChannelPush, ConnectionCheck, FulfilmentPush, OrderStatusPush, PullCatalogPage,
  PullCatalogRequest, PullOrdersPage, PullOrdersRequest, PushContext, PushLookup, PushReceipt, QuantityQuery, RefundPush,
  RemoteQuantity,
} from './channel-types';

export type * from './channel-types';
export { ChannelError, isChannelError, type ChannelErrorKind } from './channel-error';

/**
 * One sales channel (a Shopify store, a WooCommerce shop, …) seen through Packbench's own model.
 *
 * The contract every adapter keeps:
 * - It translates, nothing more. Vendor payloads in, the neutral types of channel-types.ts out, and back.
 *   It never touches the database, the clock of record, the outbox or the screens: the engine does.
 * - It keeps no state the engine needs back. Cursors, SKU mappings and idempotency keys are handed in by the
 *   engine and returned, so an adapter can be re-created at any time and one engine process can serve
 *   several benches sharing one workspace (hub mode). The only state it may keep is per-shop pacing (a
 *   rate-limit bucket it reads from the vendor's replies).
 * - Every failure is a ChannelError with a kind (see channel-error.ts) and words a shop owner understands.
 *   Method names, URLs, field paths and reply excerpts go in `detail`, for the log. Never a credential.
 * - Parsers ignore unknown fields and accept unknown enum values (mapped to 'other'). One bad record on a
 *   page is returned in `rejected`, in words; it never fails the page.
 * - It connects only where its settings say. Over plain HTTP it connects to loopback only (an emulator);
 *   anything else must be HTTPS. A shop URL that breaks that rule is refused by the factory, in words.
 *
 * Idempotency (pushes):
 * - Every push carries ctx.idempotencyKey: one per outbox row, reused on every retry of that row.
 * - Pushing the same change twice must not do it twice. Where the vendor takes a key (Shopify
 *   `@idempotent(key:)`), send it. Where it does not (WooCommerce), read the remote state first and skip
 *   what is already there, returning outcome 'already_applied'.
 * - When a push ended in `no_answer`, the engine calls lookupPush(op, ctx) with the same key before it
 *   sends again. lookupPush only reads. It answers found (done already, with the remote ref) or not found
 *   (safe to send). If it cannot tell, it throws (offline/transient) and the engine asks again later.
 * - The engine pushes in order per order (and per SKU for counts): an adapter never sees parcel 2 of an
 *   order before parcel 1 was applied.
 */
export type SalesChannel = {
  /** the vendor, as registered ('woocommerce', 'shopify') */
  readonly kind: string;

  /**
   * Optional. The Packbench statuses pushOrderStatus acts on (e.g. ['cancelled', 'on_hold']); for any other
   * status it must answer not_applicable without calling the shop. With it, the engine settles those rows
   * itself, even while the shop is offline, so they never sit in the queue. Absent: every status row is sent.
   */
  readonly mirroredStatuses?: readonly string[];

  /** Proves the settings work: reaches the shop, checks the credentials and the permissions sync needs. */
  testConnection(signal?: AbortSignal): Promise<ConnectionCheck>;

  /**
   * Orders changed since the cursor, one page at a time (see PullOrdersRequest/Page). Orders come in any
   * state, including cancelled ones: the engine decides what each means for the bench.
   */
  pullOrders(request: PullOrdersRequest): Promise<PullOrdersPage>;

  /** The channel's products by SKU, one page at a time, with the opaque ref that addresses each for counts. */
  pullCatalog(request: PullCatalogRequest): Promise<PullCatalogPage>;

  /**
   * One parcel shipped: the channel records the fulfilment with its tracking (if any) and, when `final`,
   * marks the order shipped/completed. Must accept tracking null. Idempotent as described above.
   */
  pushFulfilment(push: FulfilmentPush, ctx: PushContext): Promise<PushReceipt>;

  /** Our status (cancelled, on hold, …) and/or a note. A status the channel does not mirror is 'not_applicable'. */
  pushOrderStatus(push: OrderStatusPush, ctx: PushContext): Promise<PushReceipt>;

  /** Available counts, per SKU (and location). One call may carry many; each gets its own result, in order. */
  pushAvailable(items: AvailablePush[], ctx: PushContext): Promise<AvailableResult[]>;

  /** The channel's counts now (for compare-and-set and for the inventory screens). One result per query, in order. */
  readQuantities(items: QuantityQuery[], signal?: AbortSignal): Promise<RemoteQuantity[]>;

  /** Money back to the customer (returns). Idempotent as described above: never refund twice. */
  pushRefund(push: RefundPush, ctx: PushContext): Promise<PushReceipt>;

  /** "Did this push already happen?" — read-only, asked after a `no_answer` before sending again. */
  lookupPush(op: ChannelPush, ctx: PushContext): Promise<PushLookup>;
};

/** What the engine knows about a connected channel. Secrets arrive decrypted, in memory only. */
export type ChannelConnection = {
  channelId: number;
  kind: string;
  name: string;
  /** the shop's address: "https://shop.example.com", "https://x.myshopify.com", or a loopback emulator */
  baseUrl: string;
  /** field name -> value, as declared by the factory's credentialFields (consumer key/secret, access token) */
  credentials: Record<string, string>;
  /** non-secret per-channel options (API version pin, location mapping, …) */
  options: Record<string, unknown>;
};

export type ChannelDeps = {
  clock: Clock;
  /** tests and benches may pass their own; adapters default to the global fetch */
  fetch?: typeof fetch | undefined;
  /** how long one HTTP request may take before it counts as no answer; default 20 s */
  requestTimeoutMs?: number | undefined;
};

/** One per vendor, listed in channels/index.ts. Settings → Channels builds its form from it. */
export type ChannelFactory = {
  kind: string;
  /** the vendor's name as the shop owner knows it ("WooCommerce") */
  label: string;
  /** what the shop URL field should look like, shown as its hint */
  urlHint: string;
  credentialFields: Array<{ name: string; label: string; hint: string }>;
  /** throws ChannelError('permanent', words) for settings that cannot work (no URL, plain HTTP to a remote host) */
  create(connection: ChannelConnection, deps: ChannelDeps): SalesChannel;
};
