import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { scanAll } from '../support/pack-helpers';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;
const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => { while (dirs.length) dirs.pop()!.remove(); });

/** An order whose first line needs at least `units`, so every scan of its item is accepted. */
function bigOrder(dataDir: string, units: number): number {
  const core = createCore({ dataDir, actor: 'setup' });
  const ws = core.workspace();
  const sku = (ws.repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').get() as { sku: string }).sku;
  const [id] = ws.orders.importOrders([{
    channelId: 1, externalId: 'kill-test', number: '#KILL-1', locationId: 1, customerName: 'Zoë Müller',
    shipTo: { name: 'Zoë Müller', company: '', line1: 'Königstraße 1', line2: '', line3: '', city: 'Stuttgart', region: '', postalCode: '70173', countryCode: 'DE', phone: '', email: '' },
    currency: 'EUR', subtotalMinor: 100, shippingMinor: 0, taxMinor: 0, totalMinor: 100, createdAt: '2026-11-27T10:00:00.000Z',
    lines: [{ sku, title: 'x', quantity: units, unitPriceMinor: 100 }],
  }], 'test').imported;
  core.close();
  return id!;
}

describe('pack sessions survive a kill', () => {
  it('a station killed (SIGKILL) after N scans resumes with exactly N scans', async () => {
    const dir = tempDir(); dirs.push(dir);
    const orderId = bigOrder(dir.path, 50);
    const N = 13;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/pack-worker.ts'), dir.path, String(orderId), String(N)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('waiting')) resolve(); });
      child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(out.match(/scanned \d+/g)).toHaveLength(N);

    const core = createCore({ dataDir: dir.path, actor: 'packer-2' });
    const client = createInMemoryClient(core);
    try {
      const resumed = await client.call('pack.current', {});
      expect(resumed?.orderId).toBe(orderId);
      expect(core.workspace().repos.pack.scanCount(resumed!.sessionId)).toBe(N);
      expect(resumed!.lines[0]!.scanned).toBe(Math.ceil(N / 2)); // the odd scans were good ones
      expect(resumed!.scans.filter((s) => s.outcome === 'unknown_code')).toHaveLength(Math.floor(N / 2));
      // and the bench carries on from there
      const next = await client.call('pack.open', { orderId });
      expect(next.sessionId).toBe(resumed!.sessionId);
    } finally {
      client.close();
      core.close();
    }
  });

  it('the packed transition writes the ledger movements, the events and the outbox row, or none of them', async () => {
    const dir = tempDir(); dirs.push(dir);
    const core = createCore({ dataDir: dir.path, actor: 'packer', printerFactory: () => createFakePrinter() });
    const client = createInMemoryClient(core);
    const c = core.workspace().repos.db.$client;
    const count = (sql: string, ...p: unknown[]) => (c.prepare(sql).get(...p) as { n: number }).n;
    try {
      const order = (await client.call('orders.list', { status: 'open' })).rows[0]!;
      const view = await client.call('pack.open', { orderId: order.id });
      await scanAll(core, client, view.sessionId);
      const before = {
        movements: count('SELECT count(*) AS n FROM inventory_movements'), events: count('SELECT count(*) AS n FROM order_events WHERE order_id = ?', order.id),
        outbox: count('SELECT count(*) AS n FROM outbox'), jobs: count('SELECT count(*) AS n FROM print_jobs'),
      };
      // a failure at the very end of the transaction (the channel's outbox row) must undo everything before it
      c.exec(`CREATE TEMP TRIGGER fail_packed_outbox BEFORE INSERT ON outbox WHEN json_extract(NEW.payload, '$.status') = 'packed'
        BEGIN SELECT RAISE(ABORT, 'simulated failure writing the outbox'); END`);
      await expect(client.call('pack.complete', { sessionId: view.sessionId })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Nothing was changed/) });
      expect({
        movements: count('SELECT count(*) AS n FROM inventory_movements'), events: count('SELECT count(*) AS n FROM order_events WHERE order_id = ?', order.id),
        outbox: count('SELECT count(*) AS n FROM outbox'), jobs: count('SELECT count(*) AS n FROM print_jobs'),
      }).toEqual(before);
      expect((await client.call('pack.get', { sessionId: view.sessionId })).orderStatus).toBe('picking');

      c.exec('DROP TRIGGER fail_packed_outbox');
      const done = await client.call('pack.complete', { sessionId: view.sessionId });
      expect(done.view.orderStatus).toBe('packed');
      const skus = new Set(view.lines.map((l) => l.sku)).size;
      expect(count('SELECT count(*) AS n FROM inventory_movements') - before.movements).toBe(skus);
      expect(count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind IN ('packed', 'status')", order.id)).toBeGreaterThanOrEqual(2);
      // the channel hears both: what went in the parcel, and that the order is packed
      expect(count('SELECT count(*) AS n FROM outbox') - before.outbox).toBe(2);
      expect((c.prepare('SELECT topic FROM outbox ORDER BY id DESC LIMIT 2').all() as Array<{ topic: string }>).map((r) => r.topic).sort()).toEqual(['order.fulfilled', 'order.status']);
      expect(count('SELECT count(*) AS n FROM print_jobs') - before.jobs).toBe(1);
      await core.workspace().print.idle();
    } finally {
      client.close();
      core.close();
    }
  });
});
