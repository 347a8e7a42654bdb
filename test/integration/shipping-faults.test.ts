import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../support/barcodes';
import { fulfilledRows, ordersTo, packOrder, settle, until, useShippingBench } from '../support/shipping-bench';

describe('the label queue survives the carrier being down, slow or wrong, and never buys twice', () => {
  const bench = useShippingBench();

  it('carrier down while 20 orders are packed: each waits visibly, then each is bought once and printed once', async () => {
    await bench.easypost.down();
    const orders = ordersTo(bench.core, (c) => c !== 'GB').slice(0, 20);
    expect(orders).toHaveLength(20);
    for (const id of orders) await packOrder(bench, id);

    // every parcel says it waits, in words, and nothing was bought or printed
    await until('all waiting with words', async () => {
      const list = await bench.client.call('shipments.list', {});
      return list.length === 20 && list.every((s) => s.status === 'pending' && /Label pending: .*could not be reached/.test(s.words) && s.attempts >= 1);
    });
    expect(bench.printer.jobs).toHaveLength(0);
    for (const id of orders) expect(fulfilledRows(bench.core, id)).toHaveLength(0);

    await bench.easypost.up();
    await until('all bought', async () => (await bench.client.call('shipments.list', {})).filter((s) => s.status === 'bought').length === 20, 30_000);
    await settle(bench.core);

    expect(bench.easypost.purchases).toHaveLength(20);
    expect(new Set(bench.easypost.purchases.map((p) => p.reference)).size).toBe(20);
    expect(bench.printer.jobs).toHaveLength(20);
    // each label carries one purchase's tracking as its barcode data; two are drawn and scanned to be sure
    const tracking = bench.easypost.purchases.map((p) => p.tracking);
    const printedTracking = bench.printer.jobs.map((job) => tracking.find((t) => job.text.includes(`^FD${t}^FS`)));
    expect(new Set(printedTracking)).toEqual(new Set(tracking));
    for (const job of [bench.printer.jobs[0]!, bench.printer.jobs[19]!]) {
      expect((await renderAndDecode(job.text)).map((d) => d.text)).toContain(tracking.find((t) => job.text.includes(t)));
    }
    for (const id of orders) expect(fulfilledRows(bench.core, id)).toHaveLength(1);
  }, 120_000); // 20 orders packed scan by scan, on a shared 2-core machine

  for (const fault of [
    { name: 'a timeout after the carrier bought it', f: { kind: 'timeout', when: 'after' } },
    { name: 'a connection reset after the carrier bought it', f: { kind: 'reset', when: 'after' } },
    { name: 'garbage JSON after the carrier bought it', f: { kind: 'garbage', when: 'after' } },
    { name: 'a 502 after the carrier bought it', f: { kind: 'status', status: 502, when: 'after' } },
    { name: 'a 503 before anything happened', f: { kind: 'status', status: 503, when: 'before' } },
    { name: 'a 429 (slow down)', f: { kind: 'status', status: 429, when: 'before' } },
  ] as const) {
    it(`${fault.name}: looked up by reference, bought exactly once`, async () => {
      bench.easypost.inject({ ...fault.f, match: /^POST \/v2\/shipments\/[^/]+\/buy$/ });
      const [orderId] = ordersTo(bench.core, 'US');
      await packOrder(bench, orderId!);
      const bought = await until('bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'), 20_000);
      await settle(bench.core);
      expect(bench.easypost.purchases).toHaveLength(1);
      expect(bought.trackingNumber).toBe(bench.easypost.purchases[0]!.tracking);
      expect(bench.printer.jobs).toHaveLength(1);
      expect(fulfilledRows(bench.core, orderId!)).toHaveLength(1);
      if (fault.f.when === 'after') {
        // it was asked for, not bought again
        expect(bench.easypost.requests.some((r) => r.method === 'GET' && r.path.startsWith('/v2/shipments/'))).toBe(true);
      }
    });
  }

  it('Shippo: a lost answer to the purchase is found again by its rate, not bought twice', async () => {
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, fallback: { strategy: 'cheapest', carrierIds: [bench.shippoId] } });
    bench.shippo.inject({ kind: 'timeout', when: 'after', match: /^POST \/transactions$/ });
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    await until('bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'), 20_000);
    await settle(bench.core);
    expect(bench.shippo.transactions).toHaveLength(1);
    expect(bench.shippo.requests.some((r) => r.method === 'GET' && r.path.startsWith('/transactions?'))).toBe(true);
  });

  it('refused addresses are explained before anything is bought: no phone abroad, a PO box for a carrier that refuses them, a postal code the carrier rejects', async () => {
    const db = bench.core.workspace().repos.db.$client;
    const [noPhone, poBox, badZip] = ordersTo(bench.core, (c) => c !== 'GB');
    db.prepare("UPDATE orders SET ship_phone = '' WHERE id = ?").run(noPhone);
    db.prepare("UPDATE orders SET ship_line1 = 'PO Box 1234' WHERE id = ?").run(poBox);
    db.prepare("UPDATE orders SET ship_postal_code = '00000' WHERE id = ?").run(badZip);
    for (const id of [noPhone, poBox, badZip]) await packOrder(bench, id!);
    await until('all held', async () => (await bench.client.call('shipments.list', {})).filter((s) => s.status === 'held').length === 3);
    const words = async (id: number) => (await bench.client.call('shipments.list', { orderId: id }))[0]!.words;
    expect(await words(noPhone!)).toMatch(/goes abroad .* no phone number.*Add the customer's phone number/);
    expect(await words(poBox!)).toMatch(/PO box, which EasyPost does not deliver to/);
    expect(await words(badZip!)).toMatch(/EasyPost refused the parcel: Unable to verify the destination address: the postal code 00000 does not exist/);
    expect(bench.easypost.purchases).toHaveLength(0);

    // fixed on the order, Buy again buys it
    db.prepare("UPDATE orders SET ship_phone = '+1 555 0100' WHERE id = ?").run(noPhone);
    const [held] = await bench.client.call('shipments.list', { orderId: noPhone });
    await bench.client.call('shipments.retry', { id: held!.id });
    await until('bought after the fix', async () => (await bench.client.call('shipments.list', { orderId: noPhone }))[0]!.status === 'bought');
    expect(bench.easypost.purchases).toHaveLength(1);
  });

  it('void within the window, manifest the rest at the end of the day (printed), reprint a label', async () => {
    const orders = ordersTo(bench.core, 'US').concat(ordersTo(bench.core, 'DE')).slice(0, 3);
    for (const id of orders) await packOrder(bench, id);
    await until('3 bought', async () => (await bench.client.call('shipments.list', {})).filter((s) => s.status === 'bought').length === 3);
    await settle(bench.core);
    const [first, second, third] = await bench.client.call('shipments.list', {});

    const voiding = await bench.client.call('shipments.void', { id: first!.id });
    expect(voiding.status).toBe('voiding');
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first!.id })).status === 'voided');
    expect(bench.easypost.refunds).toEqual([bench.easypost.purchases.find((p) => p.tracking === first!.trackingNumber)!.shipmentId]);
    await expect(bench.client.call('shipments.void', { id: first!.id })).rejects.toThrow(/Only a bought label can be voided/);
    await expect(bench.client.call('shipments.reprint', { id: first!.id })).rejects.toThrow(/voided/);

    const jobsBefore = bench.printer.jobs.length;
    const manifest = await bench.client.call('manifests.create', { carrierId: bench.easypostId });
    expect(manifest.shipmentCount).toBe(2);
    expect(bench.easypost.scanForms).toHaveLength(1);
    expect(new Set(bench.easypost.scanForms[0]!.shipmentIds).size).toBe(2);
    await settle(bench.core);
    expect(bench.printer.jobs).toHaveLength(jobsBefore + 1);
    const page = bench.printer.jobs.at(-1)!.text;
    expect(page).toContain(second!.trackingNumber);
    expect(page).toContain(third!.trackingNumber);
    await expect(bench.client.call('manifests.create', { carrierId: bench.easypostId })).rejects.toThrow(/No EasyPost labels are waiting/);
    expect((await bench.client.call('shipments.get', { id: second!.id })).manifestId).toBe(manifest.id);

    const copy = await bench.client.call('shipments.reprint', { id: second!.id });
    await settle(bench.core);
    expect((await bench.client.call('print.job', { jobId: copy.id })).status).toBe('done');
    expect(bench.printer.jobs.at(-1)!.text).toBe(bench.printer.jobs.find((j) => j.text.includes(second!.trackingNumber) && !j.text.includes('MANIFEST'))!.text);
    expect(bench.easypost.purchases).toHaveLength(3);
  });
});
