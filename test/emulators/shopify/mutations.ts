// The mutations the emulator performs, with Shopify's user errors. Each one checks all of its input
// before it changes anything (a refused request changes nothing), records what it applied in
// `state.applied`, and returns its payload as views. Error messages come from the schema's own enum
// descriptions where Shopify documents them there.

import type { GraphQLSchema } from 'graphql';
import { isEnumType } from 'graphql';
import { fromDecimal, ShopStateError, type TrackingRec } from './shop-state';
import { adjustmentGroupView, fulfillmentView, gid, metafieldView, orderView, parseGid, refundView, type ViewContext } from './views';

export type UserError = { __typename?: string; field: string[] | null; message: string; code?: string | null };
export type MutationCall = { args: Record<string, unknown>; ctx: ViewContext; idempotencyKey: string | null; variables: unknown };

/** Shopify's documented reasons for inventory changes. */
export const INVENTORY_REASONS = ['correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_updated', 'movement_received',
  'movement_canceled', 'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted', 'reservation_updated',
  'restock', 'safety_stock', 'shrinkage'];
const ADJUSTABLE_NAMES = ['available', 'damaged', 'incoming', 'quality_control', 'reserved', 'safety_stock'];
const MAX_QUANTITY = 1_000_000_000;

/** The description Shopify gives an error code, as the user error's message. */
export function codeMessage(schema: GraphQLSchema, enumName: string, code: string, fallback: string): string {
  const type = schema.getType(enumName);
  const text = isEnumType(type) ? type.getValue(code)?.description : undefined;
  return (text ?? fallback).replace(/\s+/g, ' ').trim();
}

type Input = Record<string, unknown>;

