// The Shopify emulator refuses what Shopify refuses, checked over its real HTTP port against the
// real Admin schema from @shopify/dev-mcp: unknown fields and arguments, a missing @idempotent where
// the schema's descriptions make it required (and only from the version they name), a compare-and-set
// field left out, a query too dear; and it charges, throttles and replays idempotent requests as
// Shopify documents.

import type { GraphQLEnumType } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAdminSchema } from '../emulators/shopify/admin-schema';
import { seedDemoShop } from '../emulators/shopify/seed';
import { gid } from '../emulators/shopify/views';
import { gql, shopifyEmulator, stopShopifyEmulators } from '../support/shopify';

afterEach(stopShopifyEmulators);

const ADJUST = `mutation Adjust($input: InventoryAdjustQuantitiesInput!) {
  inventoryAdjustQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { field message code } }
}`;
const ADJUST_KEYED = `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } } userErrors { field message code } }
}`;

async function demo() {
  const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 3) });
  const v = emu.state.variantForSku('MUG-ENAMEL-WHT')!;
  const item = gid('InventoryItem', v.inventoryItemId);
  const location = gid('Location', emu.state.defaultLocation().id);
  return { emu, item, location, available: () => emu.state.quantity(emu.state.level(v.inventoryItemId, emu.state.defaultLocation().id)!, 'available') };
}

