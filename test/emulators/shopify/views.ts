// The shop's records as graphql-js source objects: each view carries its __typename (so interfaces
// such as Node resolve) and its fields as values or as functions of the field's arguments, which the
// executor's field resolver calls. A field no view names is answered with an error that says the
// emulator does not model it, never with a made-up value.

import { paginate, type PageArgs, type Sortable } from './connection';
import { applySearch, type SearchWarning } from './search-syntax';
import { QUANTITY_NAMES, type AddressRec, type FORec, type FulfillmentRec, type ItemRec, type LevelRec, type LineRec, type LocationRec, type OrderRec, type ProductRec, type RefundRec, type ShopState, type TransactionRec, type VariantRec, type AdjustmentGroupRec, type MetafieldRec } from './shop-state';

export type ViewContext = { state: ShopState; bulk: boolean; searchWarnings: SearchWarning[]; bulkOps: Map<number, BulkOperationRec> };

export type BulkOperationRec = {
  id: number; status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED' | 'EXPIRED'; errorCode: string | null; query: string;
  createdAt: string; completedAt: string | null; objectCount: number; rootObjectCount: number; fileSize: number | null; url: string | null;
};

export class ViewError extends Error {}

export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;

export function parseGid(value: unknown, type?: string): { type: string; id: number; params: URLSearchParams } | null {
  if (typeof value !== 'string') return null;
  const m = /^gid:\/\/shopify\/(\w+)\/(\d+)(?:\?(.*))?$/.exec(value);
  if (!m || (type && m[1] !== type)) return null;
  return { type: m[1]!, id: Number(m[2]), params: new URLSearchParams(m[3] ?? '') };
}

