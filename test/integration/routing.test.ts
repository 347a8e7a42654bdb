import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import type { ApiClient } from '../../shared/rpc/client';
import { fixedClock, orderFrom } from '../support/rules-fixture';
import { tempDir } from '../support/temp-dir';

/** Leeds (GB, id 1) and Berlin (DE, id 2); MUG, PEN and TOTE with the stock each test gives. */
function setUp(core: Core, stock: Record<string, [number, number]>) {
  const { repos } = core.workspace();
  const at = fixedClock.now().toISOString();
  repos.transaction(() => {
    const address = { name: 'Shop', company: '', line1: '1 Yard', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' };
    repos.catalog.insertLocation('LDS', 'Leeds', address);
    repos.catalog.insertLocation('BER', 'Berlin', { ...address, city: 'Berlin', postalCode: '10435', countryCode: 'DE' });
    repos.catalog.insertChannel('shopify', 'Shop');
    const product = repos.catalog.insertProduct('Things');
    for (const [sku, counts] of Object.entries(stock)) {
      const id = repos.catalog.insertVariant({ productId: product, sku, title: sku, weightGrams: 100, lengthMm: 0, widthMm: 0, heightMm: 0 });
      counts.forEach((qty, i) => { if (qty) repos.inventory.record({ variantId: id, locationId: i + 1, kind: 'receive', quantity: qty, reason: 'stock', actor: 'tester', reference: 'fixture', at }); });
    }
  });
}

const toGermany = (i: number, lines: Array<[string, number]>) =>
  orderFrom(i, { channelId: 1, country: 'DE', lines: lines.map(([sku, quantity]) => ({ sku, quantity, unitPriceMinor: 1000 })) });

describe('routing orders between locations (real store)', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  beforeEach(() => {
    dir = tempDir();
    core = createCore({ dataDir: dir.path, clock: fixedClock, actor: 'tester', firstRun: 'empty' });
    client = createInMemoryClient(core);
  });
  afterEach(() => { client.close(); core.close(); dir.remove(); });

  const held = (orderId: number) => core.workspace().repos.db.$client.prepare(`SELECT location_id AS loc, v.sku, sum(committed_delta) AS n
    FROM inventory_movements m JOIN variants v ON v.id = m.variant_id WHERE reference = ? GROUP BY location_id, v.sku HAVING n <> 0 ORDER BY loc, v.sku`).all(`order:${orderId}`);

  it('whole: an order lands at Leeds but only Berlin has everything: its reservation moves there, in the landing transaction', async () => {
    setUp(core, { MUG: [5, 3], PEN: [0, 2] });
    await client.call('routing.saveSettings', { enabled: true, split: 'auto', maxShipments: 2, order: [1, 2] });
    core.workspace().orders.importOrders([toGermany(1, [['MUG', 2], ['PEN', 1]])], 'a test');
    const order = await client.call('orders.get', { id: 1 });
    expect(order.locationName).toBe('Berlin');
    expect(held(1)).toEqual([{ loc: 2, sku: 'MUG', n: 2 }, { loc: 2, sku: 'PEN', n: 1 }]);
    expect(order.events.find((e) => e.kind === 'routed')!.message).toBe('Ships from Berlin: Berlin has everything (the same country).');
    // Leeds' reserve and release cancel out; Berlin's available went down by what the order holds
    expect((await client.call('inventory.list', { q: 'PEN' })).rows.find((r) => r.locationName === 'Berlin')!.available).toBe(1);
  });

  it('partial: splits never allowed: the nearest location with some of it keeps the order, and the missing unit can come by transfer', async () => {
    setUp(core, { MUG: [4, 1], PEN: [0, 1] });
    await client.call('routing.saveSettings', { enabled: true, split: 'never', maxShipments: 2, order: [] });
    core.workspace().orders.importOrders([toGermany(1, [['MUG', 2], ['PEN', 1]])], 'a test');
    const plan = await client.call('routing.plan', { orderId: 1 });
    expect(plan).toMatchObject({ kind: 'partial', locationName: 'Berlin', missing: [{ sku: 'MUG', quantity: 1 }], transfers: [{ sku: 'MUG', quantity: 1, fromLocationName: 'Leeds' }] });
    expect((await client.call('orders.get', { id: 1 })).status).toBe('open');

    // the owner sends the missing mug: out of Leeds now, in transit, into Berlin when it arrives
    const mug = core.workspace().repos.catalog.variantBySku('MUG')!.id;
    const sent = await client.call('transfers.create', { fromLocationId: 1, toLocationId: 2, lines: [{ variantId: mug, quantity: 1 }], orderId: 1 });
    expect(sent.status).toBe('in_transit');
    const stock = async () => Object.fromEntries((await client.call('inventory.list', { q: 'MUG' })).rows.map((r) => [r.locationName, r.onHand]));
    expect(await stock()).toEqual({ Leeds: 3, Berlin: 1 });
    expect((await client.call('transfers.list', { status: 'in_transit' })).map((t) => t.id)).toEqual([sent.id]);
    await client.call('transfers.receive', { id: sent.id });
    expect(await stock()).toEqual({ Leeds: 3, Berlin: 2 });
    expect((await client.call('routing.plan', { orderId: 1 })).kind).toBe('whole');
    await expect(client.call('transfers.receive', { id: sent.id })).rejects.toMatchObject({ message: `Transfer ${sent.id} is already received; nothing was recorded.` });
    // reserved stock stays for its orders
    await expect(client.call('transfers.create', { fromLocationId: 2, toLocationId: 1, lines: [{ variantId: mug, quantity: 1 }] }))
      .rejects.toMatchObject({ message: 'Berlin has 0 × MUG free to send (2 on hand, 2 reserved for orders); 1 cannot go.' });
  });

  it('split with consent: held until the owner agrees, then reserved per parcel; packing takes each parcel at its own location', async () => {
    setUp(core, { MUG: [2, 0], PEN: [0, 1] });
    await client.call('routing.saveSettings', { enabled: true, split: 'ask', maxShipments: 2, order: [] });
    core.workspace().orders.importOrders([toGermany(1, [['MUG', 2], ['PEN', 1]]), toGermany(2, [['MUG', 1], ['PEN', 1]])], 'a test');
    let order = await client.call('orders.get', { id: 1 });
    expect(order.status).toBe('on_hold');
    expect(order.events.at(-1)!.message).toBe('Open → On hold: waiting for your consent to ship in parcels (2 parcels)');
    expect(held(1)).toEqual([{ loc: 1, sku: 'MUG', n: 2 }, { loc: 1, sku: 'PEN', n: 1 }]);

    const plan = await client.call('routing.agreeSplit', { orderId: 1 });
    expect(plan.shipments.map((s) => [s.locationName, s.status, s.lines.map((l) => `${l.quantity} ${l.sku}`)])).toEqual([
      ['Leeds', 'agreed', ['2 MUG']], ['Berlin', 'agreed', ['1 PEN']],
    ]);
    order = await client.call('orders.get', { id: 1 });
    expect(order.status).toBe('open');
    expect(held(1)).toEqual([{ loc: 1, sku: 'MUG', n: 2 }, { loc: 2, sku: 'PEN', n: 1 }]);

    // the second order can no longer be split (stock promised): it waits where it can
    expect((await client.call('routing.plan', { orderId: 2 })).kind).toBe('partial');

    // parcel 1 from Leeds, parcel 2 from Berlin: each pick leaves its own location
    const open = await client.call('pack.open', { orderId: 1 });
    await client.call('pack.scan', { sessionId: open.sessionId, code: 'MUG', quantity: 1 });
    await client.call('pack.scan', { sessionId: open.sessionId, code: 'MUG', quantity: 1 });
    await client.call('pack.split', { sessionId: open.sessionId, reason: 'the pen ships from Berlin' });
    const second = await client.call('pack.open', { orderId: 1 });
    await client.call('pack.scan', { sessionId: second.sessionId, code: 'PEN', quantity: 1 });
    await client.call('pack.complete', { sessionId: second.sessionId });
    const onHand = Object.fromEntries((await client.call('inventory.list', { q: '' })).rows.map((r) => [`${r.sku}@${r.locationName}`, r.onHand]));
    expect(onHand).toMatchObject({ 'MUG@Leeds': 0, 'PEN@Berlin': 0 });
  });

  it('split automatically, then cancelled: the reservations at both locations are given back', async () => {
    setUp(core, { MUG: [2, 0], PEN: [0, 1] });
    await client.call('routing.saveSettings', { enabled: true, split: 'auto', maxShipments: 2, order: [] });
    core.workspace().orders.importOrders([toGermany(1, [['MUG', 2], ['PEN', 1]])], 'a test');
    expect(held(1)).toEqual([{ loc: 1, sku: 'MUG', n: 2 }, { loc: 2, sku: 'PEN', n: 1 }]);
    await client.call('orders.transition', { id: 1, to: 'cancelled', reason: 'customer changed their mind' });
    expect(held(1)).toEqual([]);
  });

  it('a rule that says "ship from Leeds" wins over the nearest location', async () => {
    setUp(core, { MUG: [5, 5] });
    await client.call('routing.saveSettings', { enabled: true, split: 'auto', maxShipments: 2, order: [] });
    await client.call('rules.save', { name: 'Mugs from Leeds', enabled: true, conditions: [{ field: 'sku', op: 'any', skus: ['MUG'] }], actions: [{ type: 'location', locationId: 1 }] });
    core.workspace().orders.importOrders([toGermany(1, [['MUG', 1]])], 'a test');
    expect((await client.call('orders.get', { id: 1 })).locationName).toBe('Leeds');
    expect(held(1)).toEqual([{ loc: 1, sku: 'MUG', n: 1 }]);
  });
});
