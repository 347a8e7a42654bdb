import { afterEach, beforeEach } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter, type FakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { startEasyPostEmulator, type EasyPostEmulator } from '../emulators/easypost-emulator';
import { startShippoEmulator, type ShippoEmulator } from '../emulators/shippo-emulator';
export { ordersTo, packOrder } from './shipping-orders';
import { tempDir } from './temp-dir';

export type ShippingBench = {
  core: Core; client: ApiClient; printer: FakePrinter; dir: string; easypost: EasyPostEmulator; shippo: ShippoEmulator;
  easypostId: number; shippoId: number;
};

import { QUICK } from './shipping-timing';

export function openCore(dir: string, printer: FakePrinter): { core: Core; client: ApiClient } {
  const core = createCore({ dataDir: dir, actor: 'packer-1', printerFactory: () => printer, shipping: QUICK });
  return { core, client: createInMemoryClient(core) };
}

/** A demo workspace on a real SQLite file, EasyPost and Shippo emulators on loopback, carrier labels switched on. */
export function useShippingBench(): ShippingBench {
  const bench = {} as ShippingBench;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    dir = tempDir();
    bench.dir = dir.path;
    bench.easypost = await startEasyPostEmulator();
    bench.shippo = await startShippoEmulator();
    bench.printer = createFakePrinter({ name: 'Bench fake' });
    Object.assign(bench, openCore(dir.path, bench.printer));
    const ep = await bench.client.call('carriers.save', { kind: 'easypost', name: 'EasyPost', apiKey: 'EZTKtest123', baseUrl: bench.easypost.url, refusesPoBox: true });
    const sh = await bench.client.call('carriers.save', { kind: 'shippo', name: 'Shippo', apiKey: 'shippo_test_123', baseUrl: bench.shippo.url });
    bench.easypostId = ep.id;
    bench.shippoId = sh.id;
    await bench.client.call('shipping.saveRules', { buyLabels: true, customsSigner: 'Test Shop', fallback: { strategy: 'cheapest', carrierIds: [ep.id] } });
  });
  afterEach(async () => {
    await settle(bench.core);
    bench.client.close();
    bench.core.close();
    await bench.easypost.stop();
    await bench.shippo.stop();
    dir.remove();
  });
  return bench;
}

export async function settle(core: Core): Promise<void> {
  await core.workspace().shipping.queue.idle();
  await core.workspace().print.idle();
}

export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function fulfilledRows(core: Core, orderId: number) {
  return (core.workspace().repos.db.$client.prepare(`SELECT payload FROM outbox WHERE topic = 'order.fulfilled' ORDER BY id`).all() as Array<{ payload: string }>)
    .map((r) => JSON.parse(r.payload) as { orderId: number; parcelNo: number; final: boolean; tracking: { company: string; number: string; url: string } | null; lines: unknown[] })
    .filter((p) => p.orderId === orderId);
}