/** Shopify writes amounts with at least one decimal and no trailing zeros beyond it: 10.0, 12.5, 12.99. */
export function shopifyDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const cents = abs % 100;
  const frac = cents === 0 ? '0' : cents % 10 === 0 ? String(cents / 10) : String(cents).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${frac}`;
}

const money = (minor: number, currency: string) => ({ __typename: 'MoneyV2', amount: shopifyDecimal(minor), currencyCode: currency });
const moneyBag = (minor: number, currency: string) => ({ __typename: 'MoneyBag', shopMoney: money(minor, currency), presentmentMoney: money(minor, currency) });
const count = (n: number) => ({ __typename: 'Count', count: n, precision: 'EXACT' });

function byId<T>(items: T[], id: (t: T) => number): Array<Sortable<T>> {
  return items.map((item) => ({ item, id: id(item), value: id(item) }));
}

function page<T>(ctx: ViewContext, rows: Array<Sortable<T>>, args: PageArgs) {
  return paginate(rows, args, { unbounded: ctx.bulk });
}

function firstN<T>(list: T[], args: { first?: number | null }): T[] {
  return typeof args.first === 'number' ? list.slice(0, args.first) : list;
}

export function addressView(a: AddressRec | null, id: number) {
  if (!a) return null;
  return {
    __typename: 'MailingAddress', id: gid('MailingAddress', `${id}?model_name=Address`), firstName: a.firstName, lastName: a.lastName,
    name: [a.firstName, a.lastName].filter(Boolean).join(' '), company: a.company, address1: a.address1, address2: a.address2,
    city: a.city, province: a.province, provinceCode: a.provinceCode, zip: a.zip, country: a.country, countryCodeV2: a.countryCode,
    phone: a.phone, latitude: null, longitude: null, timeZone: null, coordinatesValidated: false, validationResultSummary: null,
    formattedArea: [a.city, a.provinceCode, a.country].filter(Boolean).join(', '),
    formatted: () => [a.address1, a.address2, [a.zip, a.city].filter(Boolean).join(' '), a.country].filter(Boolean),
  };
}

export function orderView(ctx: ViewContext, o: OrderRec) {
  const s = ctx.state;
  const subtotal = s.orderSubtotal(o);
  const total = s.orderTotal(o);
  const refunded = o.refundIds.reduce((sum, id) => sum + s.refunds.get(id)!.amountMinor, 0);
  return {
    __typename: 'Order', id: gid('Order', o.id), legacyResourceId: String(o.id), name: o.name, number: o.number - 1000,
    email: o.email, phone: o.phone, createdAt: o.createdAt, updatedAt: o.updatedAt, processedAt: o.processedAt,
    cancelledAt: o.cancelledAt, cancelReason: o.cancelReason, closed: o.closedAt !== null, closedAt: o.closedAt,
    confirmed: true, test: false, note: o.note, tags: o.tags, currencyCode: o.currency, presentmentCurrencyCode: o.currency,
    displayFinancialStatus: o.financialStatus, displayFulfillmentStatus: () => s.fulfillmentStatus(o),
    requiresShipping: o.lines.some((l) => l.requiresShipping), fulfillable: () => s.fulfillmentStatus(o) !== 'FULFILLED' && !o.cancelledAt,
    shippingAddress: addressView(o.shipping, o.id), billingAddress: addressView(o.shipping, o.id), displayAddress: addressView(o.shipping, o.id),
    subtotalLineItemsQuantity: o.lines.reduce((n, l) => n + l.quantity, 0),
    currentSubtotalLineItemsQuantity: o.lines.reduce((n, l) => n + l.currentQuantity, 0),
    subtotalPriceSet: moneyBag(subtotal, o.currency), currentSubtotalPriceSet: moneyBag(subtotal, o.currency),
    totalPriceSet: moneyBag(total, o.currency), currentTotalPriceSet: moneyBag(total, o.currency), originalTotalPriceSet: moneyBag(total, o.currency),
    totalShippingPriceSet: moneyBag(o.shippingMinor, o.currency), currentShippingPriceSet: moneyBag(o.shippingMinor, o.currency),
    totalTaxSet: moneyBag(o.taxMinor, o.currency), currentTotalTaxSet: moneyBag(o.taxMinor, o.currency),
    totalRefundedSet: moneyBag(refunded, o.currency), totalDiscountsSet: moneyBag(0, o.currency), currentTotalDiscountsSet: moneyBag(0, o.currency),
    lineItems: (args: PageArgs) => page(ctx, byId(o.lines, (l) => l.id).map((r) => ({ ...r, item: lineView(ctx, r.item) })), args),
    fulfillmentOrders: (args: PageArgs) => page(ctx, byId(o.fulfillmentOrderIds.map((id) => s.fulfillmentOrders.get(id)!), (f) => f.id).map((r) => ({ ...r, item: fulfillmentOrderView(ctx, r.item) })), args),
    fulfillments: (args: { first?: number | null }) => firstN(o.fulfillmentIds, args).map((id) => fulfillmentView(ctx, s.fulfillments.get(id)!)),
    fulfillmentsCount: () => count(o.fulfillmentIds.length),
    refunds: (args: { first?: number | null }) => firstN(o.refundIds, args).map((id) => refundView(ctx, s.refunds.get(id)!)),
    transactions: (args: { first?: number | null }) => firstN(o.transactions.map((t) => t.id), args).map((id) => transactionView(ctx, o, o.transactions.find((t) => t.id === id)!)),
    metafield: (args: { namespace?: string | null; key: string }) => {
      const m = o.metafields.get(`${args.namespace ?? '$app'}.${args.key}`);
      return m ? metafieldView(ctx, m, o) : null;
    },
  };
}

export function transactionView(ctx: ViewContext, o: OrderRec, t: TransactionRec): Record<string, unknown> {
  const refunded = o.transactions.filter((x) => x.parentId === t.id).reduce((n, x) => n + x.amountMinor, 0);
  const parent = t.parentId !== null ? o.transactions.find((x) => x.id === t.parentId) : undefined;
  return {
    __typename: 'OrderTransaction', id: gid('OrderTransaction', t.id), kind: t.kind, status: t.status, gateway: t.gateway, formattedGateway: t.gateway,
    manualPaymentGateway: t.manualGateway, test: false, createdAt: t.createdAt, processedAt: t.createdAt, fees: [],
    amount: (t.amountMinor / 100).toFixed(2), amountSet: moneyBag(t.amountMinor, o.currency),
    maximumRefundable: t.kind === 'SALE' ? ((t.amountMinor - refunded) / 100).toFixed(2) : null,
    manuallyCapturable: false, multiCapturable: false, order: () => orderView(ctx, o), parentTransaction: parent ? () => transactionView(ctx, o, parent) : null,
  };
}

export function metafieldView(ctx: ViewContext, m: MetafieldRec, owner: OrderRec) {
  return {
    __typename: 'Metafield', id: gid('Metafield', m.id), namespace: m.namespace, key: m.key, type: m.type, value: m.value,
    jsonValue: () => { try { return JSON.parse(m.value) as unknown; } catch { return m.value; } },
    createdAt: m.createdAt, updatedAt: m.updatedAt, ownerType: 'ORDER', sizeInBytes: Buffer.byteLength(m.value), owner: () => orderView(ctx, owner),
  };
}

export function lineView(ctx: ViewContext, l: LineRec) {
  const s = ctx.state;
  const orderId = s.lineIndex.get(l.id)!.orderId;
  const currency = s.orders.get(orderId)!.currency;
  const unfulfilled = () => {
    const o = s.orders.get(orderId)!;
    return o.fulfillmentOrderIds.reduce((n, id) => n + (s.fulfillmentOrders.get(id)!.lines.find((fl) => fl.lineItemId === l.id)?.remainingQuantity ?? 0), 0);
  };
  const variant = l.variantId !== null ? s.variants.get(l.variantId) : undefined;
  return {
    __typename: 'LineItem', id: gid('LineItem', l.id), sku: l.sku, title: l.title, name: l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title,
    variantTitle: l.variantTitle, vendor: null, quantity: l.quantity, currentQuantity: l.currentQuantity, unfulfilledQuantity: unfulfilled,
    nonFulfillableQuantity: 0, refundableQuantity: l.currentQuantity, requiresShipping: l.requiresShipping, taxable: true, isGiftCard: false,
    restockable: true, merchantEditable: true,
    originalUnitPriceSet: moneyBag(l.priceMinor, currency), discountedUnitPriceSet: moneyBag(l.priceMinor, currency),
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(l.priceMinor, currency),
    originalTotalSet: moneyBag(l.priceMinor * l.quantity, currency), discountedTotalSet: () => moneyBag(l.priceMinor * l.currentQuantity, currency),
    totalDiscountSet: moneyBag(0, currency),
    variant: variant ? () => variantView(ctx, variant) : null,
    product: variant ? () => productView(ctx, s.products.get(variant.productId)!) : null,
  };
}

export function fulfillmentOrderView(ctx: ViewContext, fo: FORec) {
  const s = ctx.state;
  const order = s.orders.get(fo.orderId)!;
  const loc = s.locations.get(fo.locationId)!;
  return {
    __typename: 'FulfillmentOrder', id: gid('FulfillmentOrder', fo.id), status: fo.status, requestStatus: 'UNSUBMITTED',
    createdAt: fo.createdAt, updatedAt: fo.updatedAt, orderId: gid('Order', order.id), orderName: order.name, orderProcessedAt: order.processedAt,
    fulfillAt: null, fulfillBy: null, fulfillmentHolds: [],
    order: () => orderView(ctx, order),
    assignedLocation: { __typename: 'FulfillmentOrderAssignedLocation', name: loc.name, countryCode: 'DE', address1: null, address2: null, city: null, phone: null, province: null, zip: null, location: () => locationView(ctx, loc) },
    supportedActions: fo.status === 'OPEN' || fo.status === 'IN_PROGRESS' ? [{ __typename: 'FulfillmentOrderSupportedAction', action: 'CREATE_FULFILLMENT', externalUrl: null }] : [],
    lineItems: (args: PageArgs) => page(ctx, byId(fo.lines, (l) => l.id).map((r) => ({ ...r, item: foLineView(ctx, r.item, fo) })), args),
    fulfillments: (args: PageArgs) => page(ctx, byId(order.fulfillmentIds.map((id) => s.fulfillments.get(id)!).filter((f) => f.fulfillmentOrderIds.includes(fo.id)), (f) => f.id).map((r) => ({ ...r, item: fulfillmentView(ctx, r.item) })), args),
  };
}

function foLineView(ctx: ViewContext, fl: FORec['lines'][number], _fo: FORec) {
  const s = ctx.state;
  const line = s.lineIndex.get(fl.lineItemId)!.line;
  const variant = line.variantId !== null ? s.variants.get(line.variantId) : undefined;
  return {
    __typename: 'FulfillmentOrderLineItem', id: gid('FulfillmentOrderLineItem', fl.id), totalQuantity: fl.totalQuantity,
    remainingQuantity: fl.remainingQuantity, sku: line.sku, productTitle: line.title, variantTitle: line.variantTitle, vendor: null,
    requiresShipping: line.requiresShipping, warnings: [], inventoryItemId: variant ? gid('InventoryItem', variant.inventoryItemId) : null,
    lineItem: () => lineView(ctx, line), variant: variant ? () => variantView(ctx, variant) : null,
  };
}

export function fulfillmentView(ctx: ViewContext, f: FulfillmentRec) {
  const s = ctx.state;
  const order = s.orders.get(f.orderId)!;
  return {
    __typename: 'Fulfillment', id: gid('Fulfillment', f.id), legacyResourceId: String(f.id), name: f.name, status: f.status,
    displayStatus: f.status === 'SUCCESS' ? 'FULFILLED' : 'CANCELED', createdAt: f.createdAt, updatedAt: f.updatedAt,
    deliveredAt: null, inTransitAt: null, estimatedDeliveryAt: null, requiresShipping: true,
    totalQuantity: f.lines.reduce((n, l) => n + l.quantity, 0),
    trackingInfo: (args: { first?: number | null }) => firstN(f.tracking, args).map((t) => ({ __typename: 'FulfillmentTrackingInfo', ...t })),
    order: () => orderView(ctx, order), location: () => locationView(ctx, s.locations.get(f.locationId)!),
    fulfillmentLineItems: (args: PageArgs) => page(ctx, byId(f.lines, (l) => l.id).map((r) => ({
      ...r, item: { __typename: 'FulfillmentLineItem', id: gid('FulfillmentLineItem', r.item.id), quantity: r.item.quantity, lineItem: () => lineView(ctx, s.lineIndex.get(r.item.lineItemId)!.line), originalTotalSet: () => moneyBag(s.lineIndex.get(r.item.lineItemId)!.line.priceMinor * r.item.quantity, order.currency), discountedTotalSet: () => moneyBag(s.lineIndex.get(r.item.lineItemId)!.line.priceMinor * r.item.quantity, order.currency) },
    })), args),
    fulfillmentOrders: (args: PageArgs) => page(ctx, byId(f.fulfillmentOrderIds.map((id) => s.fulfillmentOrders.get(id)!), (fo) => fo.id).map((r) => ({ ...r, item: fulfillmentOrderView(ctx, r.item) })), args),
  };
}

export function refundView(ctx: ViewContext, r: RefundRec) {
  const s = ctx.state;
  const order = s.orders.get(r.orderId)!;
  const empty = (args: PageArgs) => page(ctx, [], args);
  return {
    __typename: 'Refund', id: gid('Refund', r.id), legacyResourceId: String(r.id), createdAt: r.createdAt, processedAt: r.createdAt, updatedAt: r.createdAt,
    note: r.note, order: () => orderView(ctx, order), totalRefundedSet: moneyBag(r.amountMinor, order.currency), return: null, duties: [], staffMember: null,
    refundLineItems: (args: PageArgs) => page(ctx, byId(r.lines, (l) => l.id).map((row) => ({
      ...row, item: {
        __typename: 'RefundLineItem', id: gid('RefundLineItem', row.item.id), quantity: row.item.quantity, restockType: row.item.restockType,
        restocked: row.item.restockType === 'RETURN' || row.item.restockType === 'LEGACY_RESTOCK', lineItem: () => lineView(ctx, s.lineIndex.get(row.item.lineItemId)!.line),
        location: row.item.locationId ? () => locationView(ctx, s.locations.get(row.item.locationId!)!) : null,
        priceSet: () => moneyBag(s.lineIndex.get(row.item.lineItemId)!.line.priceMinor, order.currency),
        subtotalSet: () => moneyBag(s.lineIndex.get(row.item.lineItemId)!.line.priceMinor * row.item.quantity, order.currency), totalTaxSet: moneyBag(0, order.currency),
      },
    })), args),
    transactions: empty, refundShippingLines: empty, orderAdjustments: empty,
  };
}

export function locationView(ctx: ViewContext, loc: LocationRec) {
  const s = ctx.state;
  return {
    __typename: 'Location', id: gid('Location', loc.id), legacyResourceId: String(loc.id), name: loc.name, isActive: loc.active, activatable: !loc.active,
    deactivatable: loc.active, deletable: false, deactivatedAt: null, createdAt: loc.createdAt, updatedAt: loc.createdAt,
    fulfillsOnlineOrders: true, shipsInventory: true, isFulfillmentService: false, hasActiveInventory: true, hasUnfulfilledOrders: false, addressVerified: true,
    address: { __typename: 'LocationAddress', address1: null, address2: null, city: null, country: null, countryCode: null, formatted: [], latitude: null, longitude: null, phone: null, province: null, provinceCode: null, zip: null },
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const item = parseGid(args.inventoryItemId, 'InventoryItem');
      const level = item && s.items.has(item.id) ? s.level(item.id, loc.id, false) : undefined;
      return level ? levelView(ctx, level) : null;
    },
    inventoryLevels: (args: PageArgs & { query?: string | null }) => page(ctx, byId([...s.levels.values()].filter((l) => l.locationId === loc.id), (l) => l.itemId).map((r) => ({ ...r, item: levelView(ctx, r.item) })), args),
  };
}

export function levelView(ctx: ViewContext, l: LevelRec) {
  const s = ctx.state;
  return {
    __typename: 'InventoryLevel', id: gid('InventoryLevel', `${l.locationId}?inventory_item_id=${l.itemId}`), isActive: true, canDeactivate: true,
    deactivationAlert: null, createdAt: l.createdAt, updatedAt: l.updatedAt,
    item: () => itemView(ctx, s.items.get(l.itemId)!), location: () => locationView(ctx, s.locations.get(l.locationId)!),
    quantities: (args: { names: string[] }) => args.names.map((name) => {
      if (!(QUANTITY_NAMES as readonly string[]).includes(name)) throw new ViewError(`${name} is not a valid quantity name. Use one of: ${QUANTITY_NAMES.join(', ')}.`);
      return { __typename: 'InventoryQuantity', id: gid('InventoryQuantity', `${l.locationId}?inventory_item_id=${l.itemId}&name=${name}`), name, quantity: s.quantity(l, name), updatedAt: l.updatedAt };
    }),
  };
}

export function itemView(ctx: ViewContext, item: ItemRec) {
  const s = ctx.state;
  const variant = s.variants.get(item.variantId)!;
  return {
    __typename: 'InventoryItem', id: gid('InventoryItem', item.id), legacyResourceId: String(item.id), sku: item.sku, tracked: item.tracked,
    requiresShipping: true, createdAt: item.createdAt, updatedAt: item.updatedAt, duplicateSkuCount: 0, harmonizedSystemCode: null,
    countryCodeOfOrigin: null, provinceCodeOfOrigin: null, unitCost: null, inventoryHistoryUrl: null,
    locationsCount: () => count(s.locations.size),
    variant: () => variantView(ctx, variant),
    variants: (args: PageArgs) => page(ctx, [{ item: variantView(ctx, variant), id: variant.id, value: variant.id }], args),
    inventoryLevel: (args: { locationId: string }) => {
      const loc = parseGid(args.locationId, 'Location');
      const level = loc && s.locations.has(loc.id) ? s.level(item.id, loc.id, false) : undefined;
      return level ? levelView(ctx, level) : null;
    },
    inventoryLevels: (args: PageArgs) => page(ctx, byId([...s.locations.values()].map((loc) => s.level(item.id, loc.id)!), (l) => l.locationId).map((r) => ({ ...r, item: levelView(ctx, r.item) })), args),
  };
}

export function variantView(ctx: ViewContext, v: VariantRec) {
  const s = ctx.state;
  const product = s.products.get(v.productId)!;
  return {
    __typename: 'ProductVariant', id: gid('ProductVariant', v.id), legacyResourceId: String(v.id), sku: v.sku, title: v.title, barcode: v.barcode,
    displayName: `${product.title} - ${v.title}`, price: shopifyDecimal(v.priceMinor), compareAtPrice: null, position: product.variantIds.indexOf(v.id) + 1,
    availableForSale: true, inventoryPolicy: 'DENY', taxable: true, createdAt: v.createdAt, updatedAt: v.updatedAt, selectedOptions: [],
    inventoryQuantity: () => [...s.locations.values()].reduce((n, loc) => n + (s.level(v.inventoryItemId, loc.id, false)?.q.available ?? 0), 0),
    inventoryItem: () => itemView(ctx, s.items.get(v.inventoryItemId)!), product: () => productView(ctx, product),
  };
}

export function productView(ctx: ViewContext, p: ProductRec) {
  const s = ctx.state;
  return {
    __typename: 'Product', id: gid('Product', p.id), legacyResourceId: String(p.id), title: p.title, handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    status: 'ACTIVE', vendor: 'Packbench', productType: '', tags: [], createdAt: p.createdAt, updatedAt: p.updatedAt, hasOnlyDefaultVariant: p.variantIds.length === 1,
    tracksInventory: true, isGiftCard: false, description: () => '', descriptionHtml: '',
    totalInventory: () => p.variantIds.reduce((n, id) => n + [...s.locations.values()].reduce((m, loc) => m + (s.level(s.variants.get(id)!.inventoryItemId, loc.id, false)?.q.available ?? 0), 0), 0),
    variants: (args: PageArgs) => page(ctx, byId(p.variantIds.map((id) => s.variants.get(id)!), (v) => v.id).map((r) => ({ ...r, item: variantView(ctx, r.item) })), args),
    variantsCount: () => count(p.variantIds.length),
  };
}

export function adjustmentGroupView(ctx: ViewContext, g: AdjustmentGroupRec) {
  const s = ctx.state;
  return {
    __typename: 'InventoryAdjustmentGroup', id: gid('InventoryAdjustmentGroup', g.id), createdAt: g.createdAt, reason: g.reason,
    referenceDocumentUri: g.referenceDocumentUri, app: null, staffMember: null,
    changes: (args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) => g.changes
      .filter((c) => !args.inventoryItemIds || args.inventoryItemIds.includes(gid('InventoryItem', c.itemId)))
      .filter((c) => !args.locationIds || args.locationIds.includes(gid('Location', c.locationId)))
      .filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
      .map((c) => ({
        __typename: 'InventoryChange', name: c.name, delta: c.delta, quantityAfterChange: c.quantityAfterChange, ledgerDocumentUri: c.ledgerDocumentUri,
        item: () => itemView(ctx, s.items.get(c.itemId)!), location: () => locationView(ctx, s.locations.get(c.locationId)!),
      })),
  };
}

export function bulkOperationView(op: BulkOperationRec) {
  return {
    __typename: 'BulkOperation', id: gid('BulkOperation', op.id), status: op.status, errorCode: op.errorCode, query: op.query, type: 'QUERY',
    createdAt: op.createdAt, completedAt: op.completedAt, objectCount: String(op.objectCount), rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize), url: op.url, partialDataUrl: null,
  };
}

export function shopView(ctx: ViewContext) {
  const shop = ctx.state.shop;
  return {
    __typename: 'Shop', id: gid('Shop', shop.id), name: shop.name, myshopifyDomain: shop.domain, url: `https://${shop.domain}`, currencyCode: shop.currency,
    email: `owner@${shop.domain}`, contactEmail: `owner@${shop.domain}`, ianaTimezone: 'Etc/UTC', timezoneAbbreviation: 'UTC', timezoneOffset: '+0000',
    timezoneOffsetMinutes: 0, createdAt: shop.createdAt, updatedAt: shop.createdAt, taxesIncluded: false, taxShipping: false, enabledPresentmentCurrencies: [shop.currency],
  };
}

