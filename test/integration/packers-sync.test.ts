import { afterEach, describe, expect, it } from 'vitest';
import { startSyncStation, type SyncStation } from '../support/sync-station';

let station: SyncStation | null = null;
afterEach(async () => { await station?.close(); station = null; });

/**
 * Packers are required once the team has one, and a screen with nobody chosen may record no work. The sync
 * engine's timers, though, are started by a screen's request (a shop connected, "Sync now"): they are the
 * station's own work and must keep landing orders whoever is, or is not, at that screen.
 */
describe('channel orders while packers are required', () => {
  it('keep arriving, with stock reserved, after the screen that connected the shop has nobody chosen', async () => {
    station = await startSyncStation();
    const s = station;
    await s.client.call('packers.save', { name: 'Anna', pin: '4821' });
    // the same screen, still with nobody chosen, cannot record work itself
    const first = s.core.workspace().repos.db.$client.prepare('SELECT id FROM orders ORDER BY id LIMIT 1').get() as { id: number };
    await expect(s.client.call('pack.open', { orderId: first.id })).rejects.toMatchObject({ message: expect.stringMatching(/Choose who is packing/) });
    await s.client.call('sync.now', {});

    const repos = s.core.workspace().repos;
    const sku = (repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').get() as { sku: string }).sku;
    const committed = () => repos.inventory.balance(repos.catalog.variantBySku(sku)!.id, 1).committed;
    const before = committed();
    const w = s.placeOrder([{ sku, quantity: 2 }]);
    const id = await s.waitFor('the shop order', () => s.localId(w));
    const detail = await s.client.call('orders.get', { id });
    expect(detail.lines.map((l) => [l.sku, l.quantity])).toEqual([[sku, 2]]);
    const created = detail.events.find((e) => e.kind === 'created');
    expect(created?.actor).toBe('packer-1');
    expect(committed() - before).toBe(2);
  });
});
