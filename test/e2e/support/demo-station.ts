import { rmSync } from 'node:fs';
import { startStation, test as stationTest, type Station } from '../station';
import { prepareDemoData, type DemoData, type DemoOrder } from './pack-demo';

/** Each test: a demo data folder whose orders and barcodes are known, and a station on it. */
export const test = stationTest.extend<{ demo: DemoData }>({
  demo: async ({}, use) => {
    const demo = await prepareDemoData();
    await use(demo);
    rmSync(demo.dataDir, { recursive: true, force: true });
  },
  station: async ({ demo }, use) => {
    const station: Station = await startStation({ dataDir: demo.dataDir });
    await use(station);
    await station.stop();
  },
});
export { expect } from '../station';

/** Every unit of the order, each as the code a scanner reads: the retail and internal barcodes in turn. */
export function unitScans(order: DemoOrder): Array<{ sku: string; code: string; n: number }> {
  return order.lines.flatMap((l) => Array.from({ length: l.quantity }, (_, i) => ({ sku: l.sku, code: i % 2 === 0 ? l.retail : l.internal, n: i + 1 })));
}

export function orderWith(demo: DemoData, fits: (o: DemoOrder) => boolean, skip: DemoOrder[] = []): DemoOrder {
  const found = demo.orders.find((o) => fits(o) && !skip.includes(o));
  if (!found) throw new Error('no demo order fits this test');
  return found;
}

export const units = (o: DemoOrder) => o.lines.reduce((n, l) => n + l.quantity, 0);

/** How a person types: one key every 150 ms (the brief's human speed). */
export const HUMAN_KEY_MS = 150;
