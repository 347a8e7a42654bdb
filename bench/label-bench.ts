import { DEMO_CUSTOMERS, DEMO_LOCATIONS } from '../electron/core/demo/demo-data';
import { createTcpPrinter } from '../electron/core/drivers/printer';
import { addressLines, type Address } from '../shared/domain/address';
import { printerFontCanDraw, renderShippingLabelZpl } from '../electron/core/labels';
import { startZplPrinterEmulator } from '../test/emulators/zpl-printer-emulator';
import { line, ms, summarise } from './stats';

/** ZPL generation of a 4x6 label, and a print job end to end over a real socket to the printer emulator. */
// Non-Latin destinations: their lines are drawn as pictures.
const NON_LATIN: Address[] = [
  { name: '김민준', company: '', line1: '세종대로 110', line2: '', line3: '', city: '중구', region: '서울특별시', postalCode: '04524', countryCode: 'KR', phone: '', email: '' },
  { name: '山田 花子', company: '', line1: '千代田区丸の内1-9-1', line2: 'グラントウキョウ 12F', line3: '', city: '東京', region: '東京都', postalCode: '100-0005', countryCode: 'JP', phone: '', email: '' },
  { name: '王伟', company: '', line1: '建国路88号', line2: '', line3: '', city: '朝阳区', region: '北京市', postalCode: '100022', countryCode: 'CN', phone: '', email: '' },
  { name: 'محمد أحمد', company: '', line1: 'شارع الشيخ زايد 12', line2: '', line3: '', city: 'دبي', region: '', postalCode: '', countryCode: 'AE', phone: '', email: '' },
  { name: 'Иван Петров', company: '', line1: 'ул. Тверская, д. 7', line2: '', line3: '', city: 'Москва', region: '', postalCode: '125009', countryCode: 'RU', phone: '', email: '' },
  { name: 'Αλέξανδρος Παπαδόπουλος', company: '', line1: 'Ερμού 25', line2: '', line3: '', city: 'Αθήνα', region: '', postalCode: '10563', countryCode: 'GR', phone: '', email: '' },
];
const LATIN = DEMO_CUSTOMERS.filter((c) => printerFontCanDraw(addressLines(c).join(' ')));

function measure(label: string, count: number, warmup: number, shipTo: (i: number) => Address): string {
  const gen: number[] = [];
  const sizes: number[] = [];
  let zpl = '';
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    zpl = renderShippingLabelZpl({
      orderNumber: `#${100000 + i}`, orderQrPayload: `packbench:order:${100000 + i}`, shipTo: shipTo(i), shipFrom: DEMO_LOCATIONS[0]!.address, weightGrams: 1234,
    }, { size: '4x6', dpi: 203 });
    gen.push(performance.now() - t0);
    sizes.push(Buffer.byteLength(zpl));
  }
  const g = summarise(gen.slice(warmup));
  const z = summarise(sizes);
  // pictures cost a text layout per label: well under the time a packer takes to reach for the parcel
  const target = label.startsWith('Latin') ? 1 : 100;
  line(`${label}: generation p95 (median)`, `${ms(g.p95)} (${ms(g.median)})`, `< ${target} ms`, g.p95 < target);
  line(`${label}: ZPL size median (max)`, `${(z.median / 1024).toFixed(1)} KiB (${(z.max / 1024).toFixed(1)} KiB)`);
  return zpl;
}

/** ZPL generation of 4x6 labels (Latin: printer text; non-Latin: pictures), and print jobs over a real socket. */
export async function labelBench() {
  console.log('\nLabels and printing');
  // every label to a new customer, as at the bench: no cached formatting or pictures flatter the figures
  const zpl = measure('Latin address, 4x6 203 dpi', 2000, 200, (i) => {
    const base = LATIN[i % LATIN.length]!;
    return { ...base, name: `${base.name} ${i}` };
  });
  measure('non-Latin address (KR JP CN AE RU GR), 4x6 203 dpi', 300, 12, (i) => {
    const base = NON_LATIN[i % NON_LATIN.length]!;
    return { ...base, name: `${base.name} ${i}`, line1: `${base.line1}-${i}` };
  });

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
