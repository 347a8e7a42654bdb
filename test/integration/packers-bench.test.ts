import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { createFakePrinter, type FakePrinter } from '../../electron/core/drivers/printer';
import { tempDir } from '../support/temp-dir';
import { setUpWarehouse } from '../support/workspace-setup';

let now = new Date('2026-11-27T10:00:00.000Z');
const clock = { now: () => now };

describe('packers at the bench (real SQLite file, two screens)', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let owner: ApiClient;
  let benchA: ApiClient;
  let benchB: ApiClient;
  let printer: FakePrinter;
  beforeEach(() => {
    printer = createFakePrinter();
    now = new Date('2026-11-27T10:00:00.000Z');
    dir = tempDir();
    core = createCore({ dataDir: dir.path, clock, actor: 'os-user', firstRun: 'empty', printerFactory: () => printer });
    owner = createInMemoryClient(core);
    benchA = createInMemoryClient(core);
    benchB = createInMemoryClient(core);
  });
  afterEach(() => {
    for (const c of [owner, benchA, benchB]) c.close();
    core.close();
    dir.remove();
  });

  async function orderReady() {
    const { location, bins } = await setUpWarehouse(owner);
    const d = await owner.call('deliveries.create', { locationId: location.id, reference: 'D1' });
    await owner.call('deliveries.scan', { deliveryId: d.id, binId: bins.a1.id, code: '14006381333938' });
    await owner.call('deliveries.scan', { deliveryId: d.id, binId: bins.a10.id, code: '14006381333938' });
    return { location, bins };
  }

  it('stores PINs only as hashes, records each screen\'s own packer on scans, packs and movements, and refuses work with nobody chosen', async () => {
    const { location } = await orderReady();
    const anna = await owner.call('packers.save', { name: 'Anna', pin: '4821' });
    const ben = await owner.call('packers.save', { name: 'Ben' });
    const raw = core.workspace().repos.db.$client.prepare('SELECT pin_hash FROM packers WHERE id = ?').get(anna.id) as { pin_hash: string };
    expect(raw.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(raw.pin_hash).not.toContain('4821');
    expect(anna.hasPin).toBe(true);

    const order = await owner.call('orders.createManual', {
      locationId: location.id, currency: 'GBP', lines: [{ sku: 'MUG-BLUE', quantity: 6, unitPriceMinor: 1450 }],
      shipTo: { name: 'Mary O’Brien', line1: '7 Grafton Street', city: 'Dublin 2', postalCode: 'D02 XY45', countryCode: 'IE' },
    }).catch((e: unknown) => e);
    // packers exist, nobody chosen on the owner's screen: nothing recorded, in words
    expect(order).toMatchObject({ code: 'unauthorized', message: 'Choose who is packing before recording work: nothing was recorded.' });

    await expect(benchA.call('bench.signIn', { packerId: anna.id, pin: '0000' })).rejects.toMatchObject({ message: 'Wrong PIN for Anna. 4 tries left before a 5-minute lock.' });
    const a = await benchA.call('bench.signIn', { packerId: anna.id, pin: '4821' });
    expect(a.packer?.name).toBe('Anna');
    await benchB.call('bench.signIn', { packerId: ben.id });
    expect((await benchB.call('bench.current', {})).packer?.name).toBe('Ben');
    expect((await owner.call('bench.current', {})).packer).toBeNull();

    const made = await benchB.call('orders.createManual', {
      locationId: location.id, currency: 'GBP', lines: [{ sku: 'MUG-BLUE', quantity: 6, unitPriceMinor: 1450 }],
      shipTo: { name: 'Mary O’Brien', line1: '7 Grafton Street', city: 'Dublin 2', postalCode: 'D02 XY45', countryCode: 'IE' },
    });
    const view = await benchA.call('pack.open', { orderId: made.id });
    // a code the catalog does not know: refused, and counted against the packer who scanned it
    expect(await benchA.call('pack.scan', { sessionId: view.sessionId, code: 'NOT-OURS-1' })).toMatchObject({ outcome: 'unknown_code' });
    // a case barcode counts its 6 units at the bench
    const scan = await benchA.call('pack.scan', { sessionId: view.sessionId, code: '14006381333938' });
    expect(scan).toMatchObject({ outcome: 'accepted', message: 'Case of 6: MUG-BLUE: 6 of 6' });
    // the printer is off: the label fails, and the dashboard counts it for the packer of that parcel
    printer.setCondition('offline');
    await benchA.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    const detail = await owner.call('orders.get', { id: made.id });
    expect(detail.events.find((e) => e.kind === 'created')!.actor).toBe('Ben');
    expect(detail.events.find((e) => e.kind === 'packed')!.actor).toBe('Anna');
    const moves = await owner.call('inventory.history', { variantId: detail.lines[0]!.variantId!, locationId: location.id });
    const pick = moves.filter((m) => m.kind === 'pick');
    // the 6 came out of the home bin (A-1-2) first: one movement, by Anna
    expect(pick.map((m) => [m.onHandDelta, m.actor])).toEqual([[-6, 'Anna']]);
    const scans = core.workspace().repos.db.$client.prepare('SELECT actor FROM pack_scans').all() as Array<{ actor: string }>;
    expect(scans.every((s) => s.actor === 'Anna')).toBe(true);

    // a reload of screen A keeps Anna (the screen's token), a sign-out ends it
    const again = createInMemoryClient(core);
    expect((await again.call('bench.resume', { token: a.token })).packer?.name).toBe('Anna');
    await again.call('bench.signOut', {});
    expect((await again.call('bench.resume', { token: a.token })).packer).toBeNull();
    again.close();

    const dash = await owner.call('packers.dashboard', { hours: 12 });
    expect(dash.packers.find((p) => p.packer === 'Anna')).toMatchObject({ orders: 1, parcels: 1, items: 6, refusals: 1, labelsFailed: 1 });
    expect(dash.perHour).toEqual([{ hour: '2026-11-27T10:00:00.000Z', packer: 'Anna', orders: 1 }]);
  });

  it('locks a packer after 5 wrong PINs, counting attempts even though each one is refused', async () => {
    const anna = await owner.call('packers.save', { name: 'Anna', pin: '4821' });
    for (let i = 0; i < 4; i++) await expect(benchA.call('bench.signIn', { packerId: anna.id, pin: '1111' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(benchA.call('bench.signIn', { packerId: anna.id, pin: '1111' })).rejects.toMatchObject({ message: 'Wrong PIN for Anna, 5 times: signing in as Anna is locked until 10:05 UTC.' });
    // locked: even the right PIN is refused until the time is up
    await expect(benchA.call('bench.signIn', { packerId: anna.id, pin: '4821' })).rejects.toMatchObject({ message: /locked after too many wrong PINs, until 10:05 UTC/ });
    now = new Date('2026-11-27T10:06:00.000Z');
    expect((await benchA.call('bench.signIn', { packerId: anna.id, pin: '4821' })).packer?.name).toBe('Anna');
  });

  it('needs a supervisor PIN for an override and for changing the team once a supervisor exists', async () => {
    const { location } = await orderReady();
    const sue = await owner.call('packers.save', { name: 'Sue', role: 'supervisor', pin: '9876' });
    await expect(owner.call('packers.save', { name: 'Ben' })).rejects.toMatchObject({ message: 'Changing the team needs a supervisor.' });
    const ben = await owner.call('packers.save', { name: 'Ben', authorizedBy: { supervisor: 'sue', pin: '9876' } });
    await expect(owner.call('packers.save', { name: 'Sam', role: 'supervisor', authorizedBy: { supervisor: 'Sue', pin: '9876' } })).rejects.toMatchObject({ message: /A supervisor needs a PIN/ });
    await benchA.call('bench.signIn', { packerId: ben.id });
    const made = await benchA.call('orders.createManual', {
      locationId: location.id, currency: 'GBP', lines: [{ sku: 'MUG-BLUE', quantity: 2, unitPriceMinor: 1450 }],
      shipTo: { name: 'Emma Lindqvist', line1: 'Drottninggatan 5', city: 'Stockholm', postalCode: '111 51', countryCode: 'SE' },
    });
    const view = await benchA.call('pack.open', { orderId: made.id });
    const lineId = view.lines[0]!.lineId;
    await expect(benchA.call('pack.override', { sessionId: view.sessionId, lineId, supervisor: 'Ben', reason: 'label torn', pin: '' }))
      .rejects.toMatchObject({ message: 'Ben is not a supervisor on the team, so the override was not done.' });
    await expect(benchA.call('pack.override', { sessionId: view.sessionId, lineId, supervisor: 'Sue', reason: 'label torn', pin: '1234' }))
      .rejects.toMatchObject({ message: /Wrong PIN for Sue/ });
    const done = await benchA.call('pack.override', { sessionId: view.sessionId, lineId, supervisor: 'SUE', reason: 'label torn', pin: '9876' });
    expect(done.verified).toBe(true);
    const detail = await owner.call('orders.get', { id: made.id });
    expect(detail.events.find((e) => e.kind === 'pack_override')).toMatchObject({ actor: 'Sue', details: { packer: 'Ben' } });
    expect(sue.role).toBe('supervisor');
  });

  it('resets to the demo from a screen with a packer chosen: seeding is the station\'s work, and the old packer means nothing in the new workspace', async () => {
    const anna = await owner.call('packers.save', { name: 'Anna' });
    await benchA.call('bench.signIn', { packerId: anna.id });
    const info = await benchA.call('workspace.resetDemo', { confirm: true });
    expect(info).toMatchObject({ kind: 'demo', counts: { orders: 60 } });
    expect((await benchA.call('bench.current', {})).packer).toBeNull();
    const first = (await benchA.call('orders.list', {})).rows[0]!;
    const detail = await benchA.call('orders.get', { id: first.id });
    expect(detail.events[0]!.actor).toBe('os-user');
  });
});
