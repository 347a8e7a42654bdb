import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import { usePackBench } from '../support/pack-bench';

const address = { name: 'Zoë Müller', company: '', line1: 'Königstraße 1', line2: '', line3: '', city: 'Stuttgart', region: '', postalCode: '70173', countryCode: 'DE', phone: '', email: '' };

describe('what enters the store is what the contract accepts', () => {
  const bench = usePackBench();
  let core: Core;
  let client: ApiClient;
  beforeEach(() => { ({ core, client } = bench); });

  const order = (number: string, shipTo: Record<string, string>) => ({
    channelId: 1, externalId: `ext-${number}`, number, locationId: 1, customerName: 'Zoë Müller', shipTo: shipTo as typeof address, currency: 'EUR',
    subtotalMinor: 100, shippingMinor: 0, taxMinor: 0, totalMinor: 100, createdAt: '2026-11-27T10:00:00.000Z',
    lines: [{ sku: 'ANY-SKU', title: 'Any', quantity: 1, unitPriceMinor: 100 }],
  });
  const stored = (number: string) => core.workspace().repos.db.$client.prepare('SELECT count(*) AS n FROM orders WHERE number = ?').get(number) as { n: number };

  it('an imported order with an empty name or a country like "d\\n^XZ" is refused in words and not stored; the good ones land', () => {
    const result = core.workspace().orders.importOrders([
      order('#BAD-1', { ...address, name: '' }),
      order('#GOOD-1', address),
      order('#BAD-2', { ...address, countryCode: 'd\n^XZ' }),
    ], 'a sloppy import');
    expect(result.imported).toHaveLength(1);
    expect(result.rejected).toEqual([
      { index: 0, words: 'Order #BAD-1: The recipient has no name (shipTo.name).' },
      { index: 2, words: 'Order #BAD-2: Use a two-letter ISO country code such as DE or JP (shipTo.countryCode).' },
    ]);
    expect(stored('#BAD-1').n).toBe(0);
    expect(stored('#BAD-2').n).toBe(0);
    expect(stored('#GOOD-1').n).toBe(1);
  });

  it('line breaks in an imported address become spaces, and every stored order reads back through the contract', async () => {
    const [id] = core.workspace().orders.importOrders([order('#NL-1', { ...address, line1: 'Königstraße 1\r\nHinterhaus' })], 'csv').imported;
    const detail = await client.call('orders.get', { id: id! });
    expect(detail.shipTo.line1).toBe('Königstraße 1 Hinterhaus');
  });

  it('a command whose answer fails the output check says the change was saved, not that nothing changed', async () => {
    // an order written by an older version, before the store boundary checked addresses
    const c = core.workspace().repos.db.$client;
    const open = (await client.call('orders.list', { status: 'open' })).rows[0]!;
    c.prepare("UPDATE orders SET ship_name = '' WHERE id = ?").run(open.id);
    const err = await client.call('orders.transition', { id: open.id, to: 'on_hold', reason: 'customer called' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal', message: 'The change was saved, but Packbench could not show its result.' });
    expect((c.prepare('SELECT status FROM orders WHERE id = ?').get(open.id) as { status: string }).status).toBe('on_hold');
  });

  it('NUL and broken characters are refused in ledger reasons and other stored text; nothing is written', async () => {
    const row = (await client.call('inventory.list', {})).rows[0]!;
    const before = (core.workspace().repos.db.$client.prepare('SELECT count(*) AS n FROM inventory_movements').get() as { n: number }).n;
    for (const reason of ['recount\u0000shelf', 'recount \uD83D shelf', 'recount \uDE00 shelf']) {
      await expect(client.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: row.onHand + 1, reason }))
        .rejects.toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/cannot store\. Nothing was changed\.$/) });
    }
    await expect(client.call('printers.save', { name: 'Bench\u0000Zebra', kind: 'virtual' })).rejects.toMatchObject({ code: 'invalid_request' });
    const after = (core.workspace().repos.db.$client.prepare('SELECT count(*) AS n FROM inventory_movements').get() as { n: number }).n;
    expect(after).toBe(before);
    // a whole emoji is fine
    await client.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: row.onHand + 1, reason: 'recount 😀 shelf' });
  });

  it('a search made only of punctuation or a NUL does not return every order', async () => {
    expect((await client.call('orders.list', { q: '!!! ..,;' })).rows).toEqual([]);
    expect((await client.call('orders.list', { q: '"*' })).total).toBe(0);
    await expect(client.call('orders.list', { q: '\u0000' })).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await client.call('orders.list', { q: '' })).total).toBe(60);
  });
});
