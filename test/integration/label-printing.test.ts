import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import type { FakePrinter } from '../../electron/core/drivers/printer';
import { OWN_LAYOUT_MARK, reprintZone, renderZplToPng, withReprintMark } from '../../electron/core/labels';
import { decodeBarcodesFromPng } from '../support/barcodes';
import { scanAll } from '../support/pack-helpers';
import { usePackBench } from '../support/pack-bench';
import { pngDots, zplPictures } from '../support/zpl-graphics';

const korean = { name: '김민준', company: '', line1: '세종대로 110', line2: '', line3: '', city: '중구', region: '서울특별시', postalCode: '04524', countryCode: 'KR', phone: '', email: '' };

describe('labels printed at the bench', () => {
  const bench = usePackBench();
  let core: Core;
  let client: ApiClient;
  let printer: FakePrinter;
  beforeEach(() => { ({ core, client, printer } = bench); });

  function importOrder(number: string, shipTo: typeof korean): number {
    const sku = (core.workspace().repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').get() as { sku: string }).sku;
    return core.workspace().orders.importOrders([{
      channelId: 1, externalId: `ext-${number}`, number, locationId: 1, customerName: shipTo.name, shipTo, currency: 'EUR',
      subtotalMinor: 100, shippingMinor: 0, taxMinor: 0, totalMinor: 100, createdAt: '2026-11-27T10:00:00.000Z',
      lines: [{ sku, quantity: 1, title: sku, unitPriceMinor: 100 }],
    }], 'test').imported[0]!;
  }

  async function pack(id: number) {
    const view = await client.call('pack.open', { orderId: id });
    await scanAll(core, client, view.sessionId);
    const done = await client.call('pack.complete', { sessionId: view.sessionId });
    await core.workspace().print.idle();
    return done;
  }

  it('sends a Korean address as pictures, the printer receives exactly the job\'s bytes, and the pack view carries the address', async () => {
    const id = importOrder('#K-1', korean);
    const done = await pack(id);
    expect(done.view.shipTo.countryCode).toBe('KR');
    const job = await client.call('print.job', { jobId: done.labelJob!.id });
    const sent = Buffer.from(printer.jobs.at(-1)!.bytes).toString('utf8');
    expect(sent).toBe(job.zpl); // what the preview draws is what the printer got
    expect(zplPictures(sent)).toHaveLength(2); // the street line and the name; the postcode and the country stay printer text
    expect(sent).toContain('^FDSOUTH KOREA^FS');
    expect(job.notice).toBe('');
    const codes = (await decodeBarcodesFromPng(await renderZplToPng(sent))).map((c) => c.text);
    expect(codes).toContain(`packbench:order:${id}`);
  });

  it('tells the packer which characters no label font has', async () => {
    const id = importOrder('#K-2', { ...korean, name: '𠮷野 太郎', countryCode: 'JP', city: '東京', region: '東京都', postalCode: '100-0001', line1: '千代田区1-1' });
    const done = await pack(id);
    expect(done.labelJob!.notice).toMatch(/white square for a character no label font has \(𠮷\)\. Check the address on the parcel/);
  });

  it('marks a reprint on the label and in the job list, keeping every other byte of the original', async () => {
    const id = importOrder('#K-3', { ...korean, name: 'Ann Lee', line1: '1 Main St', city: 'Leeds', region: '', postalCode: 'LS1 4AP', countryCode: 'GB' });
    const done = await pack(id);
    const original = await client.call('print.job', { jobId: done.labelJob!.id });
    expect(original.reprintOf).toBeNull();
    expect(original.zpl).not.toContain('REPRINT');

    const copy = await client.call('print.reprint', { jobId: original.id });
    expect(copy.reprintOf).toBe(original.id);
    const second = await client.call('print.reprint', { jobId: copy.id }); // a copy of the copy is copy 2 of the original
    expect(second.reprintOf).toBe(original.id);
    const again = await client.call('print.label', { orderId: id }); // printing the packed order's label again is a reprint too
    expect(again.reprintOf).toBe(original.id);
    await core.workspace().print.idle();

    const copyZpl = (await client.call('print.job', { jobId: copy.id })).zpl;
    const secondZpl = (await client.call('print.job', { jobId: second.id })).zpl;
    expect(copyZpl).toMatch(/\^FR\^FB\d+,1,0,C,0\^FDREPRINT 1 - /);
    expect(secondZpl).toMatch(/\^FDREPRINT 2 - /);
    expect((await client.call('print.job', { jobId: again.id })).zpl).toMatch(/\^FDREPRINT 3 - /);
    expect(copyZpl.startsWith(original.zpl.slice(0, original.zpl.lastIndexOf('^XZ')))).toBe(true);
    expect((await client.call('print.jobs', { limit: 10 })).filter((j) => j.reprintOf === original.id)).toHaveLength(3);
    // bytes we did not lay out (a carrier's label) have no zone we know of: they are sent again unchanged
    const carrierBytes = original.zpl.replace(OWN_LAYOUT_MARK, '');
    expect(withReprintMark(carrierBytes, { size: '4x6', dpi: 203, copy: 1, at: '2026-01-01T00:00:00Z' })).toBe(carrierBytes);

    // the zone is blank on the original and black on the reprint; the barcodes still scan
    const zone = reprintZone('4x6');
    const inZone = (png: Buffer): number => {
      const img = pngDots(png);
      let black = 0;
      for (let y = Math.round(zone.y * 8); y < Math.round((zone.y + zone.height) * 8); y++) {
        for (let x = Math.round(zone.x * 8); x < Math.round((zone.x + zone.width) * 8); x++) if (img.black(x, y)) black++;
      }
      return black;
    };
    const area = Math.round(zone.width * 8) * Math.round(zone.height * 8);
    expect(inZone(await renderZplToPng(original.zpl))).toBe(0);
    const reprinted = await renderZplToPng(copyZpl);
    expect(inZone(reprinted)).toBeGreaterThan(area * 0.5);
    const codes = (await decodeBarcodesFromPng(reprinted)).map((c) => c.text);
    expect(codes).toContain(`packbench:order:${id}`);
  });
});