describe('Shopify emulator: what it refuses, as Shopify does', () => {
  it('reads its idempotency rules from the schema descriptions, not from a list typed in by hand', () => {
    const admin = loadAdminSchema('2026-10');
    for (const name of ['inventorySetQuantities', 'inventoryAdjustQuantities', 'refundCreate']) {
      expect(admin.idempotency.get(name)).toEqual({ supportedFrom: '2026-01', requiredFrom: '2026-04' });
    }
    // fulfillmentCreate documents no idempotency support in 2026-10
    expect(admin.idempotency.has('fulfillmentCreate')).toBe(false);
    expect(admin.mustBePresent.get('InventoryQuantityInput')).toEqual(new Set(['changeFromQuantity']));
    expect(admin.mustBePresent.get('InventoryChangeInput')).toEqual(new Set(['changeFromQuantity']));
  });

  it('refuses unknown fields, unknown arguments and missing arguments in graphql-ruby words, running nothing', async () => {
    const { emu } = await demo();
    const field = await gql(emu, '{ orders(first: 1) { nodes { id colour } } }');
    expect(field.status).toBe(200);
    expect(field.body.data).toBeUndefined();
    expect(field.body.errors![0]).toMatchObject({ message: "Field 'colour' doesn't exist on type 'Order'", extensions: { code: 'undefinedField', typeName: 'Order', fieldName: 'colour' } });
    const arg = await gql(emu, '{ orders(first: 1, colour: "red") { nodes { id } } }');
    expect(arg.body.errors![0]).toMatchObject({ message: "Field 'orders' doesn't accept argument 'colour'", extensions: { code: 'argumentNotAccepted' } });
    const missing = await gql(emu, '{ order { id } }');
    expect(missing.body.errors![0]).toMatchObject({ message: "Field 'order' is missing required arguments: id", extensions: { code: 'missingRequiredArguments' } });
    // a field that exists in an older API only is refused by the pinned one
    const old = await gql(emu, '{ orders(first: 1) { nodes { id fulfillmentOrders(first: 1) { nodes { id nope } } } } }');
    expect(old.body.errors![0]!.message).toBe("Field 'nope' doesn't exist on type 'FulfillmentOrder'");
    expect(emu.stats.refusedDocuments).toBe(4);
  });

  it('refuses a connection without first or last, and a query dearer than 1000 points', async () => {
    const { emu } = await demo();
    const noSize = await gql(emu, '{ orders { nodes { id } } }');
    expect(noSize.body.errors![0]!.message).toMatch(/you must provide one of first or last/);
    const dear = await gql(emu, '{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }');
    expect(dear.body.errors![0]).toMatchObject({ extensions: { code: 'MAX_COST_EXCEEDED', maxCost: 1000 } });
    expect(dear.body.errors![0]!.message).toMatch(/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)/);
  });

  it('refuses inventoryAdjustQuantities without @idempotent in 2026-10 but takes it in 2026-01, as the schema says', async () => {
    const { emu, item, location, available } = await demo();
    const before = available();
    const input = { name: 'available', reason: 'correction', changes: [{ delta: 2, inventoryItemId: item, locationId: location, changeFromQuantity: null }] };
    const refused = await gql(emu, ADJUST, { input });
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0]).toMatchObject({ path: ['inventoryAdjustQuantities'], extensions: { code: 'BAD_REQUEST' } });
    expect(refused.body.errors![0]!.message).toMatch(/@idempotent directive is required for the mutation inventoryAdjustQuantities from API version 2026-04/);
    expect(available()).toBe(before);
    expect(emu.state.applied).toHaveLength(0);

    const older = await gql(emu, ADJUST, { input }, '2026-01');
    expect(older.body.errors).toBeUndefined();
    expect(available()).toBe(before + 2);
  });

  it('refuses @idempotent where a mutation does not document it, and an empty key', async () => {
    const { emu, item, location } = await demo();
    const fo = [...emu.state.fulfillmentOrders.values()][0]!;
    const onFulfil = await gql(emu, `mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "${gid('FulfillmentOrder', fo.id)}" }] }) @idempotent(key: "k1") { fulfillment { id } userErrors { message } } }`);
    expect(onFulfil.body.errors![0]!.message).toMatch(/not supported on the mutation fulfillmentCreate/);
    expect(emu.state.fulfillments.size).toBe(0);
    const blank = await gql(emu, ADJUST_KEYED, { key: '  ', input: { name: 'available', reason: 'correction', changes: [{ delta: 1, inventoryItemId: item, locationId: location, changeFromQuantity: null }] } });
    expect(blank.body.errors![0]!.message).toBe('The idempotency key cannot be an empty string or whitespace only.');
    expect(emu.state.applied).toHaveLength(0);
  });

  it('replays a repeated key without applying twice, and refuses the key with other parameters', async () => {
    const { emu, item, location, available } = await demo();
    const before = available();
    const input = { name: 'available', reason: 'correction', changes: [{ delta: 3, inventoryItemId: item, locationId: location, changeFromQuantity: null }] };
    const first = await gql(emu, ADJUST_KEYED, { key: 'adj-1', input });
    const again = await gql(emu, ADJUST_KEYED, { key: 'adj-1', input });
    expect(again.body.data).toEqual(first.body.data);
    expect(available()).toBe(before + 3);
    expect(emu.state.applied.filter((a) => a.mutation === 'inventoryAdjustQuantities')).toHaveLength(1);
    const other = await gql(emu, ADJUST_KEYED, { key: 'adj-1', input: { ...input, changes: [{ ...input.changes[0], delta: 4 }] } });
    expect((other.body.data!.inventoryAdjustQuantities as { userErrors: unknown[] }).userErrors).toEqual([
      { field: null, code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH', message: 'The same idempotency key cannot be used with different operation parameters.' },
    ]);
    expect(available()).toBe(before + 3);
  });

  it('needs changeFromQuantity passed explicitly and refuses a stale one', async () => {
    const { emu, item, location, available } = await demo();
    const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } userErrors { field message code } } }`;
    const left = await gql(emu, SET, { key: 's1', input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: location, quantity: 5 }] } });
    expect((left.body.data!.inventorySetQuantities as { userErrors: Array<{ code: string; field: string[] }> }).userErrors[0]).toMatchObject({ code: 'COMPARE_QUANTITY_REQUIRED', field: ['input', 'quantities', '0', 'changeFromQuantity'] });
    const current = available();
    const stale = await gql(emu, SET, { key: 's2', input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: location, quantity: 5, changeFromQuantity: current + 1 }] } });
    // the message is the schema's own description of the code
    const codes = loadAdminSchema('2026-10').schema.getType('InventorySetQuantitiesUserErrorCode') as GraphQLEnumType;
    expect((stale.body.data!.inventorySetQuantities as { userErrors: Array<{ code: string; message: string }> }).userErrors[0]).toMatchObject({
      code: 'CHANGE_FROM_QUANTITY_STALE', message: codes.getValue('CHANGE_FROM_QUANTITY_STALE')!.description,
    });
    expect(available()).toBe(current);
    const fresh = await gql(emu, SET, { key: 's3', input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: location, quantity: 5, changeFromQuantity: current }] } });
    expect((fresh.body.data!.inventorySetQuantities as { userErrors: unknown[] }).userErrors).toEqual([]);
    expect(available()).toBe(5);
  });

  it('charges requested and actual cost from the bucket and throttles when it runs dry', async () => {
    const emu = await shopifyEmulator({ bucket: { maximumAvailable: 100, restoreRate: 10 }, seed: (s) => seedDemoShop(s, 3) });
    const q = '{ orders(first: 20) { nodes { id lineItems(first: 2) { nodes { id } } } } }';
    const a = await gql(emu, q);
    // 2 + 20 × (1 order + 2 + 2 × 1 line) = 102 would be over 100: ask for 19
    expect(a.body.extensions!.cost!.requestedQueryCost).toBe(102);
    expect(a.body.errors![0]).toMatchObject({ message: 'Throttled', extensions: { code: 'THROTTLED' } });
    expect(a.body.extensions!.cost!.actualQueryCost).toBeNull();
    const b = await gql(emu, '{ orders(first: 10) { nodes { id lineItems(first: 2) { nodes { id } } } } }');
    expect(b.body.extensions!.cost!.requestedQueryCost).toBe(52);
    // three orders with one, two and three lines, at most two a page: 2 + 3 × (1 + 2) + 5 lines = 16
    expect(b.body.extensions!.cost!.actualQueryCost).toBe(16);
    expect(b.body.extensions!.cost!.throttleStatus).toMatchObject({ maximumAvailable: 100, restoreRate: 10 });
    expect(b.body.extensions!.cost!.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(83);
    expect(emu.stats.throttled).toBe(1);
  });

  it('runs a bulk query in the background and serves JSONL with child rows after their parent', async () => {
    const { emu } = await demo();
    const run = await gql(emu, 'mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { message code } } }',
      { q: '{ orders { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }' });
    const op = (run.body.data!.bulkOperationRunQuery as { bulkOperation: { id: string; status: string } }).bulkOperation;
    expect(op.status).toBe('CREATED');
    let status: { status: string; url: string | null; objectCount: string } | undefined;
    for (let i = 0; i < 50 && status?.status !== 'COMPLETED'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await gql(emu, `{ node(id: "${op.id}") { ... on BulkOperation { status url objectCount } } }`)).body.data!.node as typeof status;
    }
    expect(status!.status).toBe('COMPLETED');
    const rows = (await (await fetch(status!.url!)).text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; __parentId?: string; lineItems?: unknown });
    const orders = rows.filter((r) => !r.__parentId);
    expect(orders).toHaveLength(3);
    expect(orders.every((o) => o.lineItems === undefined)).toBe(true);
    const lines = rows.filter((r) => r.__parentId);
    expect(lines.length).toBe([...emu.state.orders.values()].reduce((n, o) => n + o.lines.length, 0));
    for (const l of lines) expect(rows.findIndex((r) => r.id === l.__parentId)).toBeLessThan(rows.indexOf(l));
    expect(Number(status!.objectCount)).toBe(rows.length);

    const bad = await gql(emu, 'mutation Run($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message code } } }', { q: '{ shop { name } }' });
    expect((bad.body.data!.bulkOperationRunQuery as { userErrors: Array<{ code: string }> }).userErrors[0]!.code).toBe('INVALID');
  });

  it('answers a wrong token with 401 and injects the faults it is told to', async () => {
    const { emu } = await demo();
    const res = await fetch(emu.graphqlUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'wrong' }, body: '{"query":"{ shop { name } }"}' });
    expect(res.status).toBe(401);
    emu.faults.script({ kind: 'garbage' }, { kind: 'truncated', after: true }, { kind: 'reset' }, { kind: 'http5xx' });
    const garbage = await (await fetch(emu.graphqlUrl(), { method: 'POST', headers: { 'x-shopify-access-token': emu.accessToken }, body: '{"query":"{ shop { name } }"}' })).text();
    expect(() => JSON.parse(garbage)).toThrow();
    const cut = await (await fetch(emu.graphqlUrl(), { method: 'POST', headers: { 'x-shopify-access-token': emu.accessToken }, body: '{"query":"{ shop { name } }"}' })).text();
    expect(() => JSON.parse(cut)).toThrow();
    await expect(fetch(emu.graphqlUrl(), { method: 'POST', headers: { 'x-shopify-access-token': emu.accessToken }, body: '{"query":"{ shop { name } }"}' })).rejects.toThrow();
    const gateway = await fetch(emu.graphqlUrl(), { method: 'POST', headers: { 'x-shopify-access-token': emu.accessToken }, body: '{"query":"{ shop { name } }"}' });
    expect(gateway.status).toBeGreaterThanOrEqual(500);
    expect(emu.faults.injected.map((f) => f.kind)).toEqual(['garbage', 'truncated', 'reset', 'http5xx']);
  });
});
