import { afterEach, describe, expect, it } from 'vitest';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { startDemoCarriers } from '../../electron/core/demo/demo-carriers';
import { openCore, ordersTo, packOrder, settle, until } from '../support/shipping-bench';
import { tempDir } from '../support/temp-dir';
import { renderAndDecode } from '../support/barcodes';

describe('demo carriers', () => {
  const dir = tempDir();
  afterEach(async () => { await (await startDemoCarriers()).stop(); dir.remove(); });

  it('a newcomer connects the emulated carriers in the demo workspace and buys a label; GB parcels go with the local courier', async () => {
    const printer = createFakePrinter();
    const { core, client } = openCore(dir.path, printer);
    try {
      const carriers = await client.call('carriers.useDemo', { confirm: true });
      expect(carriers.map((c) => c.name)).toEqual(expect.arrayContaining(['Demo EasyPost (emulator)', 'Demo Shippo (emulator)', 'Leeds courier']));
      expect(carriers.every((c) => c.hasKey)).toBe(true);
      const [us] = ordersTo(core, 'US');
      const [gb] = ordersTo(core, 'GB');
      await packOrder({ core, client }, us!);
      await packOrder({ core, client }, gb!);
      const bought = await until('US label bought', async () => (await client.call('shipments.list', { orderId: us })).find((s) => s.status === 'bought'));
      const [local] = await client.call('shipments.list', { orderId: gb });
      expect(local!.carrierName).toBe('Local courier');
      await settle(core);
      const zpls = printer.jobs.map((j) => j.text);
      const codes = (await Promise.all(zpls.map((z) => renderAndDecode(z)))).flat().map((d) => d.text);
      expect(codes).toEqual(expect.arrayContaining([bought.trackingNumber, local!.trackingNumber]));
      // the key was stored encrypted, not in the database
      const dump = JSON.stringify(core.workspace().repos.db.$client.prepare('SELECT * FROM carrier_accounts').all());
      expect(dump).not.toContain('EZTKdemo');
    } finally {
      await core.workspace().shipping.queue.idle();
      client.close();
      core.close();
    }
  });
});
