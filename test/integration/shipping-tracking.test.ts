import { describe, expect, it } from 'vitest';
import { createTrackingPoller } from '../../electron/core/shipping/tracking-poller';
import { ordersTo, packOrder, settle, until, useShippingBench } from '../support/shipping-bench';

describe('tracking status of bought labels', () => {
  const bench = useShippingBench();

  async function bought(orderId: number) {
    return until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
  }

  it('EasyPost: each pass asks the tracker and the shipment follows the parcel to delivered, then stops asking', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const label = await bought(orderId!);
    await settle(bench.core);
    expect(label.trackingStatus).toBe('');
    const poller = bench.core.workspace().shipping.tracking;
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      // a parcel is asked again once its status is older than the interval (0 ms in this bench)
      await poller.pass();
      seen.push((await bench.client.call('shipments.get', { id: label.id })).trackingStatus);
    }
    expect(seen).toEqual(['pre_transit', 'in_transit', 'out_for_delivery', 'delivered', 'delivered']);
    // asked four times over POST /v2/trackers (EasyPost hands back the same tracker), never once delivered
    expect(bench.easypost.requests.filter((r) => r.method === 'POST' && r.path === '/v2/trackers')).toHaveLength(4);
    const s = await bench.client.call('shipments.get', { id: label.id });
    expect(s.trackingDetail).toMatch(/Delivered/);
    expect(s.trackedAt).not.toBeNull();
    const order = await bench.client.call('orders.get', { id: orderId! });
    expect(order.events.filter((e) => e.kind === 'tracking')).toHaveLength(4);
  });

  it('Shippo: GET /tracks/{carrier token}/{number}; "Check now" on one label; offline keeps the last status and says so in words', async () => {
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, fallback: { ...rules.fallback, carrierIds: [bench.shippoId] } });
    const [orderId] = ordersTo(bench.core, (c) => c !== 'GB' && c !== 'US');
    await packOrder(bench, orderId!);
    const label = await bought(orderId!);
    await settle(bench.core);
    await bench.core.workspace().shipping.queue.idle();
    const first = await bench.client.call('shipments.track', { id: label.id });
    expect(first.trackingStatus).toBe('pre_transit');
    const path = bench.shippo.requests.find((r) => r.path.startsWith('/tracks/'))!.path;
    expect(path).toBe(`/tracks/${label.carrierName === 'DHL Express' ? 'dhl_express' : 'usps'}/${label.trackingNumber}`);
    expect((await bench.client.call('shipments.track', { id: label.id })).trackingStatus).toBe('in_transit');

    await bench.shippo.down();
    await expect(bench.client.call('shipments.track', { id: label.id })).rejects.toThrow(/could not tell where the parcel is.*last known status \(in transit\) is kept/);
    // the background pass meets the same outage: it ends quietly and keeps what it knew
    await bench.core.workspace().shipping.tracking.pass();
    expect((await bench.client.call('shipments.get', { id: label.id })).trackingStatus).toBe('in_transit');
    await bench.shippo.up();
    await bench.core.workspace().shipping.tracking.pass();
    expect((await bench.client.call('shipments.get', { id: label.id })).trackingStatus).toBe('in_transit'); // TRANSIT again: out for delivery
    await bench.core.workspace().shipping.tracking.pass();
    expect((await bench.client.call('shipments.get', { id: label.id })).trackingStatus).toBe('delivered');
  });

  it('one carrier down does not stop the pass: the other carrier\'s parcels are still followed', async () => {
    const [usOrder] = ordersTo(bench.core, 'US');
    await packOrder(bench, usOrder!);
    const viaEasyPost = await bought(usOrder!);
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, fallback: { ...rules.fallback, carrierIds: [bench.shippoId] } });
    const [abroad] = ordersTo(bench.core, (c) => c !== 'GB' && c !== 'US');
    await packOrder(bench, abroad!);
    const viaShippo = await bought(abroad!);
    await settle(bench.core);
    await bench.easypost.down();
    await bench.core.workspace().shipping.tracking.pass();
    expect((await bench.client.call('shipments.get', { id: viaEasyPost.id })).trackingStatus).toBe('');
    expect((await bench.client.call('shipments.get', { id: viaShippo.id })).trackingStatus).toBe('pre_transit');
    await bench.easypost.up();
  });

  it('the poller runs by itself on its timer and follows the parcel without anyone asking', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const label = await bought(orderId!);
    await settle(bench.core);
    const ws = bench.core.workspace();
    const poller = createTrackingPoller({ repos: ws.repos, clock: ws.clock, emit: () => undefined, carrierFor: (a) => ws.shipping.carrierFor(a), everyMs: 0, pollMs: 30 });
    try {
      poller.start();
      await until('delivered', async () => (await bench.client.call('shipments.get', { id: label.id })).trackingStatus === 'delivered', 10_000);
    } finally {
      poller.stop();
      await poller.idle();
    }
  });

  it('the local courier has no tracking service: it is never asked, and Check now says so', async () => {
    const local = await bench.client.call('carriers.save', { kind: 'local', name: 'Leeds courier', localPriceMinor: 450, localDays: 1 });
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, byDestination: [{ destination: 'GB', strategy: 'cheapest', carrierIds: [local.id] }] });
    const [orderId] = ordersTo(bench.core, 'GB');
    await packOrder(bench, orderId!);
    const [s] = await bench.client.call('shipments.list', { orderId });
    await bench.core.workspace().shipping.tracking.pass();
    await expect(bench.client.call('shipments.track', { id: s!.id })).rejects.toThrow(/no tracking service/);
    expect(bench.easypost.requests).toHaveLength(0);
  });
});
