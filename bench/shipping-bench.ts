import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore } from '../electron/core/create-core';
import { createInMemoryClient } from '../electron/core/hosts/in-memory-transport';
import { startEasyPostEmulator } from '../test/emulators/easypost-emulator';
import { startZplPrinterEmulator } from '../test/emulators/zpl-printer-emulator';
import { openAndScan, ordersTo } from '../test/support/shipping-orders';
import { line, ms, summarise } from './stats';

const LATENCY_MS = 100;

/**
 * Pack -> carrier label printed, one parcel at a time: from pack.complete until the label's bytes reach a
 * real TCP printer emulator, with the EasyPost emulator answering every request after 100 ms. The floor is
 * what the carrier's latency alone costs: 100 ms times the requests one label needs (rate, buy, label file).
 */
export async function shippingBench() {
  console.log('\nCarrier labels (EasyPost emulator at 100 ms latency)');
  const dataDir = mkdtempSync(join(tmpdir(), 'packbench-bench-ship-'));
  const easypost = await startEasyPostEmulator();
  const printer = await startZplPrinterEmulator();
  // the tracking poller stays out of the way: its requests are not part of buying a label
  const core = createCore({ dataDir, actor: 'bench', shipping: { trackPollMs: 3_600_000 } });
  const client = createInMemoryClient(core);
  try {
    await client.call('printers.save', { name: 'Bench Zebra', kind: 'tcp', host: '127.0.0.1', port: printer.port, isDefault: true });
    const ep = await client.call('carriers.save', { kind: 'easypost', name: 'EasyPost', apiKey: 'EZTKbench', baseUrl: easypost.url });
    await client.call('shipping.saveRules', { buyLabels: true, customsSigner: 'Bench', fallback: { strategy: 'cheapest', carrierIds: [ep.id] } });
    easypost.setLatency(LATENCY_MS);
    const orders = ordersTo(core, (c) => c !== 'GB').slice(0, 25);
    const samples: number[] = [];
    for (const id of orders) {
      const sessionId = await openAndScan({ core, client }, id);
      const before = printer.jobs.length;
      const t0 = performance.now();
      await client.call('pack.complete', { sessionId });
      await printer.waitForJobs(before + 1, 30_000);
      samples.push(performance.now() - t0);
    }
    const requestsPerLabel = easypost.requests.length / orders.length;
    const floor = requestsPerLabel * LATENCY_MS;
    // the same three requests sent bare (no queue, no database, no printer), on this machine, in this run
    const bare: number[] = [];
    const auth = { authorization: `Basic ${Buffer.from('EZTKbench:').toString('base64')}`, 'content-type': 'application/json' };
    const to = { name: 'A', street1: '1 Main St', city: 'Town', zip: '94043', country: 'US', phone: '+1 555 0100' };
    const from = { name: 'B', street1: '2 Mill Yard', city: 'Leeds', zip: 'LS1 4AP', country: 'GB' };
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const shp = await (await fetch(`${easypost.url}/v2/shipments`, { method: 'POST', headers: auth, body: JSON.stringify({ shipment: { to_address: to, from_address: from, parcel: { weight: 10 }, customs_info: { customs_items: [] } } }) })).json() as { id: string; rates: Array<{ id: string }> };
      const bought = await (await fetch(`${easypost.url}/v2/shipments/${shp.id}/buy`, { method: 'POST', headers: auth, body: JSON.stringify({ rate: { id: shp.rates[0]!.id } }) })).json() as { postage_label: { label_zpl_url: string } };
      await (await fetch(bought.postage_label.label_zpl_url)).text();
      bare.push(performance.now() - t0);
    }
    const s = summarise(samples.slice(3));
    const b = summarise(bare.slice(2));
    line('pack.complete -> carrier label printed: p95 (median)', `${ms(s.p95)} (${ms(s.median)})`);
    line(`carrier latency floor (${requestsPerLabel.toFixed(1)} requests x ${LATENCY_MS} ms)`, ms(floor));
    line('the same requests sent bare, measured here: p95 (median)', `${ms(b.p95)} (${ms(b.median)})`);
    line('Packbench overhead over the nominal floor: p95 (median)', `${ms(s.p95 - floor)} (${ms(s.median - floor)})`);
    line('Packbench overhead over the measured bare requests: p95 (median)', `${ms(s.p95 - b.p95)} (${ms(s.median - b.median)})`);

    // a carrier that offers only PDF: the same path plus drawing the PDF at the printer's dpi into ^GFA
    easypost.setLabelFormat('PDF');
    const pdf: number[] = [];
    // pdf.js draws in a worker thread: how long the core's event loop is still held is part of the cost
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    for (const id of ordersTo(core, (c) => c !== 'GB').slice(0, 12)) {
      const sessionId = await openAndScan({ core, client }, id);
      const before = printer.jobs.length;
      const t0 = performance.now();
      await client.call('pack.complete', { sessionId });
      await printer.waitForJobs(before + 1, 60_000);
      pdf.push(performance.now() - t0);
    }
    loop.disable();
    const p = summarise(pdf.slice(2)); // the first loads pdf.js and Skia
    line('PDF-only carrier: pack.complete -> label printed: p95 (median)', `${ms(p.p95)} (${ms(p.median)})`);
    line('PDF drawing and conversion cost over ZPL labels: p95 (median)', `${ms(p.p95 - s.p95)} (${ms(p.median - s.median)})`);
    line('longest event-loop stall while PDF labels were converted', ms(loop.max / 1e6));
  } finally {
    await core.workspace().shipping.queue.idle();
    client.close();
    core.close();
    await easypost.stop();
    await printer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
