// Shopify order payloads to our model: unknown fields pass, unknown enum values do not break a
// record, and what cannot be read is rejected in words while the rest goes on.

import { describe, expect, it } from 'vitest';
import { orderState, parseBulkOrders, parseShopifyOrder } from '../../electron/core/sync/channels/shopify/shopify-orders';

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'EUR' } });
const order = (extra: Record<string, unknown> = {}) => ({
  id: 'gid://shopify/Order/7', name: '#1007', createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:05:00Z', cancelledAt: null,
  note: null, email: 'a@example.de', phone: null, currencyCode: 'EUR', displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED',
  subtotalPriceSet: money('25.0'), totalShippingPriceSet: money('4.9'), totalTaxSet: money('0.0'), totalPriceSet: money('29.9'),
  shippingAddress: { firstName: 'Zoë', lastName: 'Müller', address1: 'Königstraße 12', city: 'Stuttgart', zip: '70173', countryCodeV2: 'DE' },
  somethingShopifyAddsNextYear: { deep: true },
  ...extra,
});
const line = { id: 'gid://shopify/LineItem/1', sku: 'MUG-1', title: 'Mug', quantity: 2, currentQuantity: 2, originalUnitPriceSet: money('12.5'), newField: 1 };

describe('Shopify orders to our model', () => {
  it('reads money as minor units from Shopify decimals and ignores fields it does not know', () => {
    const r = parseShopifyOrder(order(), [line], []);
    expect('order' in r && r.order).toMatchObject({ subtotalMinor: 2500, shippingMinor: 490, totalMinor: 2990, customerName: 'Zoë Müller', lines: [{ unitPriceMinor: 1250, quantity: 2 }] });
  });

  it('maps statuses it knows and keeps an unknown one as other, never an error', () => {
    expect(orderState({ displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'UNFULFILLED' })).toBe('ready');
    expect(orderState({ displayFinancialStatus: 'PENDING', displayFulfillmentStatus: 'UNFULFILLED' })).toBe('awaiting_payment');
    expect(orderState({ displayFinancialStatus: 'PAID', displayFulfillmentStatus: 'ON_HOLD' })).toBe('on_hold');
    expect(orderState({ cancelledAt: '2026-11-01T11:00:00Z', displayFinancialStatus: 'PAID' })).toBe('cancelled');
    expect(orderState({ displayFinancialStatus: 'SOME_NEW_STATUS', displayFulfillmentStatus: 'ANOTHER' })).toBe('other');
    const r = parseShopifyOrder(order({ displayFulfillmentStatus: 'TELEPORTED' }), [line], []);
    expect('order' in r && r.order.remoteStatus).toBe('PAID / TELEPORTED');
  });

  it('rejects an order it cannot read in words, naming the order', () => {
    const r = parseShopifyOrder(order({ totalPriceSet: money('lots') }), [line], []);
    expect(r).toEqual({ rejected: expect.objectContaining({ externalId: 'gid://shopify/Order/7', words: 'Order #1007 from Shopify has a total Packbench cannot read; it was skipped. Check it in Shopify.' }) });
    const noId = parseShopifyOrder({ name: '#9' }, [], []);
    expect('rejected' in noId && noId.rejected.words).toMatch(/^Order #9 from Shopify could not be read \(id /);
  });

  it('leaves out lines an order edit removed', () => {
    const r = parseShopifyOrder(order(), [line, { ...line, id: 'gid://shopify/LineItem/2', sku: 'GONE', currentQuantity: 0 }], []);
    expect('order' in r && r.order.lines.map((l) => l.sku)).toEqual(['MUG-1']);
  });

  it('reads the bulk export, children after their parent, and skips a broken line without losing the others', () => {
    const jsonl = [
      JSON.stringify(order()),
      JSON.stringify({ ...line, __parentId: 'gid://shopify/Order/7' }),
      '{"id": "gid://shopify/Order/8", "name": "#10',
      JSON.stringify({ id: 'gid://shopify/FulfillmentOrder/3', status: 'OPEN', assignedLocation: { location: { id: 'gid://shopify/Location/1' } }, __parentId: 'gid://shopify/Order/7' }),
    ].join('\n');
    const rows = parseBulkOrders(jsonl);
    expect(rows.filter((r) => 'order' in r)).toHaveLength(1);
    const first = rows.find((r) => 'order' in r);
    expect(first && 'order' in first && first.order.remoteLocationId).toBe('gid://shopify/Location/1');
    expect(rows.find((r) => 'rejected' in r)).toEqual({ rejected: expect.objectContaining({ words: "Line 3 of Shopify's order export could not be read; the orders on the other lines were imported." }) });
  });
});
