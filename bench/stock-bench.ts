// Inventory sync (#7), through the real engine, a real SQLite file and the loopback emulators:
//   1. propagation A → B: a sale on Shopify until WooCommerce shows the lower count (2 s poll; target p95 ≤ 3 s);
//   2. 5,000 SKUs pushed to the Shopify emulator with its standard bucket (1000 points, 50/s): elapsed ÷ the
//      minimum the rate limit allows for the points this run spent (target ≤ 1.1), THROTTLED answers (target 0);
//   3. 100,000 ledger movements on 2,000 SKUs in a burst: pushes sent (coalescing ratio) and time to converge.
// Counts are configurable: BENCH_STOCK_SALES, BENCH_STOCK_SKUS, BENCH_STOCK_MOVES, BENCH_STOCK_BURST_SKUS.

import { createCore, type Core } from '../electron/core/create-core';
import { createFakePrinter } from '../electron/core/drivers/printer';
import { createInMemoryClient } from '../electron/core/hosts/in-memory-transport';
import { startShopifyEmulator, type ShopifyEmulator } from '../test/emulators/shopify/server';
import { startWooEmulator, type WooEmulator } from '../test/emulators/woocommerce/woo-emulator';
import { tempDir } from '../test/support/temp-dir';
import { line, ms, summarise } from './stats';

const SALES = Number(process.env.BENCH_STOCK_SALES ?? 200);
const SKUS = Number(process.env.BENCH_STOCK_SKUS ?? 5000);
const MOVES = Number(process.env.BENCH_STOCK_MOVES ?? 100_000);
const BURST_SKUS = Number(process.env.BENCH_STOCK_BURST_SKUS ?? 2000);
const POLL_SECONDS = 2;
const BUCKET = { maximumAvailable: 1000, restoreRate: 50 };
const address = { firstName: 'Sam', lastName: 'Taylor', address1: '221 King St', city: 'Portland', provinceCode: 'OR', zip: '97205', countryCode: 'US' };

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const quiet = () => {
  const saved = [console.log, console.warn, console.error] as const;
  console.log = () => {};
  console.warn = () => {};
  console.error = () => {};
  return (...args: unknown[]) => { [console.log, console.warn, console.error] = saved; if (args.length) console.log(...args); };
};