export function createMutations(schema: GraphQLSchema) {
  const setError = (code: string, field: string[], fallback: string): UserError => ({ field, code, message: codeMessage(schema, 'InventorySetQuantitiesUserErrorCode', code, fallback) });
  const adjustError = (code: string, field: string[], fallback: string): UserError => ({ field, code, message: codeMessage(schema, 'InventoryAdjustQuantitiesUserErrorCode', code, fallback) });

  function fulfillmentCreate({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const input = args.fulfillment as { lineItemsByFulfillmentOrder: Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems?: Array<{ id: string; quantity: number }> | null }>; notifyCustomer?: boolean | null; trackingInfo?: Input | null };
    const errors: UserError[] = [];
    const lines: Array<{ foLineId: number; quantity: number }> = [];
    const foIds: number[] = [];
    const orderIds = new Set<number>();
    input.lineItemsByFulfillmentOrder.forEach((group, i) => {
      const path = ['fulfillment', 'lineItemsByFulfillmentOrder', String(i)];
      const g = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder');
      const fo = g ? s.fulfillmentOrders.get(g.id) : undefined;
      if (!fo) { errors.push({ field: [...path, 'fulfillmentOrderId'], message: 'Fulfillment order does not exist.' }); return; }
      if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
        errors.push({ field: [...path, 'fulfillmentOrderId'], message: `Fulfillment order ${gid('FulfillmentOrder', fo.id)} has an unfulfillable status= ${fo.status.toLowerCase()}.` });
        return;
      }
      foIds.push(fo.id);
      orderIds.add(fo.orderId);
      const requested = group.fulfillmentOrderLineItems?.length
        ? group.fulfillmentOrderLineItems.map((l, j) => ({ l, j, g: parseGid(l.id, 'FulfillmentOrderLineItem') }))
        : fo.lines.filter((l) => l.remainingQuantity > 0).map((l, j) => ({ l: { id: gid('FulfillmentOrderLineItem', l.id), quantity: l.remainingQuantity }, j, g: { id: l.id } }));
      for (const { l, j, g: lg } of requested) {
        const foLine = lg ? fo.lines.find((x) => x.id === lg.id) : undefined;
        if (!foLine) { errors.push({ field: [...path, 'fulfillmentOrderLineItems', String(j), 'id'], message: 'Fulfillment order line item does not exist.' }); continue; }
        if (l.quantity <= 0 || l.quantity > foLine.remainingQuantity) {
          errors.push({ field: [...path, 'fulfillmentOrderLineItems', String(j), 'quantity'], message: 'Invalid fulfillment order line item quantity requested.' });
          continue;
        }
        lines.push({ foLineId: foLine.id, quantity: l.quantity });
      }
    });
    if (orderIds.size > 1) errors.push({ field: ['fulfillment', 'lineItemsByFulfillmentOrder'], message: 'All fulfillment orders must belong to the same order.' });
    if (!errors.length && !lines.length) errors.push({ field: ['fulfillment', 'lineItemsByFulfillmentOrder'], message: 'There is nothing left to fulfill on these fulfillment orders.' });
    if (errors.length) return { fulfillment: null, userErrors: errors };
    const tracking = trackingRecs(input.trackingInfo ?? {});
    const f = s.createFulfillment({ orderId: [...orderIds][0]!, lines, tracking, notifyCustomer: Boolean(input.notifyCustomer), fulfillmentOrderIds: foIds });
    s.record('fulfillmentCreate', idempotencyKey, variables, { fulfillmentId: gid('Fulfillment', f.id), orderId: gid('Order', f.orderId), tracking: f.tracking, notifyCustomer: f.notifyCustomer, lines: f.lines.map((l) => ({ lineItemId: gid('LineItem', l.lineItemId), quantity: l.quantity })) });
    return { fulfillment: fulfillmentView(ctx, f), userErrors: [] };
  }

  /** FulfillmentTrackingInput: `numbers`/`urls` win over `number`/`url`, as the schema describes */
  function trackingRecs(t: Input): TrackingRec[] {
    const numbers = (t.numbers as string[] | null | undefined)?.length ? (t.numbers as string[]) : [t.number as string | null | undefined ?? null];
    const urls = (t.urls as string[] | null | undefined) ?? [];
    return numbers.filter((n) => n !== null || t.company).map((n, i) => ({ company: (t.company as string | null | undefined) ?? null, number: n, url: urls[i] ?? (i === 0 ? (t.url as string | null | undefined) ?? null : null) }));
  }

  function fulfillmentTrackingInfoUpdate({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const g = parseGid(args.fulfillmentId, 'Fulfillment');
    if (!g || !ctx.state.fulfillments.has(g.id)) return { fulfillment: null, userErrors: [{ field: ['fulfillmentId'], message: 'Fulfillment does not exist.' }] };
    const f = ctx.state.updateTracking(g.id, trackingRecs((args.trackingInfoInput ?? {}) as Input), Boolean(args.notifyCustomer));
    ctx.state.record('fulfillmentTrackingInfoUpdate', idempotencyKey, variables, { fulfillmentId: gid('Fulfillment', f.id), orderId: gid('Order', f.orderId), tracking: f.tracking, notifyCustomer: Boolean(args.notifyCustomer) });
    return { fulfillment: fulfillmentView(ctx, f), userErrors: [] };
  }

  function inventoryTarget(ctx: ViewContext, itemGid: unknown, locationGid: unknown) {
    const item = parseGid(itemGid, 'InventoryItem');
    const loc = parseGid(locationGid, 'Location');
    return { itemId: item && ctx.state.items.has(item.id) ? item.id : null, locationId: loc && ctx.state.locations.has(loc.id) ? loc.id : null };
  }

  function inventorySetQuantities({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const input = args.input as { name: string; reason: string; referenceDocumentUri?: string | null; quantities: Array<{ inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }> };
    const errors: UserError[] = [];
    if (input.name !== 'available' && input.name !== 'on_hand') errors.push(setError('INVALID_NAME', ['input', 'name'], "The quantity name must be either 'available' or 'on_hand'."));
    if (!INVENTORY_REASONS.includes(input.reason)) errors.push(setError('INVALID_REASON', ['input', 'reason'], 'The reason is not one of the accepted inventory reasons.'));
    const seen = new Set<string>();
    const targets = input.quantities.map((q, i) => {
      const path = ['input', 'quantities', String(i)];
      const t = inventoryTarget(ctx, q.inventoryItemId, q.locationId);
      if (t.itemId === null) errors.push(setError('INVALID_INVENTORY_ITEM', [...path, 'inventoryItemId'], 'The specified inventory item could not be found.'));
      if (t.locationId === null) errors.push(setError('INVALID_LOCATION', [...path, 'locationId'], 'The specified location could not be found.'));
      if (q.quantity > MAX_QUANTITY) errors.push(setError('INVALID_QUANTITY_TOO_HIGH', [...path, 'quantity'], 'The quantity can\'t be higher than 1,000,000,000.'));
      if (q.quantity < -MAX_QUANTITY) errors.push(setError('INVALID_QUANTITY_TOO_LOW', [...path, 'quantity'], 'The quantity can\'t be lower than -1,000,000,000.'));
      const key = `${q.inventoryItemId}|${q.locationId}`;
      if (seen.has(key)) errors.push(setError('NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR', path, 'The same inventory item and location pair appears more than once.'));
      seen.add(key);
      // 2026-04 and later: every quantity names changeFromQuantity; null opts out of the check, leaving it out is an error
      if (!('changeFromQuantity' in q)) errors.push(setError('COMPARE_QUANTITY_REQUIRED', [...path, 'changeFromQuantity'], 'The changeFromQuantity argument is required; pass null to opt out of the quantity check.'));
      if (t.itemId !== null && t.locationId !== null && q.changeFromQuantity !== null && q.changeFromQuantity !== undefined && errors.length === 0) {
        const current = s.quantity(s.level(t.itemId, t.locationId)!, input.name);
        if (current !== q.changeFromQuantity) errors.push(setError('CHANGE_FROM_QUANTITY_STALE', [...path, 'changeFromQuantity'], 'The changeFromQuantity argument no longer matches the persisted quantity.'));
      }
      return { ...t, quantity: q.quantity };
    });
    if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
    const group = { id: s.newId(), createdAt: s.stamp(), reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null, changes: [] as Array<{ name: string; delta: number; quantityAfterChange: number; itemId: number; locationId: number; ledgerDocumentUri: string | null }> };
    for (const t of targets) {
      const { before, after } = s.setQuantity(t.itemId!, t.locationId!, input.name as 'available' | 'on_hand', t.quantity);
      const delta = after - before;
      if (delta === 0) continue;
      const l = s.level(t.itemId!, t.locationId!)!;
      group.changes.push({ name: 'available', delta, quantityAfterChange: s.quantity(l, 'available'), itemId: t.itemId!, locationId: t.locationId!, ledgerDocumentUri: null });
      group.changes.push({ name: 'on_hand', delta, quantityAfterChange: s.quantity(l, 'on_hand'), itemId: t.itemId!, locationId: t.locationId!, ledgerDocumentUri: null });
    }
    s.adjustmentGroups.set(group.id, group);
    s.record('inventorySetQuantities', idempotencyKey, variables, { groupId: gid('InventoryAdjustmentGroup', group.id), name: input.name, changes: group.changes.map((c) => ({ ...c, itemId: gid('InventoryItem', c.itemId), locationId: gid('Location', c.locationId) })) });
    return { inventoryAdjustmentGroup: adjustmentGroupView(ctx, group), userErrors: [] };
  }

  function inventoryAdjustQuantities({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const input = args.input as { name: string; reason: string; referenceDocumentUri?: string | null; changes: Array<{ inventoryItemId: string; locationId: string; delta: number; changeFromQuantity?: number | null; ledgerDocumentUri?: string | null }> };
    const errors: UserError[] = [];
    if (!ADJUSTABLE_NAMES.includes(input.name)) errors.push(adjustError('INVALID_QUANTITY_NAME', ['input', 'name'], `The quantity name must be one of: ${ADJUSTABLE_NAMES.join(', ')}.`));
    if (!INVENTORY_REASONS.includes(input.reason)) errors.push(adjustError('INVALID_REASON', ['input', 'reason'], 'The reason is not one of the accepted inventory reasons.'));
    const targets = input.changes.map((c, i) => {
      const path = ['input', 'changes', String(i)];
      const t = inventoryTarget(ctx, c.inventoryItemId, c.locationId);
      if (t.itemId === null) errors.push(adjustError('INVALID_INVENTORY_ITEM', [...path, 'inventoryItemId'], 'The specified inventory item could not be found.'));
      if (t.locationId === null) errors.push(adjustError('INVALID_LOCATION', [...path, 'locationId'], 'The specified location could not be found.'));
      if (t.itemId !== null && t.locationId !== null && c.changeFromQuantity !== null && c.changeFromQuantity !== undefined && errors.length === 0) {
        const current = s.quantity(s.level(t.itemId, t.locationId)!, input.name);
        if (current !== c.changeFromQuantity) errors.push(adjustError('CHANGE_FROM_QUANTITY_STALE', [...path, 'changeFromQuantity'], 'The changeFromQuantity argument no longer matches the persisted quantity.'));
      }
      return { ...t, delta: c.delta, ledgerDocumentUri: c.ledgerDocumentUri ?? null };
    });
    if (errors.length) return { inventoryAdjustmentGroup: null, userErrors: errors };
    const group = { id: s.newId(), createdAt: s.stamp(), reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null, changes: [] as Array<{ name: string; delta: number; quantityAfterChange: number; itemId: number; locationId: number; ledgerDocumentUri: string | null }> };
    for (const t of targets) {
      const after = s.adjustQuantity(t.itemId!, t.locationId!, input.name, t.delta);
      group.changes.push({ name: input.name, delta: t.delta, quantityAfterChange: after, itemId: t.itemId!, locationId: t.locationId!, ledgerDocumentUri: t.ledgerDocumentUri });
      if (input.name !== 'incoming') {
        const l = s.level(t.itemId!, t.locationId!)!;
        group.changes.push({ name: 'on_hand', delta: t.delta, quantityAfterChange: s.quantity(l, 'on_hand'), itemId: t.itemId!, locationId: t.locationId!, ledgerDocumentUri: null });
      }
    }
    s.adjustmentGroups.set(group.id, group);
    s.record('inventoryAdjustQuantities', idempotencyKey, variables, { groupId: gid('InventoryAdjustmentGroup', group.id), name: input.name, changes: group.changes.map((c) => ({ ...c, itemId: gid('InventoryItem', c.itemId), locationId: gid('Location', c.locationId) })) });
    return { inventoryAdjustmentGroup: adjustmentGroupView(ctx, group), userErrors: [] };
  }

  function refundCreate({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const input = args.input as { orderId: string; note?: string | null; notify?: boolean | null; refundLineItems?: Array<{ lineItemId: string; quantity: number; restockType?: string | null; locationId?: string | null }> | null; shipping?: { amount?: string | null; fullRefund?: boolean | null } | null; transactions?: Array<{ amount: string; gateway: string; kind: string; orderId: string; parentId?: string | null }> | null };
    const g = parseGid(input.orderId, 'Order');
    const order = g ? s.orders.get(g.id) : undefined;
    if (!order) return { refund: null, order: null, userErrors: [{ field: ['input', 'orderId'], message: 'Order does not exist.' }] };
    const errors: UserError[] = [];
    const refundedBefore = new Map<number, number>();
    for (const rid of order.refundIds) for (const l of s.refunds.get(rid)!.lines) refundedBefore.set(l.lineItemId, (refundedBefore.get(l.lineItemId) ?? 0) + l.quantity);
    let amount = 0;
    const lines = (input.refundLineItems ?? []).map((l, i) => {
      const lg = parseGid(l.lineItemId, 'LineItem');
      const line = lg ? order.lines.find((x) => x.id === lg.id) : undefined;
      if (!line) { errors.push({ field: ['input', 'refundLineItems', String(i), 'lineItemId'], message: 'Line item does not exist on this order.' }); return null; }
      const left = line.currentQuantity - (refundedBefore.get(line.id) ?? 0);
      if (l.quantity <= 0 || l.quantity > left) errors.push({ field: ['input', 'refundLineItems', String(i), 'quantity'], message: `Quantity cannot refund more items than were purchased (${left} left to refund).` });
      const loc = l.locationId ? parseGid(l.locationId, 'Location') : null;
      amount += line.priceMinor * l.quantity;
      return { lineItemId: line.id, quantity: l.quantity, restockType: l.restockType ?? 'NO_RESTOCK', locationId: loc?.id ?? null };
    });
    if (input.shipping?.fullRefund) amount += order.shippingMinor;
    else if (input.shipping?.amount) amount += fromDecimal(input.shipping.amount);
    if (input.transactions?.length) amount = input.transactions.reduce((sum, t) => sum + fromDecimal(t.amount), 0);
    // money goes back against a payment of this order (its parent transaction); a refund larger than what is
    // left of that payment, or a parent from elsewhere, is refused
    const refundTx: Array<{ amountMinor: number; gateway: string; parentId: number | null }> = [];
    for (const [i, t] of (input.transactions ?? []).entries()) {
      if (t.kind !== 'REFUND') errors.push({ field: ['input', 'transactions', String(i), 'kind'], message: 'Kind must be refund.' });
      const pg = t.parentId ? parseGid(t.parentId, 'OrderTransaction') : null;
      const parent = pg ? order.transactions.find((x) => x.id === pg.id) : undefined;
      if (t.parentId && (!parent || parent.kind !== 'SALE' || parent.status !== 'SUCCESS')) {
        errors.push({ field: ['input', 'transactions', String(i), 'parentId'], message: 'Parent transaction does not exist on this order or cannot be refunded.' });
        continue;
      }
      const left = parent ? parent.amountMinor - order.transactions.filter((x) => x.parentId === parent.id).reduce((n, x) => n + x.amountMinor, 0) : Infinity;
      if (fromDecimal(t.amount) > left) errors.push({ field: ['input', 'transactions', String(i), 'amount'], message: `Amount cannot be greater than the refundable amount of the payment (${(left / 100).toFixed(2)} ${order.currency}).` });
      refundTx.push({ amountMinor: fromDecimal(t.amount), gateway: parent?.gateway ?? t.gateway, parentId: parent?.id ?? null });
    }
    // money already given back is not given twice: Shopify refuses a refund larger than what is left on the order
    const left = s.orderTotal(order) - order.refundIds.reduce((sum, id) => sum + s.refunds.get(id)!.amountMinor, 0);
    if (amount > left) errors.push({ field: ['input', 'transactions', '0', 'amount'], message: `Amount cannot be greater than the refundable amount (${(left / 100).toFixed(2)} ${order.currency}).` });
    if (errors.length) return { refund: null, order: null, userErrors: errors };
    const r = s.createRefund({ orderId: order.id, note: input.note ?? null, notify: Boolean(input.notify), amountMinor: amount, lines: lines.filter((l): l is NonNullable<typeof l> => l !== null), transactions: refundTx });
    s.record('refundCreate', idempotencyKey, variables, { refundId: gid('Refund', r.id), orderId: gid('Order', order.id), amount, lines: r.lines.map((l) => ({ lineItemId: gid('LineItem', l.lineItemId), quantity: l.quantity })) });
    return { refund: refundView(ctx, r), order: orderView(ctx, order), userErrors: [] };
  }

  function metafieldsSet({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const list = args.metafields as Array<{ ownerId: string; namespace?: string | null; key: string; type?: string | null; value: string }>;
    const errors: UserError[] = [];
    const owners = list.map((m, i) => {
      const g = parseGid(m.ownerId, 'Order');
      const order = g ? s.orders.get(g.id) : undefined;
      if (!order) errors.push({ field: ['metafields', String(i), 'ownerId'], message: 'The emulator keeps metafields on orders only; this owner does not exist.', code: 'INVALID_VALUE' });
      if (m.type === 'json') { try { JSON.parse(m.value); } catch { errors.push({ field: ['metafields', String(i), 'value'], message: 'Value is invalid JSON.', code: 'INVALID_VALUE' }); } }
      return order;
    });
    if (errors.length) return { metafields: null, userErrors: errors };
    const at = s.stamp();
    const written = list.map((m, i) => {
      const order = owners[i]!;
      const name = `${m.namespace ?? '$app'}.${m.key}`;
      const before = order.metafields.get(name);
      const rec = { id: before?.id ?? s.newId(), namespace: m.namespace ?? '$app', key: m.key, type: m.type ?? before?.type ?? 'single_line_text_field', value: m.value, createdAt: before?.createdAt ?? at, updatedAt: at };
      order.metafields.set(name, rec);
      return metafieldView(ctx, rec, order);
    });
    s.record('metafieldsSet', idempotencyKey, variables, { metafields: list.map((m) => ({ ownerId: m.ownerId, namespace: m.namespace, key: m.key, value: m.value })) });
    return { metafields: written, userErrors: [] };
  }

  function orderUpdate({ args, ctx, idempotencyKey, variables }: MutationCall) {
    const s = ctx.state;
    const input = args.input as { id: string; note?: string | null; tags?: string[] | null };
    const g = parseGid(input.id, 'Order');
    const order = g ? s.orders.get(g.id) : undefined;
    if (!order) return { order: null, userErrors: [{ field: ['id'], message: 'Order does not exist' }] };
    s.touchOrder(order.id, { ...(input.note !== undefined ? { note: input.note } : {}), ...(input.tags ? { tags: input.tags } : {}) });
    s.record('orderUpdate', idempotencyKey, variables, { orderId: gid('Order', order.id), note: order.note, tags: order.tags });
    return { order: orderView(ctx, order), userErrors: [] };
  }

  /** Runs a mutation; the shop's own refusals (a ShopStateError) become user errors, never a crash. */
  function guard(fn: (call: MutationCall) => unknown, payloadNulls: Record<string, null>) {
    return (call: MutationCall) => {
      try {
        return fn(call);
      } catch (err) {
        if (err instanceof ShopStateError) return { ...payloadNulls, userErrors: [{ field: null, message: err.message }] };
        throw err;
      }
    };
  }

  return {
    fulfillmentCreate: guard(fulfillmentCreate, { fulfillment: null }),
    fulfillmentTrackingInfoUpdate: guard(fulfillmentTrackingInfoUpdate, { fulfillment: null }),
    inventorySetQuantities: guard(inventorySetQuantities, { inventoryAdjustmentGroup: null }),
    inventoryAdjustQuantities: guard(inventoryAdjustQuantities, { inventoryAdjustmentGroup: null }),
    refundCreate: guard(refundCreate, { refund: null, order: null }),
    metafieldsSet: guard(metafieldsSet, { metafields: null }),
    orderUpdate: guard(orderUpdate, { order: null }),
  } as Record<string, (call: MutationCall) => unknown>;
}
