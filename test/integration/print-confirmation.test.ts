import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createTcpPrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { defaultPrinterFactory } from '../../electron/core/services/print-service';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { scanAll } from '../support/pack-helpers';
import { tempDir } from '../support/temp-dir';

/** A demo workspace whose default printer is the TCP emulator, with short waits so a test is quick. */
describe('a label is printed only when the printer confirms it', () => {
  let dir: ReturnType<typeof tempDir>;
  let emulator: ZplPrinterEmulator;
  let core: Core;
  let client: ApiClient;
  const events: Array<{ jobId: number; status: string; message: string }> = [];

  beforeEach(async () => {
    dir = tempDir();
    emulator = await startZplPrinterEmulator();
    core = createCore({
      dataDir: dir.path,
      printerFactory: (p) => p.kind === 'tcp'
        ? createTcpPrinter({ host: p.host, port: p.port, name: p.name, statusTimeoutMs: 300, confirmTimeoutMs: 500, closeGraceMs: 300 })
        : defaultPrinterFactory(p),
    });
    client = createInMemoryClient(core);
    events.length = 0;
    client.on('print.jobChanged', (e) => events.push(e));
    await client.call('printers.save', { name: 'Bench Zebra', kind: 'tcp', host: emulator.host, port: emulator.port, isDefault: true });
  });
  afterEach(async () => {
    await core.workspace().print.idle();
    client.close();
    core.close();
    await emulator.stop();
    dir.remove();
  });

  async function packOne() {
    const order = (await client.call('orders.list', { status: 'open' })).rows.at(-1)!;
    const view = await client.call('pack.open', { orderId: order.id });
    await scanAll(core, client, view.sessionId);
    const done = await client.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    return done.labelJob!.id;
  }

  it('a printer that accepts the connection and never reads leaves the job unconfirmed, in words, and Retry prints it', async () => {
    emulator.setState({ acceptNeverRead: true });
    const jobId = await packOne();
    const job = await client.call('print.job', { jobId });
    expect(job.status).toBe('unconfirmed');
    expect(job.error).toMatch(/^Printer 'Bench Zebra' at 127\.0\.0\.1:\d+ accepted the connection but never showed that it read the label/);
    expect(job.error).toContain('press Retry');
    expect(events.at(-1)).toMatchObject({ jobId, status: 'unconfirmed' });

    // A hung printer's silence is not "this printer never answers ~HS": once it is back the retry
    // still asks, so 'done' means the printer reported the label out of its buffer.
    emulator.setState({ acceptNeverRead: false });
    const queriesBefore = emulator.statusQueries();
    await client.call('print.retry', { jobId });
    await core.workspace().print.idle();
    expect((await client.call('print.job', { jobId })).status).toBe('done');
    expect(emulator.statusQueries()).toBeGreaterThan(queriesBefore);
    expect(emulator.printed()).toBe(1);
  });

  it('a label stuck on a hung printer goes to the second printer of the same kind, as the same job, on the order\'s timeline; a printer of another kind is refused in words', async () => {
    const spare = await startZplPrinterEmulator();
    try {
      emulator.setState({ acceptNeverRead: true });
      const jobId = await packOne();
      expect((await client.call('print.job', { jobId })).status).toBe('unconfirmed');
      const tsc = await client.call('printers.save', { name: 'Shelf TSC', kind: 'tcp', host: '127.0.0.1', port: spare.port, language: 'tspl', isDefault: false });
      const zebra2 = await client.call('printers.save', { name: 'Spare Zebra', kind: 'tcp', host: spare.host, port: spare.port, isDefault: false });

      await expect(client.call('print.moveTo', { jobId, printerId: tsc.id })).rejects.toThrow(
        /laid out for Bench Zebra \(ZPL II at 203 dpi on 4x6 in labels\); Shelf TSC prints TSPL at 203 dpi on 4x6 in labels/);
      expect(spare.jobs).toHaveLength(0);

      const moved = await client.call('print.moveTo', { jobId, printerId: zebra2.id });
      expect(moved).toMatchObject({ id: jobId, printerName: 'Spare Zebra' });
      await core.workspace().print.idle();
      expect(await client.call('print.job', { jobId })).toMatchObject({ status: 'done', printerName: 'Spare Zebra', error: '' });
      expect(spare.printed()).toBe(1);
      expect(spare.jobs[0]!.text).toMatch(/\^XA[\s\S]*\^XZ/);
      const orderId = (await client.call('print.job', { jobId })).orderId!;
      const timeline = (await client.call('orders.get', { id: orderId })).events.map((e) => e.message);
      expect(timeline).toContain(`Label job ${jobId} moved from Bench Zebra to Spare Zebra (not confirmed there).`);
      // printed: nothing more to move
      await expect(client.call('print.moveTo', { jobId, printerId: tsc.id })).rejects.toThrow(/already printed/);
    } finally {
      await spare.stop();
    }
  });

  it('a printer that is fine gives a confirmed label', async () => {
    const jobId = await packOne();
    expect((await client.call('print.job', { jobId })).status).toBe('done');
    expect(emulator.printed()).toBe(1);
  });

  it('a job whose status cannot be recorded fails in words instead of staying queued in silence', async () => {
    // a real SQLite failure at the moment the job is marked as sending (as a full disk would give)
    core.workspace().repos.db.$client.exec(`CREATE TRIGGER refuse_sending BEFORE UPDATE OF status ON print_jobs
      WHEN NEW.status = 'sending' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const jobId = await packOne();
    const job = await client.call('print.job', { jobId });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/could not record this label's progress.*press Retry/);
    await new Promise((r) => setTimeout(r, 20));
    expect(events.at(-1)).toMatchObject({ jobId, status: 'failed', message: job.error });
    expect(emulator.jobs).toHaveLength(0);
  });
});