const ORDER_SORT: Record<string, (o: OrderRec) => string | number> = {
  UPDATED_AT: (o) => o.updatedAt, CREATED_AT: (o) => o.createdAt, PROCESSED_AT: (o) => o.processedAt, ID: (o) => o.id, ORDER_NUMBER: (o) => o.number,
};

function orderStatusWord(o: OrderRec): string {
  if (o.cancelledAt) return 'cancelled';
  return o.closedAt ? 'closed' : 'open';
}

/** The orders a search names; the emulated app holds read_all_orders, so the 60-day window of real stores does not apply. */
function searchOrders(ctx: ViewContext, query: string | null | undefined): OrderRec[] {
  const s = ctx.state;
  return applySearch([...s.orders.values()], query, {
    updated_at: (o) => o.updatedAt, created_at: (o) => o.createdAt, processed_at: (o) => o.processedAt, id: (o) => o.id, name: (o) => o.name,
    status: orderStatusWord, financial_status: (o) => o.financialStatus.toLowerCase(), email: (o) => o.email,
    fulfillment_status: (o) => ({ FULFILLED: 'shipped', PARTIALLY_FULFILLED: 'partial', UNFULFILLED: 'unshipped', ON_HOLD: 'on_hold' } as Record<string, string>)[s.fulfillmentStatus(o)] ?? 'unshipped',
    sku: (o) => o.lines.map((l) => l.sku).join(' '), tag: (o) => o.tags.join(' '),
  }, ctx.searchWarnings);
}

