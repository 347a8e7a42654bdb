// The emulated shop's data: plain records (no GraphQL here) and the changes a merchant, a customer or
// an app can make to them, with Shopify's rules: an order reserves ("commits") stock at its fulfillment
// order's location, a fulfillment moves it out of on_hand, a cancel gives it back, and every change
// moves the order's updatedAt. Money is kept in minor units and shown as Shopify's decimal strings.

export type QuantityName = 'available' | 'committed' | 'incoming' | 'reserved' | 'damaged' | 'quality_control' | 'safety_stock';
/** on_hand is not stored: it is available + committed + the unavailable states. */
export const QUANTITY_NAMES = ['available', 'on_hand', 'committed', 'incoming', 'reserved', 'damaged', 'quality_control', 'safety_stock'] as const;
const UNAVAILABLE: QuantityName[] = ['reserved', 'damaged', 'quality_control', 'safety_stock'];

export type AddressRec = {
  firstName: string; lastName: string; company: string | null; address1: string; address2: string | null; city: string;
  province: string | null; provinceCode: string | null; zip: string | null; country: string; countryCode: string; phone: string | null;
};
export type LineRec = {
  id: number; variantId: number | null; sku: string | null; title: string; variantTitle: string | null;
  quantity: number; currentQuantity: number; priceMinor: number; requiresShipping: boolean;
};
export type FulfillmentOrderStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED' | 'ON_HOLD' | 'SCHEDULED' | 'INCOMPLETE';
export type FOLineRec = { id: number; lineItemId: number; totalQuantity: number; remainingQuantity: number };
export type FORec = { id: number; orderId: number; locationId: number; status: FulfillmentOrderStatus; lines: FOLineRec[]; createdAt: string; updatedAt: string };
export type TrackingRec = { company: string | null; number: string | null; url: string | null };
export type FulfillmentRec = {
  id: number; orderId: number; name: string; status: 'SUCCESS' | 'CANCELLED'; createdAt: string; updatedAt: string;
  tracking: TrackingRec[]; lines: Array<{ id: number; lineItemId: number; quantity: number }>; locationId: number; notifyCustomer: boolean;
  fulfillmentOrderIds: number[];
};
export type RefundRec = {
  id: number; orderId: number; createdAt: string; note: string | null; amountMinor: number;
  lines: Array<{ id: number; lineItemId: number; quantity: number; restockType: string; locationId: number | null }>;
};
/** A payment on the order: the sale taken at checkout, refunds given back against it. */
export type TransactionRec = {
  id: number; kind: 'SALE' | 'REFUND'; status: 'SUCCESS'; gateway: string; manualGateway: boolean; amountMinor: number; parentId: number | null; createdAt: string;
};
export type FinancialStatus = 'AUTHORIZED' | 'EXPIRED' | 'PAID' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'VOIDED';
export type OrderRec = {
  id: number; number: number; name: string; email: string | null; phone: string | null;
  createdAt: string; updatedAt: string; processedAt: string; cancelledAt: string | null; cancelReason: string | null; closedAt: string | null;
  currency: string; financialStatus: FinancialStatus; lines: LineRec[]; shipping: AddressRec | null;
  shippingMinor: number; taxMinor: number; note: string | null; tags: string[];
  fulfillmentOrderIds: number[]; fulfillmentIds: number[]; refundIds: number[];
  transactions: TransactionRec[];
  /** "namespace.key" -> metafield */
  metafields: Map<string, MetafieldRec>;
};
export type MetafieldRec = { id: number; namespace: string; key: string; type: string; value: string; createdAt: string; updatedAt: string };
export type LocationRec = { id: number; name: string; active: boolean; createdAt: string };
export type ProductRec = { id: number; title: string; variantIds: number[]; createdAt: string; updatedAt: string };
export type VariantRec = { id: number; productId: number; sku: string; title: string; priceMinor: number; barcode: string | null; inventoryItemId: number; createdAt: string; updatedAt: string };
export type ItemRec = { id: number; variantId: number; sku: string; tracked: boolean; createdAt: string; updatedAt: string };
export type LevelRec = { itemId: number; locationId: number; q: Record<QuantityName, number>; createdAt: string; updatedAt: string };
export type AdjustmentGroupRec = {
  id: number; createdAt: string; reason: string; referenceDocumentUri: string | null;
  changes: Array<{ name: string; delta: number; quantityAfterChange: number; itemId: number; locationId: number; ledgerDocumentUri: string | null }>;
};

