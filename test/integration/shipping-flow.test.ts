import { describe, expect, it } from 'vitest';
import { checkTrackingNumber } from '../../shared/codes/tracking';
import { renderAndDecode } from '../support/barcodes';
import { fulfilledRows, ordersTo, packOrder, settle, until, useShippingBench } from '../support/shipping-bench';

describe('carrier labels: pack, rate, buy, print', () => {
  const bench = useShippingBench();

  it('buys the cheapest EasyPost rate, prints the carrier label whose barcode is the tracking number, and writes the fulfilment with it only then', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    const done = await packOrder(bench, orderId!);
    expect(done.labelJob).toBeNull(); // no address label: the carrier's label comes when bought
    // packed, but the fulfilment waits for the label (INTERFACES.md item 2)
    const [pending] = await bench.client.call('shipments.list', { orderId });
    expect(pending!.status).toMatch(/pending|buying|bought/);

    const bought = await until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
    await settle(bench.core);
    expect(bench.easypost.purchases).toHaveLength(1);
    const purchase = bench.easypost.purchases[0]!;
    expect(bought.trackingNumber).toBe(purchase.tracking);
    expect(checkTrackingNumber(bought.trackingNumber, bought.carrierName).ok).toBe(true);
    // the cheapest of the rates the emulator offered for an international parcel
    const shp = bench.easypost.shipments.get(purchase.shipmentId)!;
    const cheapest = [...shp.rates].sort((a, b) => Number(a.rate) - Number(b.rate))[0]!;
    expect(purchase.rateId).toBe(cheapest.id);
    expect(bought.priceMinor).toBe(Math.round(Number(cheapest.rate) * 100));
    expect(shp.reference).toMatch(/^pb-/);

    // customs from the catalog reached the carrier: HS code, origin and value per line
    const customs = shp.customs_info as { customs_items: Array<{ hs_tariff_number?: string; origin_country: string; value: string; code: string; quantity: number }> };
    const lines = bench.core.workspace().repos.orders.lines(orderId!);
    expect(customs.customs_items).toHaveLength(lines.length);
    for (const l of lines) {
      const item = customs.customs_items.find((i) => i.code === l.sku)!;
      expect(item.hs_tariff_number).toMatch(/^\d{6}$/);
      expect(item.origin_country).toMatch(/^[A-Z]{2}$/);
      expect(item.value).toBe((l.unitPriceMinor * l.quantity / 100).toFixed(2));
      expect(item.quantity).toBe(l.quantity);
    }

    // printed once, on the bench printer, normalised: the unknown ^RS8 is gone, the barcode scans as the tracking number
    expect(bench.printer.jobs).toHaveLength(1);
    const zpl = bench.printer.jobs[0]!.text;
    expect(zpl).not.toContain('^RS8');
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: bought.trackingNumber });

    const fulfilled = fulfilledRows(bench.core, orderId!);
    expect(fulfilled).toHaveLength(1);
    expect(fulfilled[0]!.tracking).toEqual({ company: bought.carrierName, number: bought.trackingNumber, url: expect.stringContaining(bought.trackingNumber) });
    expect(fulfilled[0]!.final).toBe(true);
    const order = await bench.client.call('orders.get', { id: orderId! });
    expect(order.status).toBe('shipped');
    expect(order.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['label_pending', 'label_bought']));
  });

  it('a printer set to peel gets the carrier label without ^MMT; with tear-off it keeps it', async () => {
    const [a, b] = ordersTo(bench.core, 'US').concat(ordersTo(bench.core, (c) => c !== 'GB' && c !== 'US'));
    await packOrder(bench, a!);
    await until('first label', () => bench.printer.jobs.length === 1);
    expect(bench.printer.jobs[0]!.text).toContain('^MMT');
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, printerPeel: true });
    await packOrder(bench, b!);
    await until('second label', () => bench.printer.jobs.length === 2);
    expect(bench.printer.jobs[1]!.text).not.toContain('^MMT');
  });

  it('Shippo with "cheapest within 3 days": buys the fastest-enough rate, and a PNG-only label prints as a ZPL graphic that scans', async () => {
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, fallback: { strategy: 'cheapest_within', maxDays: 3, carrierIds: [bench.shippoId] } });
    bench.shippo.setLabelFileType('PNG');
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const bought = await until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
    await settle(bench.core);
    expect(bench.shippo.transactions).toHaveLength(1);
    const t = bench.shippo.transactions[0]!;
    expect(bought.trackingNumber).toBe(t.tracking_number);
    expect(t.metadata).toMatch(/^pb-/);
    // the international rates were 8 days (USPS) and 3 days (DHL): only DHL is within 3 days
    expect(bought.carrierName).toBe('DHL Express');
    // customs from the catalog reached Shippo as its customs_declaration: HS code, origin and value per line
    const declaration = [...bench.shippo.shipments.values()].find((shp) => shp.rates.some((r) => r.object_id === t.rate))!.customs_declaration as {
      certify_signer: string; items: Array<{ sku_code: string; hs_code?: string; origin_country: string; value_amount: string; quantity: number }>;
    };
    expect(declaration.certify_signer).toBe('Test Shop');
    const lines = bench.core.workspace().repos.orders.lines(orderId!);
    expect(declaration.items).toHaveLength(lines.length);
    for (const l of lines) {
      const item = declaration.items.find((i) => i.sku_code === l.sku)!;
      expect(item).toMatchObject({ quantity: l.quantity, value_amount: (l.unitPriceMinor * l.quantity / 100).toFixed(2), origin_country: expect.stringMatching(/^[A-Z]{2}$/) });
      expect(item.hs_code).toMatch(/^\d{6}$/);
    }
    const zpl = bench.printer.jobs[0]!.text;
    expect(zpl).toMatch(/\^GFA,/);
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: bought.trackingNumber });
    expect(fulfilledRows(bench.core, orderId!)[0]!.tracking!.number).toBe(bought.trackingNumber);
  });

  it('a carrier that offers only PDF labels (EasyPost label_pdf_url 4x6, Shippo PDF on a Letter sheet) still prints on the thermal printer, and the label scans', async () => {
    bench.easypost.setLabelFormat('PDF');
    bench.shippo.setLabelFileType('PDF'); // Shippo's plain PDF: the label on a US Letter sheet
    const [viaEasyPost, viaShippo] = ordersTo(bench.core, 'US').concat(ordersTo(bench.core, (c) => c !== 'GB' && c !== 'US'));
    await packOrder(bench, viaEasyPost!);
    const first = await until('EasyPost PDF label bought', async () => (await bench.client.call('shipments.list', { orderId: viaEasyPost })).find((s) => s.status === 'bought'));
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, fallback: { ...rules.fallback, carrierIds: [bench.shippoId] } });
    await packOrder(bench, viaShippo!);
    const second = await until('Shippo PDF label bought', async () => (await bench.client.call('shipments.list', { orderId: viaShippo })).find((s) => s.status === 'bought'));
    await settle(bench.core);
    await until('both printed', () => bench.printer.jobs.length === 2);
    expect(bench.easypost.shipments.get(bench.easypost.purchases[0]!.shipmentId)!.postage_label).toMatchObject({ label_file_type: 'application/pdf', label_zpl_url: null });
    expect(bench.shippo.transactions[0]!.label_file_type).toBe('PDF');
    for (const [job, bought] of [[bench.printer.jobs[0]!, first], [bench.printer.jobs[1]!, second]] as const) {
      expect(job.text).toMatch(/\^GFA,/);
      expect(await renderAndDecode(job.text)).toContainEqual({ format: 'Code128', text: bought.trackingNumber });
    }
  });

  it('the local courier works with no network: its own tracking id, our own 4x6 label, fulfilment written at pack time', async () => {
    const local = await bench.client.call('carriers.save', { kind: 'local', name: 'Leeds courier', localPriceMinor: 450, localDays: 1 });
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, byDestination: [{ destination: 'GB', strategy: 'cheapest', carrierIds: [local.id] }] });
    await bench.easypost.down();
    const [orderId] = ordersTo(bench.core, 'GB');
    const done = await packOrder(bench, orderId!);
    expect(done.labelJob).not.toBeNull();
    const [s] = await bench.client.call('shipments.list', { orderId });
    expect(s!.status).toBe('bought');
    expect(checkTrackingNumber(s!.trackingNumber, s!.carrierName)).toMatchObject({ ok: true, format: 'local' });
    const fulfilled = fulfilledRows(bench.core, orderId!);
    expect(fulfilled[0]!.tracking).toMatchObject({ company: 'Leeds courier', number: s!.trackingNumber });
    await settle(bench.core);
    const zpl = bench.printer.jobs[0]!.text;
    expect(zpl).toContain('CARRIER: Local courier / Local delivery');
    expect(await renderAndDecode(zpl)).toContainEqual({ format: 'Code128', text: s!.trackingNumber });
    expect(bench.easypost.requests).toHaveLength(0);
  });
});