export function ordersConnection(ctx: ViewContext, args: PageArgs & { query?: string | null; sortKey?: string | null }) {
  const sortKey = args.sortKey ?? 'PROCESSED_AT';
  const sortBy = ORDER_SORT[sortKey];
  if (!sortBy) throw new ViewError(`The Shopify emulator does not model sortKey ${sortKey} on orders; use UPDATED_AT, CREATED_AT, PROCESSED_AT, ID or ORDER_NUMBER.`);
  const rows = searchOrders(ctx, args.query);
  return page(ctx, rows.map((o) => ({ item: orderView(ctx, o), id: o.id, value: sortBy(o) })), args);
}

export function variantsConnection(ctx: ViewContext, args: PageArgs & { query?: string | null }) {
  const s = ctx.state;
  const rows = applySearch([...s.variants.values()], args.query, {
    sku: (v) => v.sku, barcode: (v) => v.barcode, id: (v) => v.id, product_id: (v) => v.productId, updated_at: (v) => v.updatedAt, title: (v) => v.title,
  }, ctx.searchWarnings);
  return page(ctx, byId(rows, (v) => v.id).map((r) => ({ ...r, item: variantView(ctx, r.item) })), args);
}

export function inventoryItemsConnection(ctx: ViewContext, args: PageArgs & { query?: string | null }) {
  const s = ctx.state;
  const rows = applySearch([...s.items.values()], args.query, { sku: (i) => i.sku, id: (i) => i.id, updated_at: (i) => i.updatedAt }, ctx.searchWarnings);
  return page(ctx, byId(rows, (i) => i.id).map((r) => ({ ...r, item: itemView(ctx, r.item) })), args);
}