/** What the app changed in the shop, for tests to assert "exactly once". */
export type AppliedMutation = { seq: number; mutation: string; idempotencyKey: string | null; at: string; variables: unknown; result: Record<string, unknown> };
export type CustomerEmail = { orderId: number; kind: 'shipping_confirmation' | 'shipping_update' | 'refund'; subjectId: number; at: string };

export type NewOrderInput = {
  lines: Array<{ sku: string; quantity: number; price?: string | undefined; title?: string | undefined }>;
  shippingAddress?: Partial<AddressRec> | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locationId?: number | undefined;
  createdAt?: string | undefined;
  financialStatus?: FinancialStatus | undefined;
  /** how the customer paid: 'shopify_payments' (default) or a manual method such as 'Cash on Delivery (COD)' */
  gateway?: string | undefined;
  shippingPrice?: string | undefined;
  tax?: string | undefined;
  note?: string | null | undefined;
  tags?: string[] | undefined;
};

export class ShopStateError extends Error {}

export function toDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function fromDecimal(text: string | number): number {
  const s = String(text).trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(s);
  if (!m) throw new ShopStateError(`"${s}" is not an amount of money.`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0')));
}

/** Shopify shows times to the second, in UTC. */
export function shopifyTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const TRACKING_URLS: Record<string, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?qtc_tLabels1=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  'DHL Express': (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
};

export function createShopState(opts: { currency?: string; domain?: string; name?: string; now?: () => Date; firstOrderNumber?: number | undefined } = {}) {
  const now = opts.now ?? (() => new Date());
  const stamp = () => shopifyTime(now());
  let nextId = 5_000_000_001;
  const newId = () => nextId++;
  let nextOrderNumber = opts.firstOrderNumber ?? 1001;
  const nextFulfillmentNo = new Map<number, number>();

  /** the app's granted scopes, as currentAppInstallation reports them */
  const accessScopes = ['read_orders', 'write_orders', 'read_all_orders', 'read_products', 'read_inventory', 'write_inventory',
    'read_merchant_managed_fulfillment_orders', 'write_merchant_managed_fulfillment_orders', 'read_locations'];
  const shop = { id: newId(), name: opts.name ?? 'Packbench Demo Shop', domain: opts.domain ?? 'packbench-demo.myshopify.com', currency: opts.currency ?? 'EUR', createdAt: stamp() };
  const locations = new Map<number, LocationRec>();
  const products = new Map<number, ProductRec>();
  const variants = new Map<number, VariantRec>();
  const variantBySku = new Map<string, number>();
  const items = new Map<number, ItemRec>();
  const levels = new Map<string, LevelRec>();
  const orders = new Map<number, OrderRec>();
  const lineIndex = new Map<number, { orderId: number; line: LineRec }>();
  const fulfillmentOrders = new Map<number, FORec>();
  const foLineIndex = new Map<number, { foId: number; line: FOLineRec }>();
  const fulfillments = new Map<number, FulfillmentRec>();
  const refunds = new Map<number, RefundRec>();
  const adjustmentGroups = new Map<number, AdjustmentGroupRec>();
  const applied: AppliedMutation[] = [];
  const emails: CustomerEmail[] = [];

  const levelKey = (itemId: number, locationId: number) => `${itemId}:${locationId}`;
  const onHand = (l: LevelRec) => l.q.available + l.q.committed + UNAVAILABLE.reduce((s, n) => s + l.q[n], 0);

  function quantity(l: LevelRec, name: string): number {
    return name === 'on_hand' ? onHand(l) : (l.q[name as QuantityName] ?? 0);
  }

  function level(itemId: number, locationId: number, create = true): LevelRec | undefined {
    const key = levelKey(itemId, locationId);
    let l = levels.get(key);
    if (!l && create) {
      const at = stamp();
      l = { itemId, locationId, q: { available: 0, committed: 0, incoming: 0, reserved: 0, damaged: 0, quality_control: 0, safety_stock: 0 }, createdAt: at, updatedAt: at };
      levels.set(key, l);
    }
    return l;
  }

  function addLocation(name: string): LocationRec {
    const loc = { id: newId(), name, active: true, createdAt: stamp() };
    locations.set(loc.id, loc);
    for (const item of items.values()) level(item.id, loc.id);
    return loc;
  }

  function defaultLocation(): LocationRec {
    const first = [...locations.values()].find((l) => l.active);
    if (!first) throw new ShopStateError('The shop has no active location; add one first.');
    return first;
  }

  function addProduct(input: { title: string; variants: Array<{ sku: string; price: string; title?: string; barcode?: string | null; available?: number | Record<number, number> }> }): ProductRec {
    const at = stamp();
    const product: ProductRec = { id: newId(), title: input.title, variantIds: [], createdAt: at, updatedAt: at };
    products.set(product.id, product);
    for (const v of input.variants) {
      if (variantBySku.has(v.sku)) throw new ShopStateError(`SKU ${v.sku} already exists in the emulated shop.`);
      const item: ItemRec = { id: newId(), variantId: 0, sku: v.sku, tracked: true, createdAt: at, updatedAt: at };
      const variant: VariantRec = { id: newId(), productId: product.id, sku: v.sku, title: v.title ?? 'Default Title', priceMinor: fromDecimal(v.price), barcode: v.barcode ?? null, inventoryItemId: item.id, createdAt: at, updatedAt: at };
      item.variantId = variant.id;
      items.set(item.id, item);
      variants.set(variant.id, variant);
      variantBySku.set(v.sku, variant.id);
      product.variantIds.push(variant.id);
      for (const loc of locations.values()) {
        const l = level(item.id, loc.id)!;
        const start = typeof v.available === 'number' ? (loc.id === defaultLocation().id ? v.available : 0) : (v.available?.[loc.id] ?? 0);
        l.q.available = start;
      }
    }
    return product;
  }

  function variantForSku(sku: string): VariantRec | undefined {
    const id = variantBySku.get(sku);
    return id === undefined ? undefined : variants.get(id);
  }

  function requireOrder(id: number): OrderRec {
    const o = orders.get(id);
    if (!o) throw new ShopStateError(`Order ${id} does not exist in the emulated shop.`);
    return o;
  }

  function touch(order: OrderRec) {
    order.updatedAt = stamp();
  }

  function address(a: Partial<AddressRec> | null | undefined): AddressRec | null {
    if (!a) return null;
    return {
      firstName: a.firstName ?? '', lastName: a.lastName ?? '', company: a.company ?? null, address1: a.address1 ?? '', address2: a.address2 ?? null,
      city: a.city ?? '', province: a.province ?? null, provinceCode: a.provinceCode ?? null, zip: a.zip ?? null,
      country: a.country ?? a.countryCode ?? '', countryCode: a.countryCode ?? 'US', phone: a.phone ?? null,
    };
  }

  /** Stock a line takes at the fulfillment order's location while it waits to ship. */
  function commit(line: LineRec, locationId: number, qty: number) {
    if (line.variantId === null || qty === 0) return;
    const v = variants.get(line.variantId)!;
    const l = level(v.inventoryItemId, locationId)!;
    l.q.available -= qty;
    l.q.committed += qty;
    l.updatedAt = stamp();
  }

  function createOrder(input: NewOrderInput): OrderRec {
    if (!input.lines.length) throw new ShopStateError('An order needs at least one line.');
    const at = input.createdAt ?? stamp();
    const locationId = input.locationId ?? defaultLocation().id;
    const number = nextOrderNumber++;
    const lines: LineRec[] = input.lines.map((l) => {
      const v = variantForSku(l.sku);
      const product = v ? products.get(v.productId) : undefined;
      return {
        id: newId(), variantId: v?.id ?? null, sku: l.sku, title: l.title ?? product?.title ?? l.sku,
        variantTitle: v && v.title !== 'Default Title' ? v.title : null, quantity: l.quantity, currentQuantity: l.quantity,
        priceMinor: l.price !== undefined ? fromDecimal(l.price) : (v?.priceMinor ?? 0), requiresShipping: true,
      };
    });
    const order: OrderRec = {
      id: newId(), number, name: `#${number}`, email: input.email ?? null, phone: input.phone ?? null,
      createdAt: at, updatedAt: at, processedAt: at, cancelledAt: null, cancelReason: null, closedAt: null,
      currency: shop.currency, financialStatus: input.financialStatus ?? 'PAID', lines, shipping: address(input.shippingAddress),
      shippingMinor: input.shippingPrice ? fromDecimal(input.shippingPrice) : 0, taxMinor: input.tax ? fromDecimal(input.tax) : 0,
      note: input.note ?? null, tags: input.tags ?? [], fulfillmentOrderIds: [], fulfillmentIds: [], refundIds: [], transactions: [], metafields: new Map(),
    };
    orders.set(order.id, order);
    // a paid order carries the sale its refunds go back against (a manual method: money taken outside Shopify)
    const gateway = input.gateway ?? 'shopify_payments';
    if (order.financialStatus === 'PAID') {
      order.transactions.push({ id: newId(), kind: 'SALE', status: 'SUCCESS', gateway, manualGateway: gateway !== 'shopify_payments', amountMinor: orderTotal(order), parentId: null, createdAt: at });
    }
    for (const line of lines) lineIndex.set(line.id, { orderId: order.id, line });
    const fo: FORec = { id: newId(), orderId: order.id, locationId, status: 'OPEN', lines: [], createdAt: at, updatedAt: at };
    for (const line of lines.filter((l) => l.requiresShipping)) {
      const foLine = { id: newId(), lineItemId: line.id, totalQuantity: line.quantity, remainingQuantity: line.quantity };
      fo.lines.push(foLine);
      foLineIndex.set(foLine.id, { foId: fo.id, line: foLine });
      commit(line, locationId, line.quantity);
    }
    fulfillmentOrders.set(fo.id, fo);
    order.fulfillmentOrderIds.push(fo.id);
    return order;
  }

  /** the available count of a SKU at a location (default location), as the storefront sees it */
  function availableOf(sku: string, locationId = defaultLocation().id): number {
    const v = variantForSku(sku);
    return v ? quantity(level(v.inventoryItemId, locationId)!, 'available') : 0;
  }

  /**
   * A customer checks out on the storefront. Tracked items use inventoryPolicy DENY (Shopify's default): a line
   * asking for more than is available is refused, as the storefront refuses it, and no order is made (null).
   */
  function checkout(input: NewOrderInput): OrderRec | null {
    const locationId = input.locationId ?? defaultLocation().id;
    if (input.lines.some((l) => variantForSku(l.sku) && availableOf(l.sku, locationId) < l.quantity)) return null;
    return createOrder(input);
  }

  function cancelOrder(id: number, reason = 'CUSTOMER'): OrderRec {
    const order = requireOrder(id);
    if (order.cancelledAt) return order;
    const at = stamp();
    order.cancelledAt = at;
    order.cancelReason = reason;
    order.closedAt = at;
    for (const foId of order.fulfillmentOrderIds) {
      const fo = fulfillmentOrders.get(foId)!;
      for (const fl of fo.lines) {
        const line = lineIndex.get(fl.lineItemId)!.line;
        commit(line, fo.locationId, -fl.remainingQuantity);
        fl.remainingQuantity = 0;
      }
      if (fo.status !== 'CLOSED') fo.status = 'CLOSED';
      fo.updatedAt = at;
    }
    touch(order);
    return order;
  }

  /** An order edit: the line's current quantity becomes `quantity` (a new line if the SKU is not on the order). */
  function editOrderLine(id: number, sku: string, quantity: number): OrderRec {
    const order = requireOrder(id);
    if (order.cancelledAt) throw new ShopStateError(`Order ${order.name} is cancelled and cannot be edited.`);
    const fo = fulfillmentOrders.get(order.fulfillmentOrderIds[0]!)!;
    let line = order.lines.find((l) => l.sku === sku);
    if (!line) {
      const v = variantForSku(sku);
      line = { id: newId(), variantId: v?.id ?? null, sku, title: v ? products.get(v.productId)!.title : sku, variantTitle: null, quantity: 0, currentQuantity: 0, priceMinor: v?.priceMinor ?? 0, requiresShipping: true };
      order.lines.push(line);
      lineIndex.set(line.id, { orderId: order.id, line });
    }
    let foLine = fo.lines.find((l) => l.lineItemId === line.id);
    if (!foLine) {
      foLine = { id: newId(), lineItemId: line.id, totalQuantity: 0, remainingQuantity: 0 };
      fo.lines.push(foLine);
      foLineIndex.set(foLine.id, { foId: fo.id, line: foLine });
    }
    const delta = quantity - line.currentQuantity;
    if (foLine.remainingQuantity + delta < 0) throw new ShopStateError(`Only ${foLine.remainingQuantity} of ${sku} is unfulfilled; it cannot go down by ${-delta}.`);
    line.currentQuantity = quantity;
    if (line.quantity < quantity) line.quantity = quantity;
    foLine.totalQuantity += delta;
    foLine.remainingQuantity += delta;
    commit(line, fo.locationId, delta);
    if (fo.status === 'CLOSED' && fo.lines.some((l) => l.remainingQuantity > 0)) fo.status = 'IN_PROGRESS';
    fo.updatedAt = stamp();
    touch(order);
    return order;
  }

  function readdressOrder(id: number, a: Partial<AddressRec>): OrderRec {
    const order = requireOrder(id);
    order.shipping = address({ ...order.shipping, ...a });
    touch(order);
    return order;
  }

  function touchOrder(id: number, patch: { note?: string | null; tags?: string[] } = {}): OrderRec {
    const order = requireOrder(id);
    if (patch.note !== undefined) order.note = patch.note;
    if (patch.tags) order.tags = patch.tags;
    touch(order);
    return order;
  }

  function fulfillmentStatus(order: OrderRec): string {
    const fos = order.fulfillmentOrderIds.map((id) => fulfillmentOrders.get(id)!);
    const total = fos.reduce((s, fo) => s + fo.lines.reduce((a, l) => a + l.totalQuantity, 0), 0);
    const remaining = fos.reduce((s, fo) => s + fo.lines.reduce((a, l) => a + l.remainingQuantity, 0), 0);
    const shipped = order.fulfillmentIds.map((id) => fulfillments.get(id)!).filter((f) => f.status === 'SUCCESS').reduce((s, f) => s + f.lines.reduce((a, l) => a + l.quantity, 0), 0);
    if (fos.some((fo) => fo.status === 'ON_HOLD')) return 'ON_HOLD';
    if (total > 0 && remaining === 0 && shipped > 0) return 'FULFILLED';
    if (shipped > 0) return 'PARTIALLY_FULFILLED';
    return 'UNFULFILLED';
  }

  function setQuantity(itemId: number, locationId: number, name: 'available' | 'on_hand', value: number): { before: number; after: number } {
    const l = level(itemId, locationId)!;
    const before = quantity(l, name);
    l.q.available += value - before;
    l.updatedAt = stamp();
    return { before, after: value };
  }

  function adjustQuantity(itemId: number, locationId: number, name: string, delta: number): number {
    const l = level(itemId, locationId)!;
    if (name === 'on_hand' || name === 'available') l.q.available += delta;
    else l.q[name as QuantityName] += delta;
    l.updatedAt = stamp();
    return quantity(l, name);
  }

  function record(mutation: string, idempotencyKey: string | null, variables: unknown, result: Record<string, unknown>) {
    applied.push({ seq: applied.length + 1, mutation, idempotencyKey, at: stamp(), variables, result });
  }

  function createFulfillment(input: { orderId: number; lines: Array<{ foLineId: number; quantity: number }>; tracking: TrackingRec[]; notifyCustomer: boolean; fulfillmentOrderIds: number[] }): FulfillmentRec {
    const order = requireOrder(input.orderId);
    const at = stamp();
    const no = (nextFulfillmentNo.get(order.id) ?? 0) + 1;
    nextFulfillmentNo.set(order.id, no);
    const firstFo = fulfillmentOrders.get(input.fulfillmentOrderIds[0]!)!;
    const f: FulfillmentRec = {
      id: newId(), orderId: order.id, name: `${order.name}-F${no}`, status: 'SUCCESS', createdAt: at, updatedAt: at,
      tracking: input.tracking.map((t) => ({ ...t, url: t.url ?? (t.company && t.number && TRACKING_URLS[t.company] ? TRACKING_URLS[t.company]!(t.number) : null) })),
      lines: [], locationId: firstFo.locationId, notifyCustomer: input.notifyCustomer, fulfillmentOrderIds: input.fulfillmentOrderIds,
    };
    for (const { foLineId, quantity: qty } of input.lines) {
      const { foId, line: foLine } = foLineIndex.get(foLineId)!;
      const fo = fulfillmentOrders.get(foId)!;
      foLine.remainingQuantity -= qty;
      const line = lineIndex.get(foLine.lineItemId)!.line;
      if (line.variantId !== null) {
        const l = level(variants.get(line.variantId)!.inventoryItemId, fo.locationId)!;
        l.q.committed -= qty;
        l.updatedAt = at;
      }
      f.lines.push({ id: newId(), lineItemId: foLine.lineItemId, quantity: qty });
    }
    for (const foId of input.fulfillmentOrderIds) {
      const fo = fulfillmentOrders.get(foId)!;
      fo.status = fo.lines.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
      fo.updatedAt = at;
    }
    fulfillments.set(f.id, f);
    order.fulfillmentIds.push(f.id);
    if (input.notifyCustomer && order.email) emails.push({ orderId: order.id, kind: 'shipping_confirmation', subjectId: f.id, at });
    touch(order);
    return f;
  }

  /** fulfillmentTrackingInfoUpdate: the tracking replaced; Shopify sends a shipping-update e-mail when asked */
  function updateTracking(fulfillmentId: number, tracking: TrackingRec[], notify: boolean): FulfillmentRec {
    const f = fulfillments.get(fulfillmentId);
    if (!f) throw new ShopStateError('Fulfillment does not exist.');
    if (f.status !== 'SUCCESS') throw new ShopStateError('Cannot update tracking info on a cancelled fulfillment.');
    const at = stamp();
    f.tracking = tracking.map((t) => ({ ...t, url: t.url ?? (t.company && t.number && TRACKING_URLS[t.company] ? TRACKING_URLS[t.company]!(t.number) : null) }));
    f.updatedAt = at;
    const order = requireOrder(f.orderId);
    if (notify && order.email) emails.push({ orderId: order.id, kind: 'shipping_update', subjectId: f.id, at });
    touch(order);
    return f;
  }

  function createRefund(input: {
    orderId: number; note: string | null; notify: boolean; amountMinor: number; lines: Array<{ lineItemId: number; quantity: number; restockType: string; locationId: number | null }>;
    transactions?: Array<{ amountMinor: number; gateway: string; parentId: number | null }>;
  }): RefundRec {
    const order = requireOrder(input.orderId);
    const at = stamp();
    for (const t of input.transactions ?? []) {
      const parent = order.transactions.find((x) => x.id === t.parentId);
      order.transactions.push({ id: newId(), kind: 'REFUND', status: 'SUCCESS', gateway: t.gateway, manualGateway: parent ? parent.manualGateway : true, amountMinor: t.amountMinor, parentId: t.parentId, createdAt: at });
    }
    const r: RefundRec = { id: newId(), orderId: order.id, createdAt: at, note: input.note, amountMinor: input.amountMinor, lines: [] };
    for (const l of input.lines) {
      r.lines.push({ id: newId(), ...l });
      const line = lineIndex.get(l.lineItemId)!.line;
      if (l.restockType === 'RETURN' || l.restockType === 'LEGACY_RESTOCK') {
        if (line.variantId !== null) adjustQuantity(variants.get(line.variantId)!.inventoryItemId, l.locationId ?? defaultLocation().id, 'available', l.quantity);
      }
    }
    refunds.set(r.id, r);
    order.refundIds.push(r.id);
    const refunded = order.refundIds.reduce((s, id) => s + refunds.get(id)!.amountMinor, 0);
    order.financialStatus = refunded >= orderTotal(order) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    if (input.notify && order.email) emails.push({ orderId: order.id, kind: 'refund', subjectId: r.id, at });
    touch(order);
    return r;
  }

  function orderSubtotal(o: OrderRec): number {
    return o.lines.reduce((s, l) => s + l.priceMinor * l.currentQuantity, 0);
  }
  function orderTotal(o: OrderRec): number {
    return orderSubtotal(o) + o.shippingMinor + o.taxMinor;
  }

  return {
    shop, accessScopes, now, stamp, newId,
    locations, products, variants, items, levels, orders, lineIndex, fulfillmentOrders, foLineIndex, fulfillments, refunds, adjustmentGroups,
    applied, emails,
    level, quantity, onHand, addLocation, defaultLocation, addProduct, variantForSku,
    createOrder, checkout, availableOf, cancelOrder, editOrderLine, readdressOrder, touchOrder, fulfillmentStatus, orderSubtotal, orderTotal,
    setQuantity, adjustQuantity, createFulfillment, updateTracking, createRefund, record, requireOrder,
  };
}

export type ShopState = ReturnType<typeof createShopState>;
