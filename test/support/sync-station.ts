import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import type { EngineTiming } from '../../electron/core/sync/engine/engine-context';
import type { ShippingOptions } from '../../electron/core/workspace';
import { startWooEmulator, type WooEmulator, type WooEmulatorOptions } from '../emulators/woocommerce/woo-emulator';
import { scanAll } from './pack-helpers';
import { tempDir } from './temp-dir';

/** Short waits so tests run in seconds; the same code paths as the app's defaults. */
export const FAST_TIMING: Partial<EngineTiming> = { idleCheckMs: 40, retryBaseMs: 40, retryMaxMs: 600, offlineProbeMaxMs: 400 };

export type SyncStation = {
  emu: WooEmulator; core: Core; client: ApiClient; channelId: number; dataDir: string;
  /** a customer orders on the shop */
  placeOrder(lines: Array<{ sku: string; quantity: number }>, extra?: Record<string, unknown>): number;
  /** our order id for a shop order, once it has arrived */
  localId(wooId: number): number | undefined;
  waitFor<T>(what: string, probe: () => T | undefined | false | null, timeoutMs?: number): Promise<T>;
  pack(orderId: number): Promise<void>;
  close(): Promise<void>;
};

const customer = (i: number) => ({
  first_name: ['Zoë', 'Łukasz', 'Søren', 'Mary'][i % 4], last_name: ['Müller', 'Żółkiewski', 'Kierkegård', 'O’Brien'][i % 4], company: '',
  address_1: ['Königstraße 12', 'ul. Piotrkowska 104', 'Nørrebrogade 45', '7 Grafton Street'][i % 4], address_2: '', city: ['Stuttgart', 'Łódź', 'København N', 'Dublin 2'][i % 4],
  state: '', postcode: ['70173', '90-926', '2200', 'D02 XY45'][i % 4], country: ['DE', 'PL', 'DK', 'IE'][i % 4], email: 'customer@example.com', phone: '+49 711 1',
});

/** A demo workspace on a real SQLite file, its engine connected (through Settings' own command) to a WooCommerce emulator. */
export async function startSyncStation(options: {
  emulator?: WooEmulatorOptions; timing?: Partial<EngineTiming>; requestTimeoutMs?: number; dataDir?: string; pollSeconds?: number; pushStock?: boolean;
  shipping?: ShippingOptions;
  /** SKUs of the catalog the WooCommerce shop does not list */
  notOnWoo?: string[];
} = {}): Promise<SyncStation> {
  const emu = await startWooEmulator(options.emulator);
  const dir = options.dataDir ? null : tempDir('packbench-sync-');
  const dataDir = options.dataDir ?? dir!.path;
  const core = createCore({
    dataDir, actor: 'packer-1', printerFactory: () => createFakePrinter(), ...(options.shipping ? { shipping: options.shipping } : {}),
    sync: { timing: { ...FAST_TIMING, ...options.timing }, requestTimeoutMs: options.requestTimeoutMs ?? 1500 },
  });
  const client = createInMemoryClient(core);
  const skus = core.workspace().repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id').all() as Array<{ sku: string; title: string }>;
  for (const v of skus) if (!options.notOnWoo?.includes(v.sku)) emu.store.addProduct({ name: v.title, sku: v.sku, price: '12.50', stock: 500 });
  const saved = await client.call('channels.connect', {
    kind: 'woocommerce', name: 'Test WooCommerce', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret },
    pollSeconds: options.pollSeconds ?? 2, pushStock: options.pushStock ?? false,
  });
  let placed = 0;
  const station: SyncStation = {
    emu, core, client, channelId: saved.channelId, dataDir,
    placeOrder(lines, extra = {}) {
      const i = placed++;
      return emu.store.addOrder({ billing: customer(i), shipping: customer(i), line_items: lines, ...extra }).id;
    },
    localId(wooId) {
      return core.workspace().repos.sync.version(saved.channelId, String(wooId))?.orderId;
    },
    async waitFor(what, probe, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const v = probe();
        if (v !== undefined && v !== false && v !== null) return v;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async pack(orderId) {
      const view = await client.call('pack.open', { orderId });
      await scanAll(core, client, view.sessionId);
      await client.call('pack.complete', { sessionId: view.sessionId });
    },
    async close() {
      await core.workspace().shipping.queue.idle();
      await core.workspace().print.idle();
      client.close();
      core.close();
      await emu.stop();
      dir?.remove();
    },
  };
  return station;
}

export const DEMO_SKUS = (core: Core) => (core.workspace().repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id').all() as Array<{ sku: string }>).map((r) => r.sku);