export function productsConnection(ctx: ViewContext, args: PageArgs & { query?: string | null }) {
  const s = ctx.state;
  const rows = applySearch([...s.products.values()], args.query, { id: (p) => p.id, title: (p) => p.title, updated_at: (p) => p.updatedAt, sku: (p) => p.variantIds.map((id) => s.variants.get(id)!.sku).join(' ') }, ctx.searchWarnings);
  return page(ctx, byId(rows, (p) => p.id).map((r) => ({ ...r, item: productView(ctx, r.item) })), args);
}

export function locationsConnection(ctx: ViewContext, args: PageArgs & { includeInactive?: boolean | null }) {
  const rows = [...ctx.state.locations.values()].filter((l) => l.active || args.includeInactive);
  return page(ctx, rows.map((l) => ({ item: locationView(ctx, l), id: l.id, value: l.name })), args);
}

/** Any object by its global id, for node(id:) and nodes(ids:). */
export function nodeById(ctx: ViewContext, id: unknown): unknown {
  const s = ctx.state;
  const g = parseGid(id);
  if (!g) return null;
  switch (g.type) {
    case 'Order': { const o = s.orders.get(g.id); return o ? orderView(ctx, o) : null; }
    case 'LineItem': { const l = s.lineIndex.get(g.id); return l ? lineView(ctx, l.line) : null; }
    case 'FulfillmentOrder': { const fo = s.fulfillmentOrders.get(g.id); return fo ? fulfillmentOrderView(ctx, fo) : null; }
    case 'Fulfillment': { const f = s.fulfillments.get(g.id); return f ? fulfillmentView(ctx, f) : null; }
    case 'Refund': { const r = s.refunds.get(g.id); return r ? refundView(ctx, r) : null; }
    case 'Location': { const l = s.locations.get(g.id); return l ? locationView(ctx, l) : null; }
    case 'Product': { const p = s.products.get(g.id); return p ? productView(ctx, p) : null; }
    case 'ProductVariant': { const v = s.variants.get(g.id); return v ? variantView(ctx, v) : null; }
    case 'InventoryItem': { const i = s.items.get(g.id); return i ? itemView(ctx, i) : null; }
    case 'InventoryLevel': {
      const itemId = Number(g.params.get('inventory_item_id'));
      const l = s.level(itemId, g.id, false);
      return l ? levelView(ctx, l) : null;
    }
    case 'InventoryAdjustmentGroup': { const a = s.adjustmentGroups.get(g.id); return a ? adjustmentGroupView(ctx, a) : null; }
    case 'BulkOperation': { const b = ctx.bulkOps.get(g.id); return b ? bulkOperationView(b) : null; }
    default: return null;
  }
}

