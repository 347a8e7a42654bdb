import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter, type FakePrinter } from '../../electron/core/drivers/printer';
import { createFakeHid, FAKE_DEVICES, type FakeHid } from '../../electron/core/drivers/hid/fake-hid';
import { hidPosScaleReport, type ScaleStatusCode } from '../../electron/core/drivers/hid/pos-descriptors';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { contentsKey } from '../../electron/core/services/weight-check';
import { scanAll } from '../support/pack-helpers';
import { tempDir } from '../support/temp-dir';

describe('a USB scale at the pack station', () => {
  let dir: ReturnType<typeof tempDir>;
  let bus: FakeHid;
  let core: Core;
  let client: ApiClient;
  let printer: FakePrinter;
  let readings: Array<EventPayload<'scale.reading'>>;
  const scale = FAKE_DEVICES.dymoM10();

  /** What a Dymo sends several times a second: the same report until the weight changes. */
  function weigh(grams: number, status: ScaleStatusCode = 4, times = 4): void {
    for (let i = 0; i < times; i++) bus.report(scale.path, hidPosScaleReport(status, 2, 0, grams));
  }

  beforeEach(async () => {
    dir = tempDir();
    bus = createFakeHid([scale]);
    printer = createFakePrinter({ name: 'Bench fake' });
    core = createCore({ dataDir: dir.path, actor: 'packer-1', printerFactory: () => printer, devices: { hid: bus, serial: null, pollMs: 60_000 } });
    client = createInMemoryClient(core);
    readings = [];
    core.onEvent((event, payload) => { if (event === 'scale.reading') readings.push(payload as EventPayload<'scale.reading'>); });
    await core.devices.hub.poll();
    weigh(0, 2); // the first report is stale and discarded; the rest say "empty"
  });
  afterEach(async () => {
    await core.workspace().print.idle();
    client.close();
    core.close();
    dir.remove();
  });

  /** An open order with every item scanned, and what its items weigh in the catalog. */
  async function packedButNotClosed() {
    const order = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
    const view = await client.call('pack.open', { orderId: order.id });
    await scanAll(core, client, view.sessionId);
    const expectation = await client.call('weight.expected', { sessionId: view.sessionId });
    expect(expectation.basis).toBe('products');
    return { order, sessionId: view.sessionId, expectation };
  }

  it('shows the live weight, and only a steady one counts', async () => {
    expect(await client.call('scale.current', {})).toMatchObject({ state: 'stable', grams: 0, deviceName: expect.stringContaining('M10') });
    weigh(1234, 3, 2);
    expect(readings.at(-1)).toMatchObject({ state: 'settling', stable: false, grams: 1234 });
    weigh(1234, 4, 4);
    expect(readings.at(-1)).toMatchObject({ state: 'stable', stable: true, grams: 1234, display: '1234 g' });
  });

  it('stops a parcel 20% heavier than it should be before its label, with the numbers, and lets it through at the right weight', async () => {
    const { order, sessionId, expectation } = await packedButNotClosed();
    const should = expectation.expectedGrams!;
    // the box is the one the label purchase would use: the demo shop's default "Medium box", 300 g empty
    expect(expectation.boxGrams).toBe(300);
    expect(should).toBe(expectation.productsGrams + 300);
    expect(expectation.words).toMatch(/products .* \+ Medium box 300 g\./);

    weigh(Math.round(should * 1.2));
    const refused = await client.call('pack.complete', { sessionId }).then(() => null, (e: unknown) => e as { code: string; message: string; hint: string });
    expect(refused?.code).toBe('conflict');
    expect(refused?.message).toMatch(new RegExp(`weighs .* but should weigh .* ± .*\\(products .* \\+ box 300 g\\)\\. It is .* \\(20%\\) too heavy; no label was made\\.`));
    expect(refused?.hint).toMatch(/extra item/);
    expect(printer.jobs).toHaveLength(0);
    expect((await client.call('orders.get', { id: order.id })).status).toBe('picking');

    // moving: not taken
    weigh(should, 3);
    await expect(client.call('pack.complete', { sessionId })).rejects.toMatchObject({ message: expect.stringMatching(/no steady weight yet/) });

    weigh(should + 7);
    const done = await client.call('pack.complete', { sessionId });
    expect(done.view.sessionStatus).toBe('completed');
    await core.workspace().print.idle();
    expect(printer.jobs[0]!.text).toContain(`WEIGHT ${((should + 7) / 1000).toFixed(3)} kg`);
    expect(core.workspace().repos.weights.forSession(sessionId)).toMatchObject({ grams: should + 7, expectedGrams: should, acceptedBy: '' });
  });

  it('learns the weight of the same items after three shipments and checks against that', async () => {
    const { order, sessionId } = await packedButNotClosed();
    const lines = (await client.call('pack.get', { sessionId })).lines.map((l) => ({ sku: l.sku, quantity: l.scanned }));
    const repos = core.workspace().repos;
    // three earlier parcels of exactly these items, packed in a heavier box than the default
    for (const grams of [2010, 1990, 2000]) {
      repos.weights.record({ orderId: order.id, sessionId, contents: contentsKey(lines), grams, expectedGrams: null, acceptedBy: '', acceptReason: '', at: new Date().toISOString() });
    }
    const learned = await client.call('weight.expected', { sessionId });
    expect(learned).toMatchObject({ basis: 'history', expectedGrams: 2000, shipments: 3, toleranceGrams: 200 });
    expect(learned.words).toMatch(/learned from 3 earlier parcels/);

    weigh(2400);
    await expect(client.call('pack.complete', { sessionId })).rejects.toMatchObject({ message: expect.stringMatching(/should weigh 2\.000 kg ± 200 g \(learned from 3 earlier parcels of exactly these items\)/) });
    weigh(2050);
    expect((await client.call('pack.complete', { sessionId })).view.sessionStatus).toBe('completed');
  });

  it('lets a supervisor accept a weight outside the tolerance, on the record', async () => {
    const { sessionId, expectation } = await packedButNotClosed();
    const odd = Math.round(expectation.expectedGrams! * 1.5);
    weigh(odd);
    await expect(client.call('pack.complete', { sessionId })).rejects.toMatchObject({ code: 'conflict' });
    const ok = await client.call('weight.accept', { sessionId, supervisor: 'Sam', reason: 'gift wrap and a catalogue added' });
    expect(ok.message).toMatch(/Sam accepted/);
    expect((await client.call('pack.complete', { sessionId })).view.sessionStatus).toBe('completed');
    expect(core.workspace().repos.weights.forSession(sessionId)).toMatchObject({ grams: odd, acceptedBy: 'Sam', acceptReason: 'gift wrap and a catalogue added' });
  });

  it('packs by catalog weight (products + box) with no scale, and says so when the scale is unplugged', async () => {
    bus.unplug(scale.path);
    expect(await client.call('scale.current', {})).toMatchObject({ state: 'none', words: expect.stringMatching(/^Unplugged\. Plug it back in/) });
    const { sessionId, expectation } = await packedButNotClosed();
    await client.call('pack.complete', { sessionId });
    await core.workspace().print.idle();
    const catalog = expectation.productsGrams + expectation.boxGrams;
    expect(printer.jobs[0]!.text).toContain(`WEIGHT ${Math.floor(catalog / 1000)}.${String(catalog % 1000).padStart(3, '0')} kg`);
  });
});
