import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const products = sqliteTable('products', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  imageUrl: text('image_url').notNull().default(''),
  /** a picture kept in this database (works offline), shown big at the bench */
  imageId: integer('image_id').references(() => images.id),
  /** archived products stay for history (orders, movements) but are offered nowhere */
  archivedAt: text('archived_at'),
});

export const variants = sqliteTable('variants', {
  id: integer('id').primaryKey(),
  productId: integer('product_id').notNull().references(() => products.id),
  sku: text('sku').notNull().unique(),
  title: text('title').notNull(),
  weightGrams: integer('weight_grams').notNull().default(0),
  lengthMm: integer('length_mm').notNull().default(0),
  widthMm: integer('width_mm').notNull().default(0),
  heightMm: integer('height_mm').notNull().default(0),
  imageUrl: text('image_url').notNull().default(''),
  /** customs: Harmonized System code (6 to 10 digits) and ISO country of origin, carriers need both abroad */
  hsCode: text('hs_code').notNull().default(''),
  originCountry: text('origin_country').notNull().default(''),
  /** the usual selling price in minor units, offered on manual orders */
  priceMinor: integer('price_minor').notNull().default(0),
  imageId: integer('image_id').references(() => images.id),
  archivedAt: text('archived_at'),
});

/** GTINs are stored normalised to GTIN-14 so any scan form finds them; internal codes as printed. */
export const barcodes = sqliteTable('barcodes', {
  code: text('code').primaryKey(),
  symbology: text('symbology', { enum: ['upc-a', 'ean-13', 'ean-8', 'upc-e', 'gtin-14', 'code128'] }).notNull(),
  variantId: integer('variant_id').notNull().references(() => variants.id),
  /** a case or inner pack: one scan of this code counts this many units */
  units: integer('units').notNull().default(1),
}, (t) => [index('barcodes_variant').on(t.variantId)]);

export const locations = sqliteTable('locations', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** ship-from address, JSON of shared Address */
  address: text('address', { mode: 'json' }).notNull(),
  /** false for a place whose stock is not for sale (the returns quarantine): never counted as available to a channel */
  sellable: integer('sellable', { mode: 'boolean' }).notNull().default(true),
  archivedAt: text('archived_at'),
});

export const bins = sqliteTable('bins', {
  id: integer('id').primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  code: text('code').notNull(),
  zone: text('zone').notNull().default(''),
  aisle: text('aisle').notNull().default(''),
  shelf: text('shelf').notNull().default(''),
  level: text('level').notNull().default(''),
  /** zone, aisle, shelf, level with numbers padded ("A|000002" before "A|000010"): the walk order pickers follow */
  sortKey: text('sort_key').notNull().default(''),
  archivedAt: text('archived_at'),
}, (t) => [uniqueIndex('bins_location_code').on(t.locationId, t.code), index('bins_walk').on(t.locationId, t.sortKey)]);

/** Append-only. Never updated, never deleted. */
export const movements = sqliteTable('inventory_movements', {
  id: integer('id').primaryKey(),
  variantId: integer('variant_id').notNull().references(() => variants.id),
  locationId: integer('location_id').notNull().references(() => locations.id),
  kind: text('kind', { enum: ['receive', 'adjust', 'reserve', 'release', 'pick', 'ship', 'return', 'transfer', 'scrap', 'vendor_return'] }).notNull(),
  onHandDelta: integer('on_hand_delta').notNull(),
  committedDelta: integer('committed_delta').notNull(),
  reason: text('reason').notNull().default(''),
  actor: text('actor').notNull(),
  reference: text('reference').notNull().default(''),
  createdAt: text('created_at').notNull().default(now),
  /** the bin the units went into or came out of; null for reservations and stock not yet in a bin */
  binId: integer('bin_id').references(() => bins.id),
}, (t) => [
  index('movements_variant_location').on(t.variantId, t.locationId, t.id),
  index('movements_reference').on(t.reference),
  index('movements_bin').on(t.binId, t.id),
]);

/**
 * Derived from movements in the same transaction; available = on_hand - committed. Per location: orders
 * reserve at a location, not in a bin. Units per bin are in bin_stock; on_hand minus their sum is stock
 * not yet put in a bin.
 */
export const balances = sqliteTable('inventory_balances', {
  variantId: integer('variant_id').notNull().references(() => variants.id),
  locationId: integer('location_id').notNull().references(() => locations.id),
  /** the SKU's default (home) bin at this location: where receiving suggests it goes and the slip sends the picker */
  binId: integer('bin_id').references(() => bins.id),
  onHand: integer('on_hand').notNull().default(0),
  committed: integer('committed').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.variantId, t.locationId] }),
  check('balances_on_hand_not_negative', sql`${t.onHand} >= 0`),
  check('balances_committed_not_negative', sql`${t.committed} >= 0`),
]);

export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** non-secret settings only; secrets live in the OS keychain */
  config: text('config', { mode: 'json' }).notNull().default(sql`'{}'`),
});