/** The query root: the fields the emulator answers; anything else is refused as not modelled. */
export function queryRoot(ctx: ViewContext) {
  const one = (type: string) => (args: { id: string }) => {
    const g = parseGid(args.id, type);
    return g ? nodeById(ctx, args.id) : null;
  };
  return {
    shop: () => shopView(ctx),
    orders: (args: PageArgs & { query?: string | null; sortKey?: string | null }) => ordersConnection(ctx, args),
    ordersCount: (args: { query?: string | null; limit?: number | null }) => {
      const n = searchOrders(ctx, args.query).length;
      const limit = args.limit ?? 10_000;
      return { __typename: 'Count', count: Math.min(n, limit), precision: n > limit ? 'AT_LEAST' : 'EXACT' };
    },
    order: one('Order'),
    fulfillmentOrder: one('FulfillmentOrder'),
    fulfillment: one('Fulfillment'),
    refund: one('Refund'),
    product: one('Product'),
    productVariant: one('ProductVariant'),
    inventoryItem: one('InventoryItem'),
    inventoryLevel: one('InventoryLevel'),
    location: (args: { id?: string | null }) => (args.id ? one('Location')({ id: args.id }) : locationView(ctx, ctx.state.defaultLocation())),
    locations: (args: PageArgs & { includeInactive?: boolean | null }) => locationsConnection(ctx, args),
    products: (args: PageArgs & { query?: string | null }) => productsConnection(ctx, args),
    productVariants: (args: PageArgs & { query?: string | null }) => variantsConnection(ctx, args),
    inventoryItems: (args: PageArgs & { query?: string | null }) => inventoryItemsConnection(ctx, args),
    node: (args: { id: string }) => nodeById(ctx, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => nodeById(ctx, id)),
    bulkOperation: one('BulkOperation'),
    currentAppInstallation: () => ({
      __typename: 'AppInstallation', id: gid('AppInstallation', 1), launchUrl: `https://${ctx.state.shop.domain}/admin/apps/packbench`, uninstallUrl: null,
      accessScopes: ctx.state.accessScopes.map((handle) => ({ __typename: 'AccessScope', handle, description: handle.replace(/_/g, ' ') })),
    }),
    currentBulkOperation: () => {
      const latest = [...ctx.bulkOps.values()].at(-1);
      return latest ? bulkOperationView(latest) : null;
    },
  };
}