async function until(what: string, probe: () => boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** An empty workspace with `skus` SKUs of `onHand` each, on a real file. */
function station(skus: number, onHand: number) {
  const dir = tempDir('packbench-stock-bench-');
  const core: Core = createCore({ dataDir: dir.path, actor: 'bench', printerFactory: () => createFakePrinter(), sync: { timing: { idleCheckMs: 100 } } });
  const client = createInMemoryClient(core);
  const repos = core.workspace().repos;
  const at = new Date().toISOString();
  repos.transaction(() => {
    const locationId = repos.catalog.locations()[0]?.id ?? repos.catalog.insertLocation('MAIN', 'Main', { name: '', company: '', line1: '', line2: '', line3: '', city: '', region: '', postalCode: '', countryCode: 'DE', phone: '', email: '' } as never);
    for (let i = 0; i < skus; i++) {
      const productId = repos.catalog.insertProduct(`Bench item ${i}`);
      const variantId = repos.catalog.insertVariant({ productId, sku: `BENCH-${String(i).padStart(5, '0')}`, title: `Bench item ${i}`, weightGrams: 100, lengthMm: 10, widthMm: 10, heightMm: 10 });
      repos.inventory.record({ variantId, locationId, kind: 'receive', quantity: onHand, reason: 'bench', actor: 'bench', reference: '', at });
    }
  });
  return { core, client, repos, close() { client.close(); core.close(); dir.remove(); } };
}

const skuList = (n: number) => Array.from({ length: n }, (_, i) => `BENCH-${String(i).padStart(5, '0')}`);

async function connectWoo(s: ReturnType<typeof station>, emu: WooEmulator) {
  return (await s.client.call('channels.connect', { kind: 'woocommerce', name: 'Bench Woo', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: POLL_SECONDS, pushStock: true })).channelId;
}
async function connectShopify(s: ReturnType<typeof station>, emu: ShopifyEmulator) {
  return (await s.client.call('channels.connect', { kind: 'shopify', name: 'Bench Shopify', baseUrl: emu.url, credentials: { accessToken: emu.accessToken }, pollSeconds: POLL_SECONDS, pushStock: true })).channelId;
}

/** 1. A sale on Shopify → WooCommerce lower, timed. Shopify keeps a fixed budget so every sale moves WooCommerce by one. */
async function propagation() {
  const restore = quiet();
  const s = station(1, 100_000);
  const woo = await startWooEmulator();
  const shop = await startShopifyEmulator({ bucket: { maximumAvailable: 2000, restoreRate: 100 } });
  const sku = skuList(1)[0]!;
  woo.store.addProduct({ name: 'Bench item', sku, stock: 0 });
  shop.state.addProduct({ title: 'Bench item', variants: [{ sku, price: '10.00', available: 0 }] });
  try {
    const wooId = await connectWoo(s, woo);
    const shopId = await connectShopify(s, shop);
    await s.client.call('stockSync.setRule', { channelId: shopId, sku: '', kind: 'budget', value: 5 });
    const published = (id: number) => s.repos.stockSync.published(id, sku)?.quantity;
    await until('first counts', () => woo.store.stockOf(sku) === published(wooId) && shop.state.availableOf(sku) === 5 && published(wooId) !== undefined, 30_000);
    const samples: number[] = [];
    for (let i = 0; i < SALES; i++) {
      await sleep(Math.random() * 500);
      await until('Shopify back at its budget', () => shop.state.availableOf(sku) === 5, 15_000);
      const before = woo.store.stockOf(sku)!;
      const t0 = performance.now();
      shop.state.checkout({ email: `b${i}@example.com`, lines: [{ sku, quantity: 1 }], shippingAddress: address });
      await until('WooCommerce lower', () => (woo.store.stockOf(sku) ?? before) < before, 15_000);
      samples.push(performance.now() - t0);
    }
    restore();
    const r = summarise(samples);
    line(`propagation Shopify sale → WooCommerce count (${r.n} sales, poll ${POLL_SECONDS} s): median`, ms(r.median));
    line('propagation: p95 / max', `${ms(r.p95)} / ${ms(r.max)}`, 'p95 ≤ 3000 ms', r.p95 <= 3000);
  } finally {
    restore();
    s.close();
    await woo.stop();
    await shop.stop();
  }
}

/** 2. Every SKU's first count to Shopify under its standard rate limit. */
async function shopifyPush() {
  const restore = quiet();
  const s = station(SKUS, 7);
  const shop = await startShopifyEmulator({ bucket: BUCKET });
  const skus = skuList(SKUS);
  for (let i = 0; i < skus.length; i += 100) shop.state.addProduct({ title: `Bench ${i}`, variants: skus.slice(i, i + 100).map((sku) => ({ sku, price: '10.00', available: 0 })) });
  try {
    const spent0 = shop.stats.pointsSpent;
    const throttled0 = shop.stats.throttled;
    const t0 = performance.now();
    const id = await connectShopify(s, shop);
    await until('every SKU on Shopify', () => s.repos.stockSync.dirtyCount(id) === 0 && s.repos.stockSync.publishedAll(id).length === SKUS, 30 * 60_000);
    const elapsed = (performance.now() - t0) / 1000;
    restore();
    const spent = shop.stats.pointsSpent - spent0;
    // the bucket starts full: only what goes beyond it has to wait for the restore rate
    const minimum = Math.max(0, spent - BUCKET.maximumAvailable) / BUCKET.restoreRate;
    const correct = skus.every((sku) => shop.state.availableOf(sku) === s.repos.stockSync.published(id, sku)?.quantity);
    line(`push ${SKUS} SKUs to Shopify (bucket ${BUCKET.maximumAvailable}, restore ${BUCKET.restoreRate}/s): elapsed`, `${elapsed.toFixed(1)} s, ${spent} points, every count right: ${correct}`);
    line('push: elapsed ÷ minimum the rate limit allows', minimum > 0 ? `${(elapsed / minimum).toFixed(2)} (minimum ${minimum.toFixed(1)} s)` : `not rate-bound (${spent} points ≤ bucket)`, '≤ 1.1', minimum > 0 && elapsed / minimum <= 1.1);
    line('push: THROTTLED answers', String(shop.stats.throttled - throttled0), '0', shop.stats.throttled === throttled0);
  } finally {
    restore();
    s.close();
    await shop.stop();
  }
}

/** 3. A burst of ledger movements: how many pushes reach the shop, and how soon it agrees. */
async function burst() {
  const restore = quiet();
  const s = station(BURST_SKUS, 1000);
  const woo = await startWooEmulator();
  const skus = skuList(BURST_SKUS);
  for (const sku of skus) woo.store.addProduct({ name: sku, sku, stock: 0 });
  try {
    const id = await connectWoo(s, woo);
    await until('first counts', () => s.repos.stockSync.dirtyCount(id) === 0 && s.repos.stockSync.publishedAll(id).length === BURST_SKUS, 10 * 60_000);
    const writes0 = woo.writes().length;
    const variants = skus.map((sku) => s.repos.catalog.variantBySku(sku)!.id);
    const at = new Date().toISOString();
    const t0 = performance.now();
    // 100 transactions of 1,000 movements: reserve and release, receive and count, as a busy bench writes them
    for (let done = 0; done < MOVES;) {
      s.repos.transaction(() => {
        for (let k = 0; k < 1000 && done < MOVES; k++, done++) {
          const variantId = variants[done % variants.length]!;
          const pass = Math.floor(done / variants.length) % 4;
          const kind = pass === 0 ? 'reserve' : pass === 1 ? 'release' : pass === 2 ? 'receive' : 'reserve';
          s.repos.inventory.record({ variantId, locationId: 1, kind, quantity: 1, reason: 'bench', actor: 'bench', reference: 'bench', at });
        }
      });
      await sleep(0);
    }
    const burstMs = performance.now() - t0;
    const ledger = (sku: string) => { const b = s.repos.stockSync.balance(sku, null); return b.onHand - b.committed; };
    await until('the shop agrees with the ledger', () => s.repos.stockSync.dirtyCount(id) === 0 && skus.every((sku) => woo.store.stockOf(sku) === ledger(sku)), 10 * 60_000);
    const convergeMs = performance.now() - t0;
    const pushes = woo.writes().length - writes0;
    restore();
    line(`burst: ${MOVES} movements on ${BURST_SKUS} SKUs written in`, ms(burstMs));
    line('burst: counts pushed to WooCommerce (coalescing ratio)', `${pushes} (${(MOVES / Math.max(1, pushes)).toFixed(1)} movements per push)`, `≤ ${BURST_SKUS * 2}`, pushes <= BURST_SKUS * 2);
    line('burst: from the first movement until the shop agrees', ms(convergeMs));
  } finally {
    restore();
    s.close();
    await woo.stop();
  }
}

export async function stockBench(): Promise<void> {
  console.log(`\nInventory sync — ${SALES} sales A → B, ${SKUS} SKUs to Shopify, ${MOVES} movements on ${BURST_SKUS} SKUs`);
  const part = process.env.BENCH_STOCK_PART;
  if (!part || part === 'propagation') await propagation();
  if (!part || part === 'push') await shopifyPush();
  if (!part || part === 'burst') await burst();
}