export const orders = sqliteTable('orders', {
  id: integer('id').primaryKey(),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  externalId: text('external_id').notNull(),
  number: text('number').notNull(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  status: text('status', { enum: ['open', 'picking', 'packed', 'shipped', 'on_hold', 'cancelled', 'short'] }).notNull(),
  customerName: text('customer_name').notNull(),
  shipName: text('ship_name').notNull(),
  shipCompany: text('ship_company').notNull().default(''),
  shipLine1: text('ship_line1').notNull(),
  shipLine2: text('ship_line2').notNull().default(''),
  shipLine3: text('ship_line3').notNull().default(''),
  shipCity: text('ship_city').notNull().default(''),
  shipRegion: text('ship_region').notNull().default(''),
  shipPostalCode: text('ship_postal_code').notNull().default(''),
  shipCountryCode: text('ship_country_code').notNull(),
  shipPhone: text('ship_phone').notNull().default(''),
  shipEmail: text('ship_email').notNull().default(''),
  currency: text('currency').notNull(),
  subtotalMinor: integer('subtotal_minor').notNull(),
  shippingMinor: integer('shipping_minor').notNull().default(0),
  taxMinor: integer('tax_minor').notNull().default(0),
  totalMinor: integer('total_minor').notNull(),
  itemCount: integer('item_count').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** the date the order must leave by (UTC ISO); null when the channel gave none */
  shipBy: text('ship_by'),
}, (t) => [
  // The queue is ordered by arrival (id): these indexes carry the rowid, so a filtered page is an index walk.
  uniqueIndex('orders_channel_external').on(t.channelId, t.externalId),
  index('orders_status').on(t.status),
  index('orders_channel').on(t.channelId),
  index('orders_status_channel').on(t.status, t.channelId),
  index('orders_number').on(t.number),
]);

export const orderLines = sqliteTable('order_lines', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  variantId: integer('variant_id').references(() => variants.id),
  sku: text('sku').notNull(),
  title: text('title').notNull(),
  quantity: integer('quantity').notNull(),
  unitPriceMinor: integer('unit_price_minor').notNull(),
}, (t) => [index('order_lines_order').on(t.orderId), index('order_lines_sku').on(t.sku, t.orderId)]);

/** Append-only timeline per order. */
export const orderEvents = sqliteTable('order_events', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  kind: text('kind').notNull(),
  actor: text('actor').notNull(),
  message: text('message').notNull(),
  details: text('details', { mode: 'json' }).notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull(),
}, (t) => [index('order_events_order').on(t.orderId, t.id)]);

/** Changes that must reach a channel or carrier, written in the same transaction as the local change. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey(),
  topic: text('topic').notNull(),
  channelId: integer('channel_id').references(() => channels.id),
  /** a retry reuses it, so the far side can drop duplicates */
  idempotencyKey: text('idempotency_key').notNull().unique(),
  payload: text('payload', { mode: 'json' }).notNull(),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [index('outbox_status').on(t.status, t.id)]);

/** One parcel being packed at the bench. At most one active session per order. */
export const packSessions = sqliteTable('pack_sessions', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  parcelNo: integer('parcel_no').notNull().default(1),
  status: text('status', { enum: ['active', 'completed', 'abandoned'] }).notNull().default('active'),
  actor: text('actor').notNull(),
  splitReason: text('split_reason').notNull().default(''),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at'),
}, (t) => [
  uniqueIndex('pack_sessions_one_active').on(t.orderId).where(sql`status = 'active'`),
  index('pack_sessions_order').on(t.orderId, t.id),
  index('pack_sessions_status').on(t.status, t.id),
]);

/**
 * Every scan, good or refused, written the moment it happens so a crash loses none.
 * Append-only: an undo is a row of its own pointing at the scan it cancels.
 */
export const packScans = sqliteTable('pack_scans', {
  id: integer('id').primaryKey(),
  sessionId: integer('session_id').notNull().references(() => packSessions.id),
  code: text('code').notNull(),
  outcome: text('outcome', { enum: ['accepted', 'wrong_item', 'over_scan', 'unknown_code', 'invalid_code', 'undo', 'override'] }).notNull(),
  orderLineId: integer('order_line_id').references(() => orderLines.id),
  variantId: integer('variant_id').references(() => variants.id),
  quantity: integer('quantity').notNull().default(0),
  undoesScanId: integer('undoes_scan_id'),
  lot: text('lot'),
  expiry: text('expiry'),
  serial: text('serial'),
  message: text('message').notNull().default(''),
  actor: text('actor').notNull(),
  reason: text('reason').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [
  index('pack_scans_session').on(t.sessionId, t.id),
  // every count asks "was this scan undone?": without it each scan reads all earlier ones
  index('pack_scans_undoes').on(t.undoesScanId),
]);

export const printers = sqliteTable('printers', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['virtual', 'tcp', 'usb', 'cups'] }).notNull(),
  host: text('host').notNull().default(''),
  port: integer('port').notNull().default(9100),
  dpi: integer('dpi').notNull().default(203),
  labelSize: text('label_size', { enum: ['4x6', '4x4'] }).notNull().default('4x6'),
  folder: text('folder').notNull().default(''),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  /** command language the printer speaks: zpl, epl or tspl */
  language: text('language', { enum: ['zpl', 'epl', 'tspl'] }).notNull().default('zpl'),
  /** calibration in dots: moves the whole label right / down */
  offsetX: integer('offset_x').notNull().default(0),
  offsetY: integer('offset_y').notNull().default(0),
  /** usb: vendor:product:serial; cups: queue name */
  device: text('device').notNull().default(''),
});

