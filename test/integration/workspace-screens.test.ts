import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { tempDir } from '../support/temp-dir';
import { setUpWarehouse } from '../support/workspace-setup';

let now = new Date('2026-11-27T10:00:00.000Z');
const clock = { now: () => now };

describe('an empty workspace made usable through the API (real SQLite file)', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  beforeEach(() => {
    now = new Date('2026-11-27T10:00:00.000Z');
    dir = tempDir();
    core = createCore({ dataDir: dir.path, clock, actor: 'owner', firstRun: 'empty' });
    client = createInMemoryClient(core);
  });
  afterEach(() => {
    client.close();
    core.close();
    dir.remove();
  });

  it('keeps bins in walk order (zone, aisle, shelf, level) with numbers compared as numbers', async () => {
    const { location } = await setUpWarehouse(client);
    const [loc] = await client.call('warehouse.locations', {});
    expect(loc!.bins.map((b) => b.code)).toEqual(['A-1-2', 'A-2-1', 'A-10-1']);
    expect(core.workspace().repos.warehouse.walk(location.id)).toEqual(['A-1-2', 'A-2-1', 'A-10-1']);
    await expect(client.call('warehouse.saveBin', { locationId: location.id, zone: 'a', aisle: '1', shelf: '2', level: '' }))
      .rejects.toMatchObject({ code: 'invalid_request', message: 'Bin a-1-2 already exists here.' });
  });

  it('saves a product with several barcodes and a case pack, and refuses bad input in words per field', async () => {
    const { product, variant } = await setUpWarehouse(client);
    expect(variant.barcodes.map((b) => [b.printed, b.units])).toEqual([['4006381333931', 1], ['MUG-B', 1], ['14006381333938', 6]]);
    expect(variant.hsCode).toBe('691200');
    const err = await client.call('catalog.save', {
      title: 'Teapot',
      variants: [
        { sku: 'mug-blue', barcodes: [{ code: '4006381333932', units: 1 }] },
        { sku: 'TEA 1', hsCode: '12', originCountry: 'ZZ', barcodes: [{ code: 'x12', units: 1 }, { code: 'MUG-B', units: 1 }] },
      ],
    }).catch((e: unknown) => e) as { code: string; message: string; fields: Record<string, string> };
    expect(err.code).toBe('invalid_request');
    expect(err.fields['variants.0.sku']).toMatch(/SKU mug-blue already belongs to another product \(Enamel Mug\)/);
    expect(err.fields['variants.0.barcodes.0.code']).toMatch(/Check digit wrong/);
    expect(err.fields['variants.1.sku']).toMatch(/has a space/);
    expect(err.fields['variants.1.hsCode']).toMatch(/6, 8 or 10 digits/);
    expect(err.fields['variants.1.originCountry']).toMatch(/not a country/);
    expect(err.fields['variants.1.barcodes.0.code']).toMatch(/reads as a quantity/);
    expect(err.fields['variants.1.barcodes.1.code']).toMatch(/already belongs to MUG-BLUE/);
    expect(err.message).not.toMatch(/variants\.|\[|zod/i);
    // archive keeps it for history and hides it from the list
    await client.call('catalog.archive', { id: product.id, archived: true });
    expect((await client.call('catalog.list', {})).total).toBe(0);
    expect((await client.call('catalog.list', { archived: true })).rows[0]!.title).toBe('Enamel Mug');
    // search by any barcode
    await client.call('catalog.archive', { id: product.id, archived: false });
    expect((await client.call('catalog.list', { q: '4006381333931' })).rows.map((r) => r.title)).toEqual(['Enamel Mug']);
  });

  it('stores a picture after checking it is one, and serves it back', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const { imageId } = await client.call('catalog.uploadImage', { mime: 'image/png', dataBase64: png.toString('base64') });
    expect((await client.call('catalog.image', { id: imageId })).dataBase64).toBe(png.toString('base64'));
    await expect(client.call('catalog.uploadImage', { mime: 'image/jpeg', dataBase64: png.toString('base64') })).rejects.toMatchObject({ message: 'This file is not a JPEG picture.' });
  });

  it('receives a delivery by scanning a bin then items (a case counts 6), takes a scan back, and every change is a ledger movement', async () => {
    const { location, bins, variant } = await setUpWarehouse(client);
    const delivery = await client.call('deliveries.create', { locationId: location.id, reference: 'PO-77', supplier: 'Mugs & Co', lines: [{ sku: 'MUG-BLUE', expected: 12 }] });
    const noBin = await client.call('deliveries.scan', { deliveryId: delivery.id, binId: null, code: '4006381333931' });
    expect(noBin.outcome).toBe('no_bin');
    const bin = await client.call('deliveries.scan', { deliveryId: delivery.id, binId: null, code: 'a-2-1' });
    expect(bin).toMatchObject({ outcome: 'bin', binId: bins.a2.id });
    const one = await client.call('deliveries.scan', { deliveryId: delivery.id, binId: bin.binId, code: '4006381333931' });
    expect(one.message).toBe('Received 1 × MUG-BLUE into A-2-1 (1 of 12 expected).');
    const kase = await client.call('deliveries.scan', { deliveryId: delivery.id, binId: bin.binId, code: '14006381333938' });
    expect(kase.message).toBe('Received a case of 6: 6 × MUG-BLUE into A-2-1 (7 of 12 expected).');
    // "Into" adds up a bin's scans: one entry per bin, not one per scan
    expect(kase.delivery.lines[0]!.bins).toBe('A-2-1 ×7');
    expect(kase.delivery.lines[0]!.title).toBe('Enamel Mug — Blue');
    const unknown = await client.call('deliveries.scan', { deliveryId: delivery.id, binId: bin.binId, code: 'NOPE-1' });
    expect(unknown.outcome).toBe('unknown');
    const undone = await client.call('deliveries.undo', { deliveryId: delivery.id });
    expect(undone.lines[0]).toMatchObject({ sku: 'MUG-BLUE', expected: 12, received: 1, bins: 'A-2-1 ×1' });
    const where = await client.call('warehouse.skuBins', { variantId: variant.id, locationId: location.id });
    expect(where).toMatchObject({ onHand: 1, unbinned: 0, bins: [{ code: 'A-2-1', onHand: 1 }] });
    const history = await client.call('inventory.history', { variantId: variant.id, locationId: location.id });
    expect(history.map((m) => [m.kind, m.onHandDelta, m.actor])).toEqual([['adjust', -6, 'owner'], ['receive', 6, 'owner'], ['receive', 1, 'owner']]);
    await client.call('deliveries.close', { deliveryId: delivery.id });
    await expect(client.call('deliveries.scan', { deliveryId: delivery.id, binId: bins.a2.id, code: 'MUG-B' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('moves stock between bins and counts a bin, always as movements whose sums match the balances', async () => {
    const { location, bins, variant } = await setUpWarehouse(client);
    const d = await client.call('deliveries.create', { locationId: location.id, reference: 'D1' });
    await client.call('deliveries.scan', { deliveryId: d.id, binId: bins.a1.id, code: '14006381333938' });
    const moved = await client.call('warehouse.move', { variantId: variant.id, locationId: location.id, fromBinId: bins.a1.id, toBinId: bins.a10.id, quantity: 4 });
    expect(moved.bins.map((b) => [b.code, b.onHand])).toEqual([['A-1-2', 2], ['A-10-1', 4]]);
    expect(moved.onHand).toBe(6);
    await expect(client.call('warehouse.move', { variantId: variant.id, locationId: location.id, fromBinId: bins.a1.id, toBinId: bins.a2.id, quantity: 3 }))
      .rejects.toMatchObject({ code: 'conflict', message: 'Only 2 × MUG-BLUE in bin A-1-2; 3 cannot be moved.' });
    const counted = await client.call('warehouse.countBin', { variantId: variant.id, binId: bins.a10.id, counted: 3, reason: 'one broken' });
    expect(counted.onHand).toBe(5);
    const repos = core.workspace().repos;
    const c = repos.db.$client;
    const binSums = c.prepare('SELECT bin_id, sum(on_hand_delta) AS n FROM inventory_movements WHERE variant_id = ? AND bin_id IS NOT NULL GROUP BY bin_id').all(variant.id) as Array<{ bin_id: number; n: number }>;
    for (const s of binSums) expect(repos.inventory.binStock(variant.id, s.bin_id)).toBe(s.n);
    expect(repos.inventory.sums(variant.id, location.id).onHand).toBe(5);
  });

  it('units a picker took from a named bin leave that bin in the ledger, not the home bin; the rest comes home bin first', async () => {
    const { location, bins, variant } = await setUpWarehouse(client);
    const d = await client.call('deliveries.create', { locationId: location.id, reference: 'D1' });
    await client.call('deliveries.scan', { deliveryId: d.id, binId: bins.a1.id, code: '14006381333938' });
    await client.call('warehouse.move', { variantId: variant.id, locationId: location.id, fromBinId: bins.a1.id, toBinId: bins.a10.id, quantity: 4 });
    const repos = core.workspace().repos;
    const at = new Date().toISOString();
    // 3 taken, the pick list said A-10-1 for 2 of them
    repos.transaction(() => repos.inventory.recordOut({ variantId: variant.id, locationId: location.id, kind: 'adjust', quantity: -3, reason: 'test pick', actor: 'test', reference: 'test', at }, [{ binId: bins.a10.id, quantity: 2 }]));
    expect(repos.inventory.binStock(variant.id, bins.a10.id)).toBe(2);
    expect(repos.inventory.binStock(variant.id, bins.a1.id)).toBe(1);
    expect(repos.inventory.sums(variant.id, location.id).onHand).toBe(3);
  });

  it('takes a manual order with the address checked per country, reserving stock through importOrders', async () => {
    const { location, bins } = await setUpWarehouse(client);
    const d = await client.call('deliveries.create', { locationId: location.id, reference: 'D1' });
    await client.call('deliveries.scan', { deliveryId: d.id, binId: bins.a1.id, code: '14006381333938' });
    const base = {
      locationId: location.id, currency: 'USD', shipBy: '2026-11-28',
      lines: [{ sku: 'MUG-BLUE', quantity: 2, unitPriceMinor: 1450 }],
    };
    const bad = await client.call('orders.createManual', { ...base, shipTo: { name: 'James Carter', line1: '1600 Amphitheatre Pkwy', city: 'Mountain View', region: 'XX', postalCode: '9404', countryCode: 'US' } })
      .catch((e: unknown) => e) as { fields: Record<string, string> };
    expect(bad.fields['shipTo.postalCode']).toBe('"9404" is not a postcode of United States. Check it with the customer.');
    expect(bad.fields['shipTo.region']).toMatch(/not a state or province of United States/);
    const missing = await client.call('orders.createManual', { ...base, shipTo: { name: 'Zoë Müller', line1: 'Königstraße 12', postalCode: '70173', countryCode: 'DE' } })
      .catch((e: unknown) => e) as { fields: Record<string, string> };
    expect(missing.fields['shipTo.city']).toBe('An address in Germany needs the town or city.');
    const ok = await client.call('orders.createManual', { ...base, note: 'gift wrap', shipTo: { name: 'James Carter', line1: '1600 Amphitheatre Pkwy', city: 'Mountain View', region: 'CA', postalCode: '94043', countryCode: 'US' } });
    expect(ok.number).toBe('M-1001');
    const order = await client.call('orders.get', { id: ok.id });
    expect(order).toMatchObject({ channelName: 'Phone and counter', shipBy: '2026-11-28T23:59:59.999Z', totalMinor: 2900 });
    expect(order.events.map((e) => e.kind)).toEqual(['created', 'reserved', 'note']);
    const stock = await client.call('inventory.list', { q: 'enamel mug' });
    expect(stock.rows[0]).toMatchObject({ title: 'Enamel Mug — Blue', onHand: 6, committed: 2, available: 4 });
    // an order typed in here has no channel to tell: no outbox rows for it
    expect(core.workspace().repos.outbox.pending().length).toBe(0);
  });
});
