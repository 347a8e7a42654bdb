import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { createFakeHid } from '../../electron/core/drivers/hid/fake-hid';
import { createCupsBackend } from '../../electron/core/drivers/printer/os-queue';
import { createOsQueuePrinter } from '../../electron/core/drivers/printer/os-queue-printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { scanAll } from '../support/pack-helpers';
import { startPrivateCups, type PrivateCups } from '../support/private-cups';
import { tempDir } from '../support/temp-dir';

/**
 * CUPS for real: a private scheduler with a raw queue whose backend is socket://127.0.0.1:PORT, the
 * TCP printer emulator at the other end. Skipped, with the reason printed, only where cupsd cannot run.
 */
describe('printing through the computer\'s print queue (CUPS, raw)', () => {
  const dir = tempDir('packbench-cups-');
  let cups: PrivateCups | null = null;
  let emulator: ZplPrinterEmulator;
  let skipped = '';

  beforeAll(async () => {
    const started = await startPrivateCups(dir.path);
    if (!started.ok) {
      skipped = started.reason;
      console.warn(`[cups] CUPS tests skipped on this machine: ${skipped}`);
      return;
    }
    cups = started.cups;
    emulator = await startZplPrinterEmulator();
    cups.addRawQueue('PB-Label', `socket://127.0.0.1:${emulator.port}`);
  }, 30_000);
  afterAll(async () => {
    await emulator?.stop();
    await cups?.stop();
    dir.remove();
  });

  it('sends a label through the queue that reaches the printer byte for byte, and confirms it from the queue', async (ctx) => {
    if (!cups) return ctx.skip();
    const backend = createCupsBackend({ env: cups.env });
    expect(await backend.list()).toEqual([{ name: 'PB-Label', state: 'idle', accepting: true, reason: '' }]);
    const printer = createOsQueuePrinter({ name: 'Queue Zebra', queue: 'PB-Label', backend });
    const job = Buffer.from('^XA^CI28^FO20,20^A0N,40,40^FH_^FDZo_C3_AB M_C3_BCller^FS^XZ', 'utf8');
    const receipt = await printer.send(job, { jobId: '7', name: 'order-7' });
    expect(receipt).toEqual({ confirmed: true, how: expect.stringMatching(/^the print queue reports job PB-Label-\d+ completed\.$/) });
    const [received] = await emulator.waitForJobs(1, 10_000);
    expect(Buffer.compare(received!.bytes, job)).toBe(0);
  });

  it('refuses, in words and sending nothing, while the queue is stopped', async (ctx) => {
    if (!cups) return ctx.skip();
    const backend = createCupsBackend({ env: cups.env });
    const printer = createOsQueuePrinter({ name: 'Queue Zebra', queue: 'PB-Label', backend });
    cups.run('cupsdisable', '-r', 'paper jam', 'PB-Label');
    try {
      expect((await printer.status()).message).toMatch(/is not ready\. Its print queue is stopped \(paper jam\): .*cupsenable PB-Label/);
      await expect(printer.send(Buffer.from('^XA^XZ'), { jobId: '8', name: 'x' })).rejects.toMatchObject({ nothingSent: true });
    } finally {
      cups.run('cupsenable', 'PB-Label');
    }
    const missing = createOsQueuePrinter({ name: 'Nowhere', queue: 'No-Such-Queue', backend });
    expect((await missing.status()).message).toMatch(/There is no print queue called No-Such-Queue on this computer/);
  });

  it('at the station: the queue shows on the Devices screen, becomes the label printer, and a packed order\'s label reaches the printer as stored', async (ctx) => {
    if (!cups) return ctx.skip();
    const data = tempDir();
    const core = createCore({ dataDir: data.path, actor: 'packer-1', devices: { hid: createFakeHid(), serial: null, osQueues: createCupsBackend({ env: cups.env }), pollMs: 60_000 } });
    const client = createInMemoryClient(core);
    try {
      await core.devices.hub.poll();
      const queue = (await client.call('devices.list', {})).devices.find((d) => d.id === 'queue:PB-Label')!;
      expect(queue).toMatchObject({ kind: 'printer', connection: 'os-queue', state: 'not-set-up' });
      await client.call('devices.makeLabelPrinter', { deviceId: queue.id });
      const before = emulator.jobs.length;
      const order = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
      const view = await client.call('pack.open', { orderId: order.id });
      await scanAll(core, client, view.sessionId);
      const done = await client.call('pack.complete', { sessionId: view.sessionId });
      await core.workspace().print.idle();
      const stored = await client.call('print.job', { jobId: done.labelJob!.id });
      expect(stored.status).toBe('done');
      const jobs = await emulator.waitForJobs(before + 1, 10_000);
      // byte for byte, the job's own last line end included
      expect(Buffer.compare(jobs.at(-1)!.bytes, Buffer.from(stored.zpl, 'utf8'))).toBe(0);
      expect((await client.call('devices.list', {})).devices.find((d) => d.id === queue.id)).toMatchObject({ state: 'ready', printer: { isLabelPrinter: true } });
    } finally {
      client.close();
      core.close();
      data.remove();
    }
  });
});
