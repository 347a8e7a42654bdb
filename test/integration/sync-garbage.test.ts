import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SKUS, startSyncStation, type SyncStation } from '../support/sync-station';

const stations: SyncStation[] = [];
afterEach(async () => { vi.restoreAllMocks(); while (stations.length) await stations.pop()!.close(); });

describe('garbage from a channel', () => {
  it('bad JSON, an order with missing fields and a 2 MB note are errors in words on the Sync screen and in the log; the other orders keep coming', async () => {
    const logged: string[] = [];
    for (const level of ['error', 'warn'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
    const s = await startSyncStation();
    stations.push(s);
    const [a, b] = DEMO_SKUS(s.core);
    await s.waitFor('the first pull', () => s.core.workspace().repos.sync.state(s.channelId).lastPullAt);

    // 1. the order list comes back as a PHP warning followed by JSON
    s.emu.faults.queue(/\/orders$/, 'garbage', 'after', 'GET');
    const good1 = s.placeOrder([{ sku: a!, quantity: 1 }]);
    // 2. an order without its line items
    const broken = s.placeOrder([{ sku: a!, quantity: 1 }]);
    const raw = JSON.parse(JSON.stringify(s.emu.store.order(broken))) as Record<string, unknown>;
    delete raw.line_items;
    s.emu.store.rawOverrides.set(broken, raw);
    // 3. a customer note of 2 MB
    const longNote = s.placeOrder([{ sku: b!, quantity: 1 }], { customer_note: 'Bitte klingeln. '.repeat(131_072) });
    const good2 = s.placeOrder([{ sku: b!, quantity: 2 }]);
    await s.client.call('sync.now', {});

    await s.waitFor('the good orders', () => s.localId(good1) && s.localId(good2) && s.localId(longNote));
    expect(s.localId(broken)).toBeUndefined();
    const status = (await s.client.call('sync.status', {})).channels.find((c) => c.channelId === s.channelId)!;
    const words = status.errors.map((e) => e.words).join('\n');
    expect(words).toMatch(/answered with something that is not JSON while reading orders/);
    expect(words).toMatch(new RegExp(`order ${broken} could not be read: it has no line_items.*fix this one in WooCommerce`));
    expect(words).toMatch(/customer note of 2,048 KB; the first 10,000 characters were kept/);
    expect(logged.join('\n')).toMatch(new RegExp(`\\[sync\\] Test WooCommerce: .*order ${broken} could not be read`));
    expect(logged.join('\n')).toMatch(/not JSON: <br \/>/);
    expect(logged.join('\n')).not.toMatch(new RegExp(s.emu.consumerSecret));

    // the engine carries on: it still ships what the bench packs, and a fixed order comes in when it changes
    await s.pack(s.localId(good2)!);
    await s.waitFor('the shipment', () => s.emu.store.order(good2).status === 'completed');
    s.emu.store.rawOverrides.delete(broken);
    s.emu.store.updateOrder(broken, { customer_note: 'fixed' });
    await s.client.call('sync.now', {});
    await s.waitFor('the fixed order', () => s.localId(broken));
    expect((await s.client.call('sync.status', {})).channels.find((c) => c.channelId === s.channelId)!.state).toBe('online');
  });
});
