import { describe, expect, it } from 'vitest';
import { ordersTo, packOrder, until, useShippingBench } from '../support/shipping-bench';
import { openAndScan } from '../support/shipping-orders';

describe('automation rules choose the carrier, service and box', () => {
  const bench = useShippingBench();

  it('a rule naming UPS makes the label queue buy UPS, not the cheaper USPS rate', async () => {
    await bench.client.call('rules.save', { name: 'US by UPS', enabled: true, conditions: [{ field: 'country', op: 'in', countries: ['US'] }], actions: [{ type: 'shipping', carrier: 'UPS', service: '' }] });
    await bench.client.call('rules.applyToOpen', { confirm: true });
    const [orderId] = ordersTo(bench.core, 'US');
    expect(await bench.client.call('orders.handling', { id: orderId! })).toMatchObject({ carrier: 'UPS' });
    await packOrder(bench, orderId!);
    const bought = await until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
    expect(bought.carrierName).toBe('UPS');
    const shp = bench.easypost.shipments.get(bench.easypost.purchases[0]!.shipmentId)!;
    expect(shp.rates.find((r) => r.id === bench.easypost.purchases[0]!.rateId)!.carrier).toBe('UPS');
  });

  it('a rule naming a carrier nobody offers holds the label with words, buying nothing', async () => {
    await bench.client.call('rules.save', { name: 'US by DHL', enabled: true, conditions: [{ field: 'country', op: 'in', countries: ['US'] }], actions: [{ type: 'shipping', carrier: 'DHL', service: 'Express' }] });
    await bench.client.call('rules.applyToOpen', { confirm: true });
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const held = await until('label held', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'held'));
    expect(held.words).toMatch(/^An automation rule asks for DHL Express, but no carrier offered it for this parcel \(offered: /);
    expect(bench.easypost.purchases).toHaveLength(0);
  });

  it('a rule choosing a box puts the parcel in it at the bench; a box that does not exist is refused in words', async () => {
    await expect(bench.client.call('rules.save', { name: 'Crates', actions: [{ type: 'package', preset: 'Crate' }] })).rejects.toMatchObject({ message: 'There is no box called “Crate”.' });
    await bench.client.call('rules.save', { name: 'Mailers for the US', enabled: true, conditions: [{ field: 'country', op: 'in', countries: ['US'] }], actions: [{ type: 'package', preset: 'mailer bag' }] });
    await bench.client.call('rules.applyToOpen', { confirm: true });
    const [orderId] = ordersTo(bench.core, 'US');
    const sessionId = await openAndScan(bench, orderId!);
    expect((await bench.client.call('shipping.parcel', { sessionId })).packageName).toBe('Mailer bag');
  });
});
