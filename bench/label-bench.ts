import { DEMO_CUSTOMERS, DEMO_LOCATIONS } from '../electron/core/demo/demo-data';
import { createTcpPrinter } from '../electron/core/drivers/printer';
import { renderShippingLabelZpl } from '../electron/core/labels';
import { startZplPrinterEmulator } from '../test/emulators/zpl-printer-emulator';
import { line, ms, summarise } from './stats';

/** ZPL generation of a 4x6 label, and a print job end to end over a real socket to the printer emulator. */
export async function labelBench() {
  console.log('\nLabels and printing');
  const data = {
    orderNumber: '#100123', orderQrPayload: 'packbench:order:100123', shipTo: DEMO_CUSTOMERS[0]!, shipFrom: DEMO_LOCATIONS[0]!.address,
    weightGrams: 1234,
  };
  const gen: number[] = [];
  let zpl = '';
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    zpl = renderShippingLabelZpl({ ...data, orderNumber: `#${100000 + i}`, shipTo: DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]! }, { size: '4x6', dpi: 203 });
    gen.push(performance.now() - t0);
  }
  const g = summarise(gen.slice(200));
  line('ZPL generation, 4x6 203 dpi: p95 (median)', `${ms(g.p95)} (${ms(g.median)})`, '< 1 ms', g.p95 < 1);

  const emulator = await startZplPrinterEmulator();
  try {
    const printer = createTcpPrinter({ host: '127.0.0.1', port: emulator.port, name: 'bench emulator' });
    const bytes = Buffer.from(zpl, 'utf8');
    const send: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await printer.send(bytes, { jobId: String(i), name: `bench-${i}` });
      send.push(performance.now() - t0);
    }
    await emulator.waitForJobs(300, 10_000);
    const s = summarise(send.slice(20));
    line('print job to the TCP emulator (status check + send): p95 (median)', `${ms(s.p95)} (${ms(s.median)})`, '< 20 ms', s.p95 < 20);
  } finally {
    await emulator.stop();
  }
}