/** A label or test page: the exact bytes sent, kept so a failed job can be retried and any job reprinted. */
export const printJobs = sqliteTable('print_jobs', {
  id: integer('id').primaryKey(),
  printerId: integer('printer_id').notNull().references(() => printers.id),
  orderId: integer('order_id').references(() => orders.id),
  sessionId: integer('session_id').references(() => packSessions.id),
  parcelNo: integer('parcel_no'),
  kind: text('kind', { enum: ['label', 'test', 'pick_list'] }).notNull(),
  zpl: text('zpl').notNull(),
  status: text('status', { enum: ['queued', 'sending', 'done', 'unconfirmed', 'failed'] }).notNull().default('queued'),
  error: text('error').notNull().default(''),
  attempts: integer('attempts').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** the first label this job is another copy of: a reprint says so on the label and in the list */
  reprintOf: integer('reprint_of'),
  /** in words, for a label that printed but needs a look (characters no label font has) */
  notice: text('notice').notNull().default(''),
}, (t) => [index('print_jobs_order').on(t.orderId, t.id), index('print_jobs_status').on(t.status, t.id)]);

/** Product pictures, stored in the database so the bench shows them offline. Resized by the screen before upload. */
export const images = sqliteTable('images', {
  id: integer('id').primaryKey(),
  mime: text('mime', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** Units per SKU per bin, derived from movements that carry a bin, in the same transaction. */
export const binStock = sqliteTable('bin_stock', {
  variantId: integer('variant_id').notNull().references(() => variants.id),
  binId: integer('bin_id').notNull().references(() => bins.id),
  onHand: integer('on_hand').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.variantId, t.binId] }),
  index('bin_stock_bin').on(t.binId),
  check('bin_stock_on_hand_not_negative', sql`${t.onHand} >= 0`),
]);

/** The people at the bench. PINs are stored as scrypt hashes only; wrong PINs lock the packer for a while. */
export const packers = sqliteTable('packers', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** the name folded (case, accents) so "anna" and "Anna" cannot both exist */
  nameKey: text('name_key').notNull(),
  role: text('role', { enum: ['packer', 'supervisor'] }).notNull().default('packer'),
  pinHash: text('pin_hash'),
  failedPins: integer('failed_pins').notNull().default(0),
  lockedUntil: text('locked_until'),
  archivedAt: text('archived_at'),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('packers_name_key').on(t.nameKey)]);

/** Who is at which screen: a screen keeps a random token (only its hash is stored) so a reload or restart keeps its packer. */
export const benchSessions = sqliteTable('bench_sessions', {
  id: integer('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  packerId: integer('packer_id').notNull().references(() => packers.id),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at'),
}, (t) => [index('bench_sessions_packer').on(t.packerId, t.id)]);

/** A delivery from a supplier, received by scanning into bins; what arrived is the movements with reference delivery:<id>. */
export const deliveries = sqliteTable('deliveries', {
  id: integer('id').primaryKey(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  reference: text('reference').notNull(),
  supplier: text('supplier').notNull().default(''),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  closedAt: text('closed_at'),
}, (t) => [index('deliveries_status').on(t.status, t.id)]);

/** What the supplier said is coming; optional (a delivery may be received blind). */
export const deliveryLines = sqliteTable('delivery_lines', {
  id: integer('id').primaryKey(),
  deliveryId: integer('delivery_id').notNull().references(() => deliveries.id),
  variantId: integer('variant_id').notNull().references(() => variants.id),
  expected: integer('expected').notNull(),
}, (t) => [uniqueIndex('delivery_lines_variant').on(t.deliveryId, t.variantId)]);
/** EasyPost, Shippo or the local courier. The API key lives in the credentials store, named by secret_name. */
export const carrierAccounts = sqliteTable('carrier_accounts', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['easypost', 'shippo', 'local'] }).notNull(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** non-secret settings only: base URL, PO box policy, void window, local price */
  config: text('config', { mode: 'json' }).notNull().default(sql`'{}'`),
  secretName: text('secret_name').notNull().default(''),
  createdAt: text('created_at').notNull(),
});

/** Box sizes with their empty weight. */
export const packagePresets = sqliteTable('package_presets', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  lengthMm: integer('length_mm').notNull(),
  widthMm: integer('width_mm').notNull(),
  heightMm: integer('height_mm').notNull(),
  emptyGrams: integer('empty_grams').notNull().default(0),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  removed: integer('removed', { mode: 'boolean' }).notNull().default(false),
});

/** The box a SKU usually ships in. */
export const skuPackages = sqliteTable('sku_packages', {
  variantId: integer('variant_id').primaryKey().references(() => variants.id),
  packageId: integer('package_id').notNull().references(() => packagePresets.id),
});

