import { beforeEach, describe, expect, it } from 'vitest';
import { GS } from '../../shared/codes';
import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import type { FakePrinter } from '../../electron/core/drivers/printer';
import { decodeBarcodesFromPng } from '../support/barcodes';
import { renderZplToPng } from '../../electron/core/labels';
import { internalCode, printedBarcode, scanAll, skuNotIn } from '../support/pack-helpers';
import { usePackBench } from '../support/pack-bench';

describe('pack station through the typed client', () => {
  const bench = usePackBench();
  let core: Core;
  let client: ApiClient;
  let printer: FakePrinter;
  beforeEach(() => { ({ core, client, printer } = bench); });

  async function openFirstOrder() {
    const order = (await client.call('orders.list', { status: 'open' })).rows.at(-1)!;
    return client.call('pack.open', { code: order.number });
  }

  it('counts right items, refuses wrong, extra, unknown and malformed codes without counting them', async () => {
    const view = await openFirstOrder();
    expect(view.orderStatus).toBe('picking');
    const line = view.lines[0]!;
    const good = await client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(core, line.sku) });
    expect(good.outcome).toBe('accepted');
    expect(good.view.lines[0]!.scanned).toBe(1);

    const wrongSku = skuNotIn(core, view.lines.map((l) => l.sku));
    const wrong = await client.call('pack.scan', { sessionId: view.sessionId, code: internalCode(core, wrongSku) });
    expect(wrong.outcome).toBe('wrong_item');
    expect(wrong.message).toContain(wrongSku);

    for (let i = 1; i < line.expected; i++) await client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(core, line.sku) });
    const over = await client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(core, line.sku) });
    expect(over.outcome).toBe('over_scan');
    expect(over.view.lines[0]!.scanned).toBe(line.expected);

    const unknown = await client.call('pack.scan', { sessionId: view.sessionId, code: '4006381333931' });
    expect(unknown.outcome).toBe('unknown_code');
    expect(unknown.code).toBe('04006381333931');
    const malformed = await client.call('pack.scan', { sessionId: view.sessionId, code: '4006381333932' });
    expect(malformed.outcome).toBe('invalid_code');
    expect(malformed.message).toMatch(/check digit/i);

    const otherOrder = (await client.call('orders.list', { status: 'open' })).rows[0]!;
    const slip = await client.call('pack.scan', { sessionId: view.sessionId, code: otherOrder.number });
    expect(slip).toMatchObject({ outcome: 'wrong_item', message: expect.stringContaining(`packing slip of order ${otherOrder.number}`) });

    const after = await client.call('pack.get', { sessionId: view.sessionId });
    expect(after.lines[0]!.scanned).toBe(line.expected);
    expect(after.scans.map((s) => s.outcome)).toEqual(expect.arrayContaining(['wrong_item', 'over_scan', 'unknown_code', 'invalid_code']));
  });

  it('undo takes back the last counted scan; x12 counts a case; an unknown code can be assigned with a reason', async () => {
    const view = await openFirstOrder();
    const line = view.lines[0]!;
    await client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(core, line.sku) });
    const undone = await client.call('pack.undo', { sessionId: view.sessionId });
    expect(undone.lines[0]!.scanned).toBe(0);
    await expect(client.call('pack.undo', { sessionId: view.sessionId })).rejects.toMatchObject({ code: 'conflict' });

    await client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(core, line.sku) });
    const tooMany = await client.call('pack.multiply', { sessionId: view.sessionId, quantity: 12 });
    expect(tooMany.outcome).toBe('over_scan');
    if (line.expected > 1) {
      const ok = await client.call('pack.multiply', { sessionId: view.sessionId, quantity: line.expected });
      expect(ok.outcome).toBe('accepted');
      expect(ok.view.lines[0]!.scanned).toBe(line.expected);
    }

    const newCode = '4006381333931';
    await expect(client.call('pack.assignCode', { sessionId: view.sessionId, code: newCode, sku: line.sku, reason: '' })).rejects.toMatchObject({ code: 'invalid_request' });
    await client.call('pack.undo', { sessionId: view.sessionId });
    const assigned = await client.call('pack.assignCode', { sessionId: view.sessionId, code: newCode, sku: line.sku, reason: 'supplier relabelled the box' });
    expect(assigned).toMatchObject({ code: '04006381333931', sku: line.sku, symbology: 'ean-13' });
    const rescanned = await client.call('pack.scan', { sessionId: view.sessionId, code: newCode });
    expect(rescanned.outcome).toBe('accepted');
    const detail = await client.call('orders.get', { id: view.orderId });
    expect(detail.events.map((e) => e.message).join('\n')).toContain('supplier relabelled the box');
  });

  it('a GS1 scan resolves its GTIN to the SKU and records lot, expiry and serial', async () => {
    const view = await openFirstOrder();
    const line = view.lines[0]!;
    const gtin14 = `0${printedBarcode(core, line.sku)}`.slice(-14).padStart(14, '0');
    const gs1 = `]d201${gtin14}1727123110LOT-7${GS}21SN0042`;
    const r = await client.call('pack.scan', { sessionId: view.sessionId, code: gs1 });
    expect(r.outcome).toBe('accepted');
    expect(r.view.scans[0]).toMatchObject({ lot: 'LOT-7', expiry: '2027-12-31', serial: 'SN0042', sku: line.sku });
  });

  it('completing writes the pick movements, the events, the outbox row and a label the printer decodes', async () => {
    const view = await openFirstOrder();
    await expect(client.call('pack.complete', { sessionId: view.sessionId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.call('print.label', { orderId: view.orderId })).rejects.toMatchObject({ message: expect.stringMatching(/not verified/) });
    await scanAll(core, client, view.sessionId);
    const done = await client.call('pack.complete', { sessionId: view.sessionId });
    expect(done.view.orderStatus).toBe('packed');
    expect(done.view.sessionStatus).toBe('completed');
    expect(done.labelJob?.status).toBe('queued');
    await core.workspace().print.idle();
    expect(printer.jobs).toHaveLength(1);
    const zpl = Buffer.from(printer.jobs[0]!.bytes).toString('utf8');
    const codes = await decodeBarcodesFromPng(await renderZplToPng(zpl));
    expect(codes.map((c) => c.text)).toContain(view.orderNumber);
    const job = (await client.call('print.jobs', { orderId: view.orderId }))[0]!;
    expect(job.status).toBe('done');

    const c = core.workspace().repos.db.$client;
    const picks = c.prepare("SELECT count(*) AS n FROM inventory_movements WHERE kind = 'pick' AND reference = ?").get(`order:${view.orderId}`) as { n: number };
    expect(picks.n).toBe(new Set(view.lines.map((l) => l.sku)).size);
    const outbox = c.prepare("SELECT payload FROM outbox WHERE topic = 'order.status'").all() as Array<{ payload: string }>;
    expect(outbox.map((o) => JSON.parse(o.payload).status)).toContain('packed');
  });

  it('with the printer off the job fails in words, is kept, and prints on retry', async () => {
    printer.setCondition('offline');
    const view = await openFirstOrder();
    await scanAll(core, client, view.sessionId);
    const done = await client.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    const failed = (await client.call('print.jobs', { orderId: view.orderId }))[0]!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/kept|reprint/i);
    // the next order is not blocked
    const next = (await client.call('orders.list', { status: 'open' })).rows.at(-1)!;
    expect((await client.call('pack.open', { orderId: next.id })).orderStatus).toBe('picking');
    printer.setCondition('ready');
    await client.call('print.retry', { jobId: done.labelJob!.id });
    await core.workspace().print.idle();
    expect((await client.call('print.jobs', { orderId: view.orderId }))[0]!.status).toBe('done');
    expect(printer.jobs).toHaveLength(1);
  });

  it('splits a partial pack into parcels, and a supervisor override is recorded with its reason', async () => {
    const orders = (await client.call('orders.list', { status: 'open', limit: 100 })).rows;
    let view = null;
    for (const o of orders) {
      const d = await client.call('orders.get', { id: o.id });
      if (d.lines.length >= 2) { view = await client.call('pack.open', { orderId: o.id }); break; }
    }
    expect(view).not.toBeNull();
    const [first, second] = view!.lines;
    for (let i = 0; i < first!.expected; i++) await client.call('pack.scan', { sessionId: view!.sessionId, code: printedBarcode(core, first!.sku) });
    const parcel1 = await client.call('pack.split', { sessionId: view!.sessionId, reason: 'second item arrives tomorrow' });
    expect(parcel1.view.orderStatus).toBe('picking');
    const parcel2 = await client.call('pack.open', { orderId: view!.orderId });
    expect(parcel2.parcelNo).toBe(2);
    expect(parcel2.lines.find((l) => l.lineId === first!.lineId)).toMatchObject({ packedEarlier: first!.expected, expected: 0, complete: true });
    const overridden = await client.call('pack.override', { sessionId: parcel2.sessionId, lineId: second!.lineId, supervisor: 'Sam', reason: 'barcode label torn off' });
    const rest = overridden.lines.filter((l) => !l.complete);
    for (const l of rest) for (let i = 0; i < l.expected; i++) await client.call('pack.scan', { sessionId: parcel2.sessionId, code: printedBarcode(core, l.sku) });
    const done = await client.call('pack.complete', { sessionId: parcel2.sessionId });
    expect(done.view.orderStatus).toBe('packed');
    const detail = await client.call('orders.get', { id: view!.orderId });
    const timeline = detail.events.map((e) => `${e.actor}: ${e.message}`).join('\n');
    expect(timeline).toContain('second item arrives tomorrow');
    expect(timeline).toMatch(/Sam: Supervisor Sam confirmed .* barcode label torn off/);
  });

  it('refuses to pack orders that are on hold, packed or unknown, in words', async () => {
    const order = (await client.call('orders.list', { status: 'open' })).rows[0]!;
    await client.call('orders.transition', { id: order.id, to: 'on_hold', reason: 'address check' });
    await expect(client.call('pack.open', { code: order.number })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/on hold/) });
    await expect(client.call('pack.open', { code: 'NOPE-123' })).rejects.toMatchObject({ code: 'not_found', hint: expect.stringMatching(/packing slip/) });
    await expect(client.call('pack.scan', { sessionId: 99999, code: '123' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('opens an order from its packing slip QR payload and the slip is a standalone HTML page', async () => {
    const order = (await client.call('orders.list', { status: 'open' })).rows[0]!;
    const slip = await client.call('pack.slip', { orderId: order.id });
    expect(slip.html).toContain(order.number);
    const view = await client.call('pack.open', { code: `packbench:order:${order.id}` });
    expect(view.orderId).toBe(order.id);
  });

  it('a number two orders share (two shops both counting from #1001) opens neither: it names both, and the slip\'s QR code opens the one meant', async () => {
    const [a, b] = (await client.call('orders.list', { status: 'open' })).rows;
    // as a second shop would send it: the same number as an order already here
    core.workspace().repos.db.$client.prepare('UPDATE orders SET number = ? WHERE id = ?').run(a!.number, b!.id);
    const refused = await client.call('pack.open', { code: a!.number }).then(() => null, (e: unknown) => e as { code: string; message: string; hint: string });
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(new RegExp(`^2 orders have the number ${a!.number}: `)), hint: expect.stringMatching(/QR code on the packing slip/) });
    expect(refused!.message).toContain(a!.customerName);
    expect(refused!.message).toContain(b!.customerName);
    await expect(client.call('scan.lookup', { code: a!.number })).rejects.toMatchObject({ code: 'conflict' });
    expect((await client.call('orders.get', { id: a!.id })).status).toBe('open'); // nothing was opened
    expect((await client.call('orders.get', { id: b!.id })).status).toBe('open');
    expect((await client.call('pack.open', { code: `packbench:order:${b!.id}` })).orderId).toBe(b!.id);
  });
});