/** What the packer chose for the parcel on the bench: a box and a weight (typed or from the scale). */
export const parcelChoices = sqliteTable('parcel_choices', {
  sessionId: integer('session_id').primaryKey().references(() => packSessions.id),
  packageId: integer('package_id').references(() => packagePresets.id),
  weightGrams: integer('weight_grams'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The label queue: one row per parcel whose label is bought from a carrier (or made by the local courier),
 * written in the transaction that packs the parcel. The idempotency key is sent to the carrier as the
 * shipment's reference, so an answer lost on the way back is found again instead of bought twice.
 */
export const shipments = sqliteTable('shipments', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  sessionId: integer('session_id').references(() => packSessions.id),
  parcelNo: integer('parcel_no').notNull(),
  /** the last parcel of the order: its fulfilment says so */
  final: integer('final', { mode: 'boolean' }).notNull(),
  carrierId: integer('carrier_id').references(() => carrierAccounts.id),
  status: text('status', { enum: ['pending', 'buying', 'bought', 'held', 'voiding', 'voided'] }).notNull(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  /** the parcel as it will be declared: addresses, box, weight, customs lines */
  request: text('request', { mode: 'json' }).notNull(),
  /** what the parcel holds, for the channel's fulfilment */
  lines: text('lines', { mode: 'json' }).notNull(),
  weightGrams: integer('weight_grams').notNull(),
  weightSource: text('weight_source', { enum: ['scale', 'catalog'] }).notNull(),
  packageName: text('package_name').notNull().default(''),
  remoteShipmentId: text('remote_shipment_id').notNull().default(''),
  rate: text('rate', { mode: 'json' }).notNull().default(sql`'null'`),
  carrierName: text('carrier_name').notNull().default(''),
  service: text('service').notNull().default(''),
  trackingNumber: text('tracking_number').notNull().default(''),
  trackingUrl: text('tracking_url').notNull().default(''),
  priceMinor: integer('price_minor'),
  currency: text('currency').notNull().default(''),
  remoteLabelId: text('remote_label_id').notNull().default(''),
  printJobId: integer('print_job_id').references(() => printJobs.id),
  manifestId: integer('manifest_id'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  words: text('words').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  boughtAt: text('bought_at'),
  voidedAt: text('voided_at'),
  /** set for a return label: the parcel comes back from the customer (parcel_no is 0) */
  returnId: integer('return_id').references((): AnySQLiteColumn => returns.id),
  /** a label bought again after its first was voided points at the voided one (one replacement each) */
  replacesId: integer('replaces_id'),
  /** the carrier's tracking status as last asked (EasyPost tracker / Shippo track status), and when */
  trackingStatus: text('tracking_status').notNull().default(''),
  trackingDetail: text('tracking_detail').notNull().default(''),
  trackedAt: text('tracked_at'),
}, (t) => [
  uniqueIndex('shipments_one_replacement').on(t.replacesId),
  // a parcel has at most one live label: a second purchase row for it is refused by the database itself
  uniqueIndex('shipments_one_live_per_parcel').on(t.orderId, t.parcelNo).where(sql`status <> 'voided' AND return_id IS NULL`),
  // and so has a return
  uniqueIndex('shipments_one_live_per_return').on(t.returnId).where(sql`status <> 'voided' AND return_id IS NOT NULL`),
  index('shipments_status').on(t.status, t.nextAttemptAt),
  index('shipments_order').on(t.orderId, t.id),
  index('shipments_created').on(t.createdAt),
  index('shipments_carrier_manifest').on(t.carrierId, t.manifestId),
]);

/** End of day: one SCAN form / manifest per carrier account. */
export const manifests = sqliteTable('manifests', {
  id: integer('id').primaryKey(),
  carrierId: integer('carrier_id').notNull().references(() => carrierAccounts.id),
  remoteId: text('remote_id').notNull().default(''),
  status: text('status', { enum: ['created', 'failed'] }).notNull(),
  words: text('words').notNull().default(''),
  shipmentCount: integer('shipment_count').notNull(),
  documentUrl: text('document_url').notNull().default(''),
  printJobId: integer('print_job_id').references(() => printJobs.id),
  createdAt: text('created_at').notNull(),
});

/** Per connected channel: where its inbox stands and how its connection is doing (the Sync screen reads it). */
export const channelSync = sqliteTable('channel_sync', {
  channelId: integer('channel_id').primaryKey().references(() => channels.id),
  /** opaque, written by the channel's adapter; null before the first complete pull */
  cursor: text('cursor'),
  /** the page a pull pass had reached, saved with that page's orders so a crash resumes there */
  continuation: text('continuation'),
  lastPullAt: text('last_pull_at'),
  lastPushAt: text('last_push_at'),
  /** set from failures only (never assumed): the first failure of the streak that made the channel unreachable */
  offlineSince: text('offline_since'),
  failures: integer('failures').notNull().default(0),
  lastError: text('last_error').notNull().default(''),
  lastErrorAt: text('last_error_at'),
  /** a reason the engine will not call the channel until a person acts (keys refused) */
  pausedReason: text('paused_reason').notNull().default(''),
});

/** Channel keys, encrypted (Electron safeStorage, or AES-GCM with the key file beside the database). Never plain text. */
export const channelCredentials = sqliteTable('channel_credentials', {
  channelId: integer('channel_id').primaryKey().references(() => channels.id),
  scheme: text('scheme', { enum: ['safe-storage', 'key-file'] }).notNull(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The channel's version of each order it sent: applying a remote order is idempotent on
 * (channel, external id, updated_at + content), and `remote` is "theirs" when a conflict is shown.
 */
export const orderVersions = sqliteTable('order_versions', {
  orderId: integer('order_id').primaryKey().references(() => orders.id),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  externalId: text('external_id').notNull(),
  remoteUpdatedAt: text('remote_updated_at').notNull(),
  contentHash: text('content_hash').notNull(),
  remote: text('remote', { mode: 'json' }).notNull(),
  /** the order is on hold because the channel said so (awaiting payment), not because a person did */
  heldByChannel: integer('held_by_channel', { mode: 'boolean' }).notNull().default(false),
  appliedAt: text('applied_at').notNull(),
}, (t) => [uniqueIndex('order_versions_channel_external').on(t.channelId, t.externalId)]);

/** An order changed upstream after the bench started on it: held, with ours and theirs, until a person decides. */
export const orderConflicts = sqliteTable('order_conflicts', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  /** what changed: cancelled, address, lines, status, fulfilled */
  kinds: text('kinds', { mode: 'json' }).notNull(),
  ours: text('ours', { mode: 'json' }).notNull(),
  theirs: text('theirs', { mode: 'json' }).notNull(),
  /** the status the order had when it was held; keeping ours returns it there */
  heldFrom: text('held_from').notNull(),
  status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
  resolution: text('resolution').notNull().default(''),
  createdAt: text('created_at').notNull(),
  resolvedAt: text('resolved_at'),
}, (t) => [
  uniqueIndex('order_conflicts_one_open').on(t.orderId).where(sql`status = 'open'`),
  index('order_conflicts_status').on(t.status, t.id),
]);

/** How each outbox row is travelling: when it may go next, and whether it may already have arrived. */
export const outboxDelivery = sqliteTable('outbox_delivery', {
  outboxId: integer('outbox_id').primaryKey().references(() => outbox.id),
  /** sending: an attempt is under way (found so after a crash = it may have arrived); no_answer: sent, unanswered */
  state: text('state', { enum: ['waiting', 'sending', 'no_answer', 'done', 'skipped', 'failed'] }).notNull(),
  nextAttemptAt: text('next_attempt_at'),
  remoteRef: text('remote_ref').notNull().default(''),
  words: text('words').notNull().default(''),
  doneAt: text('done_at'),
});

/** What the engine did and what went wrong, in words, for the Sync screen (the detail goes to the log too). */
export const syncLog = sqliteTable('sync_log', {
  id: integer('id').primaryKey(),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  level: text('level', { enum: ['info', 'warning', 'error'] }).notNull(),
  words: text('words').notNull(),
  detail: text('detail').notNull().default(''),
  externalId: text('external_id').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [index('sync_log_channel').on(t.channelId, t.id)]);

/** How each SKU is known on each channel (the adapter's opaque ref), from the channel's catalog. */
export const channelSkus = sqliteTable('channel_skus', {
  channelId: integer('channel_id').notNull().references(() => channels.id),
  sku: text('sku').notNull(),
  ref: text('ref').notNull(),
  tracksStock: integer('tracks_stock', { mode: 'boolean' }).notNull(),
  remoteAvailable: integer('remote_available'),
  updatedAt: text('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.channelId, t.sku] })]);
/**
 * What each closed parcel weighed on the scale, by its exact contents ("SKU-A*2|SKU-B*1"), so the
 * expected weight of the same items is learned from past shipments. Append-only.
 */
export const parcelWeights = sqliteTable('parcel_weights', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  sessionId: integer('session_id').notNull().references(() => packSessions.id),
  contents: text('contents').notNull(),
  grams: integer('grams').notNull(),
  /** what the check expected, and whether a supervisor accepted a weight outside it */
  expectedGrams: integer('expected_grams'),
  acceptedBy: text('accepted_by').notNull().default(''),
  acceptReason: text('accept_reason').notNull().default(''),
  createdAt: text('created_at').notNull(),
}, (t) => [index('parcel_weights_contents').on(t.contents, t.id)]);
/** Automation rules, run in position order when an order lands or changes. Conditions and actions are zod-checked JSON. */
export const automationRules = sqliteTable('automation_rules', {
  id: integer('id').primaryKey(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  match: text('match', { enum: ['all', 'any'] }).notNull().default('all'),
  conditions: text('conditions', { mode: 'json' }).notNull(),
  actions: text('actions', { mode: 'json' }).notNull(),
  stop: integer('stop', { mode: 'boolean' }).notNull().default(false),
  /** bumped on every edit: a changed rule may fire again on an order it fired on before */
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [index('automation_rules_position').on(t.position, t.id)]);

/**
 * What an order says beyond its lines (the channel's tags, the customer's note, the risk) and what the
 * rules decided for it. A row exists only for orders that have one of these.
 */
export const orderHandling = sqliteTable('order_handling', {
  orderId: integer('order_id').primaryKey().references(() => orders.id),
  /** from the channel or a person; rules read them but never change them */
  tags: text('tags', { mode: 'json' }).notNull().default(sql`'[]'`),
  note: text('note').notNull().default(''),
  risk: text('risk', { enum: ['low', 'medium', 'high', 'unknown'] }).notNull().default('unknown'),
  /** decided by the rules, recomputed on every run */
  ruleTags: text('rule_tags', { mode: 'json' }).notNull().default(sql`'[]'`),
  priority: integer('priority').notNull().default(0),
  carrier: text('carrier').notNull().default(''),
  service: text('service').notNull().default(''),
  packagePreset: text('package_preset').notNull().default(''),
  shipFromLocationId: integer('ship_from_location_id').references(() => locations.id),
  /** rule id -> version of each firing already applied, so a second run repeats no hold, note or timeline entry */
  fired: text('fired', { mode: 'json' }).notNull().default(sql`'{}'`),
  evaluatedAt: text('evaluated_at'),
}, (t) => [index('order_handling_priority').on(t.priority)]);

/** An order shipped from more than one location (a split): what each location ships. */
export const orderShipments = sqliteTable('order_shipments', {
  id: integer('id').primaryKey(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  locationId: integer('location_id').notNull().references(() => locations.id),
  seq: integer('seq').notNull(),
  /** proposed: waiting for the owner's consent (the order is held); agreed: the stock is reserved there */
  status: text('status', { enum: ['proposed', 'agreed'] }).notNull(),
  /** [{variantId, sku, quantity}] */
  lines: text('lines', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('order_shipments_order_seq').on(t.orderId, t.seq), index('order_shipments_location').on(t.locationId)]);

/** Stock sent between locations: a transfer movement out when it leaves, in when it arrives; in transit between. */
export const stockTransfers = sqliteTable('stock_transfers', {
  id: integer('id').primaryKey(),
  fromLocationId: integer('from_location_id').notNull().references(() => locations.id),
  toLocationId: integer('to_location_id').notNull().references(() => locations.id),
  status: text('status', { enum: ['in_transit', 'received', 'cancelled'] }).notNull().default('in_transit'),
  /** why: an order it is for ("order:12"), or a person's words */
  reason: text('reason').notNull().default(''),
  orderId: integer('order_id').references(() => orders.id),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  closedBy: text('closed_by').notNull().default(''),
  closedAt: text('closed_at'),
}, (t) => [index('stock_transfers_status').on(t.status, t.id)]);

export const stockTransferLines = sqliteTable('stock_transfer_lines', {
  transferId: integer('transfer_id').notNull().references(() => stockTransfers.id),
  variantId: integer('variant_id').notNull().references(() => variants.id),
  quantity: integer('quantity').notNull(),
}, (t) => [primaryKey({ columns: [t.transferId, t.variantId] }), index('stock_transfer_lines_variant').on(t.variantId)]);

/** A walk through one location's bins for one order (single), many (batch, a tote each) or a wave cut into carts. */
export const pickLists = sqliteTable('pick_lists', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['single', 'batch', 'wave'] }).notNull(),
  /** lists made together as one wave share the id of the wave's first list */
  waveId: integer('wave_id'),
  name: text('name').notNull(),
  locationId: integer('location_id').notNull().references(() => locations.id),
  status: text('status', { enum: ['open', 'picking', 'done', 'cancelled'] }).notNull().default('open'),
  picker: text('picker').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  startedAt: text('started_at'),
  finishedAt: text('finished_at'),
}, (t) => [index('pick_lists_status').on(t.status, t.id), index('pick_lists_wave').on(t.waveId)]);

/** The orders on a list and the tote each goes into. An order is on at most one list that is still being picked. */
export const pickListOrders = sqliteTable('pick_list_orders', {
  pickListId: integer('pick_list_id').notNull().references(() => pickLists.id),
  orderId: integer('order_id').notNull().references(() => orders.id),
  tote: text('tote').notNull(),
  status: text('status', { enum: ['picking', 'picked', 'short', 'removed'] }).notNull().default('picking'),
}, (t) => [
  primaryKey({ columns: [t.pickListId, t.orderId] }),
  uniqueIndex('pick_list_orders_one_active').on(t.orderId).where(sql`status = 'picking'`),
  index('pick_list_orders_order').on(t.orderId, t.status),
]);

/** One stop of the walk: a SKU in a bin, with how many to take and how many were taken (or found missing). */
export const pickTasks = sqliteTable('pick_tasks', {
  id: integer('id').primaryKey(),
  pickListId: integer('pick_list_id').notNull().references(() => pickLists.id),
  seq: integer('seq').notNull(),
  /** null: the units are at the location but in no bin yet */
  binId: integer('bin_id').references(() => bins.id),
  binCode: text('bin_code').notNull(),
  sortKey: text('sort_key').notNull(),
  variantId: integer('variant_id').notNull().references(() => variants.id),
  sku: text('sku').notNull(),
  title: text('title').notNull(),
  quantity: integer('quantity').notNull(),
  picked: integer('picked').notNull().default(0),
  short: integer('short').notNull().default(0),
  shortReason: text('short_reason').notNull().default(''),
  status: text('status', { enum: ['open', 'done', 'short'] }).notNull().default('open'),
  binScannedAt: text('bin_scanned_at'),
}, (t) => [index('pick_tasks_list').on(t.pickListId, t.seq), index('pick_tasks_open_bin').on(t.binId, t.variantId, t.status)]);

/** Which order (and tote) each unit of a stop is for. */
export const pickAllocations = sqliteTable('pick_allocations', {
  taskId: integer('task_id').notNull().references(() => pickTasks.id),
  orderId: integer('order_id').notNull().references(() => orders.id),
  orderLineId: integer('order_line_id').notNull().references(() => orderLines.id),
  tote: text('tote').notNull(),
  quantity: integer('quantity').notNull(),
  picked: integer('picked').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.taskId, t.orderLineId] }), index('pick_allocations_order').on(t.orderId)]);

/** Every scan on a pick list, accepted or refused, written as it happens. Append-only. */
export const pickScans = sqliteTable('pick_scans', {
  id: integer('id').primaryKey(),
  pickListId: integer('pick_list_id').notNull().references(() => pickLists.id),
  taskId: integer('task_id').references(() => pickTasks.id),
  code: text('code').notNull(),
  outcome: text('outcome', { enum: ['bin', 'item', 'wrong_bin', 'wrong_item', 'over_pick', 'unknown', 'bin_first', 'short'] }).notNull(),
  quantity: integer('quantity').notNull().default(0),
  message: text('message').notNull(),
  actor: text('actor').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('pick_scans_list').on(t.pickListId, t.id)]);

/** Phones and tablets allowed to pick over the shop's network. Only a hash of each device's token is kept. */
export const pairedDevices = sqliteTable('paired_devices', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  pairedBy: text('paired_by').notNull(),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at'),
  revokedAt: text('revoked_at'),
  revokedBy: text('revoked_by').notNull().default(''),
});

/**
 * Inventory sync (#7). A SKU whose available count may have changed is marked dirty per channel, in the
 * transaction of the ledger change (inventory-repo writes the mark with the movement).
 * The pusher sends the latest number and clears the mark only if no newer change bumped `version` meanwhile:
 * a burst of movements is one push per SKU and channel, and an older count never overtakes a newer one.
 */
export const stockDirty = sqliteTable('stock_dirty', {
  channelId: integer('channel_id').notNull().references(() => channels.id),
  sku: text('sku').notNull(),
  version: integer('version').notNull().default(1),
  /** what changed last, for the published-number history ("reserve order:12", "adjust stock count") */
  cause: text('cause').notNull().default(''),
  markedAt: text('marked_at').notNull(),
}, (t) => [primaryKey({ columns: [t.channelId, t.sku] })]);

/** What each channel was last told per SKU, and the count last seen there (changeFromQuantity for compare-and-set). */
export const stockPublished = sqliteTable('stock_published', {
  channelId: integer('channel_id').notNull().references(() => channels.id),
  sku: text('sku').notNull(),
  quantity: integer('quantity').notNull(),
  /** the channel's own count as last set or read; null when unknown (the next set is unconditional) */
  remoteSeen: integer('remote_seen'),
  /** the number of a set still waiting for its answer, written before the call: if the app stops before the
   *  answer, a shop that later shows exactly this number is recognised as showing our own set */
  sending: integer('sending'),
  publishedAt: text('published_at').notNull(),
}, (t) => [primaryKey({ columns: [t.channelId, t.sku] })]);

/** Every number published to a channel, with its cause: the per-SKU history. Append-only. */
export const stockPublishHistory = sqliteTable('stock_publish_history', {
  id: integer('id').primaryKey(),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  sku: text('sku').notNull(),
  quantity: integer('quantity').notNull(),
  previous: integer('previous'),
  cause: text('cause').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('stock_publish_history_sku').on(t.sku, t.id)]);

/**
 * How much of a SKU a channel may list. channel_id 0 = every channel, sku '' = the whole catalog; the most
 * specific rule wins. share: all of it; cap: at most value; reserve: value kept back; percent: value % of it;
 * budget: at most value, meant as what the channel may sell while Packbench cannot reach it.
 */
export const stockRules = sqliteTable('stock_rules', {
  id: integer('id').primaryKey(),
  channelId: integer('channel_id').notNull().default(0),
  sku: text('sku').notNull().default(''),
  kind: text('kind', { enum: ['share', 'cap', 'reserve', 'percent', 'budget'] }).notNull(),
  value: integer('value').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
}, (t) => [uniqueIndex('stock_rules_scope').on(t.channelId, t.sku), check('stock_rules_value_not_negative', sql`${t.value} >= 0`)]);

/** Units of a SKU never offered on any channel (kept for the counter, breakage, a miscount). */
export const safetyStock = sqliteTable('safety_stock', {
  sku: text('sku').primaryKey(),
  quantity: integer('quantity').notNull(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [check('safety_stock_not_negative', sql`${t.quantity} >= 0`)]);

/** One reconciliation run: every channel's counts read and compared with what it was told. */
export const stockReconciliations = sqliteTable('stock_reconciliations', {
  id: integer('id').primaryKey(),
  trigger: text('trigger', { enum: ['manual', 'schedule', 'reconnect'] }).notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  /** in words: "3 SKUs checked on 2 channels; 2 drifts found." */
  summary: text('summary').notNull().default(''),
});

/** One drift: a SKU on a channel whose count is not what it was told (or a channel that could not be read). */
export const stockReconciliationLines = sqliteTable('stock_reconciliation_lines', {
  id: integer('id').primaryKey(),
  reconciliationId: integer('reconciliation_id').notNull().references(() => stockReconciliations.id),
  channelId: integer('channel_id').notNull().references(() => channels.id),
  sku: text('sku').notNull(),
  ours: integer('ours').notNull(),
  theirs: integer('theirs'),
  available: integer('available').notNull(),
  fix: text('fix', { enum: ['', 'push_ours', 'accept_theirs'] }).notNull().default(''),
  fixWords: text('fix_words').notNull().default(''),
  fixedAt: text('fixed_at'),
}, (t) => [index('stock_reconciliation_lines_run').on(t.reconciliationId, t.id)]);

/**
 * A channel order that arrived when its stock was already gone (#7 oversell): never dropped, shown with a
 * banner until a person chooses back-order, cancel on the channel, or adjust stock; the choice is on the timeline.
 */
export const orderShortages = sqliteTable('order_shortages', {
  orderId: integer('order_id').primaryKey().references(() => orders.id),
  /** [{sku, wanted, short}] */
  lines: text('lines', { mode: 'json' }).notNull(),
  status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
  choice: text('choice', { enum: ['', 'backorder', 'cancel', 'adjust'] }).notNull().default(''),
  reason: text('reason').notNull().default(''),
  createdAt: text('created_at').notNull(),
  resolvedAt: text('resolved_at'),
}, (t) => [index('order_shortages_status').on(t.status)]);
/** A return (RMA): units of a shipped order coming back. Its number is what the return slip's barcode carries. */
export const returns = sqliteTable('returns', {
  id: integer('id').primaryKey(),
  /** "RMA-1001" */
  number: text('number').notNull().unique(),
  orderId: integer('order_id').notNull().references(() => orders.id),
  status: text('status', { enum: ['requested', 'label_sent', 'in_transit', 'received', 'inspected', 'refunded', 'closed'] }).notNull(),
  /** label: the shop buys the return label; customer: the customer sends (or brings) it their own way */
  shipping: text('shipping', { enum: ['label', 'customer'] }).notNull(),
  /** arrived at the bench without being announced: its lines are what was scanned */
  unannounced: integer('unannounced', { mode: 'boolean' }).notNull().default(false),
  note: text('note').notNull().default(''),
  /** accepted after the return window, and why */
  outsideWindowReason: text('outside_window_reason').notNull().default(''),
  /** the customer's own tracking (shipping = customer) or the bought label's, for "on its way back" */
  trackingNumber: text('tracking_number').notNull().default(''),
  trackingCarrier: text('tracking_carrier').notNull().default(''),
  /** the carrier's last word on the parcel ("in_transit", "delivered") and when it was asked */
  inboundStatus: text('inbound_status').notNull().default(''),
  inboundDetail: text('inbound_detail').notNull().default(''),
  inboundCheckedAt: text('inbound_checked_at'),
  /** the refund as issued (RefundBreakdown + any change made by hand), null until refunded */
  refund: text('refund', { mode: 'json' }),
  refundMinor: integer('refund_minor'),
  /** the order.refund outbox row, to show whether the channel has it yet */
  refundOutboxId: integer('refund_outbox_id').references(() => outbox.id),
  exchangeOrderId: integer('exchange_order_id').references(() => orders.id),
  closeReason: text('close_reason').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  receivedAt: text('received_at'),
  inspectedAt: text('inspected_at'),
  finishedAt: text('finished_at'),
}, (t) => [
  index('returns_status').on(t.status, t.id),
  index('returns_order').on(t.orderId, t.id),
  index('returns_tracking').on(t.trackingNumber),
]);

/** What the customer said comes back, per order line, with the reason as the shop's list had it then. */
export const returnLines = sqliteTable('return_lines', {
  id: integer('id').primaryKey(),
  returnId: integer('return_id').notNull().references(() => returns.id),
  orderLineId: integer('order_line_id').notNull().references(() => orderLines.id),
  variantId: integer('variant_id').references(() => variants.id),
  sku: text('sku').notNull(),
  title: text('title').notNull(),
  /** units announced; 0 on an unannounced return (whatever is scanned, up to what was shipped) */
  quantity: integer('quantity').notNull(),
  unitPriceMinor: integer('unit_price_minor').notNull(),
  reasonCode: text('reason_code').notNull(),
  reasonLabel: text('reason_label').notNull(),
  refundsShipping: integer('refunds_shipping', { mode: 'boolean' }).notNull().default(false),
  chargesFee: integer('charges_fee', { mode: 'boolean' }).notNull().default(false),
  /** an exchange: this SKU is sent instead of money */
  exchangeSku: text('exchange_sku'),
  note: text('note').notNull().default(''),
}, (t) => [index('return_lines_return').on(t.returnId), index('return_lines_order_line').on(t.orderLineId)]);

/**
 * Every scan and grade at the returns bench, good or refused, written before it is answered.
 * Append-only: an undo is a row of its own pointing at what it cancels; a grade points at its unit's scan.
 */
export const returnScans = sqliteTable('return_scans', {
  id: integer('id').primaryKey(),
  returnId: integer('return_id').notNull().references(() => returns.id),
  code: text('code').notNull(),
  outcome: text('outcome', { enum: ['accepted', 'wrong_item', 'over_scan', 'unknown_code', 'invalid_code', 'grade_first', 'graded', 'undo'] }).notNull(),
  returnLineId: integer('return_line_id').references(() => returnLines.id),
  variantId: integer('variant_id').references(() => variants.id),
  /** for a grade: the accepted scan (the unit) it grades */
  unitScanId: integer('unit_scan_id'),
  grade: text('grade', { enum: ['new', 'damaged', 'faulty', 'unsellable', 'not_ours'] }),
  /** what the grade meant when it was given (the shop's rules may change later) */
  disposition: text('disposition', { enum: ['restock', 'quarantine', 'scrap', 'vendor', 'flag'] }),
  undoesScanId: integer('undoes_scan_id'),
  message: text('message').notNull().default(''),
  actor: text('actor').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('return_scans_return').on(t.returnId, t.id), index('return_scans_undoes').on(t.undoesScanId)]);
