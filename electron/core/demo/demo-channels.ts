import { seedOrders } from '../../../test/emulators/shopify/seed';
import { startShopifyEmulator, type ShopifyEmulator } from '../../../test/emulators/shopify/server';
import { startWooEmulator, type WooEmulator } from '../../../test/emulators/woocommerce/woo-emulator';
import type { Workspace } from '../workspace';
import { DEMO_CUSTOMERS } from './demo-data';

/**
 * The demo shops: channel emulators started inside the station, filled with the demo catalog and a few
 * orders, and connected like real shops would be, so a newcomer sees orders arrive and shipments go back
 * with no account anywhere. New orders keep arriving for a while. Demo workspace only.
 */

type Running = { woo: WooEmulator; shopify: ShopifyEmulator | null; shopifyProblem: string; timer: NodeJS.Timeout };
const running = new Map<string, Promise<Running>>();

const DEMO_WOO = { name: 'WooCommerce demo shop (emulated)', key: 'ck_demo_packbench_0000000000000000000000000000000000', secret: 'cs_demo_packbench_0000000000000000000000000000000000' };
const DEMO_SHOPIFY = { name: 'Shopify demo store (emulated)', token: 'shpat_demo_packbench_000000000000' };
const NEW_ORDER_EVERY_MS = 45_000;
const MAX_GENERATED = 40;

function wooAddress(i: number) {
  const c = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]!;
  const [first, ...rest] = c.name.split(' ');
  return {
    first_name: first ?? c.name, last_name: rest.join(' '), company: c.company, address_1: c.line1, address_2: c.line2, city: c.city,
    state: c.region, postcode: c.postalCode, country: c.countryCode, email: c.email, phone: c.phone,
  };
}

async function launch(ws: Workspace): Promise<Running> {
  const skus = ws.repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id LIMIT 24').all() as Array<{ sku: string; title: string }>;
  // ids from the clock: a demo started again later must not reuse the ids of orders it sent before
  const woo = await startWooEmulator({ siteName: DEMO_WOO.name, consumerKey: DEMO_WOO.key, consumerSecret: DEMO_WOO.secret, firstId: (Math.floor(Date.now() / 1000) % 1_000_000) * 1000 });
  for (const v of skus.slice(0, 12)) woo.store.addProduct({ name: v.title, sku: v.sku, price: '12.00', stock: 25 });
  // the Shopify emulator answers from the real Admin schema shipped by a development package: without it, the demo runs WooCommerce only
  let shopify: ShopifyEmulator | null = null;
  let shopifyProblem = '';
  try {
    // numbers from the clock too: a store started again must not send a second #1001 (packers scan numbers)
    shopify = await startShopifyEmulator({ accessToken: DEMO_SHOPIFY.token, currency: 'GBP', bulkDelayMs: 200, firstOrderNumber: 1001 + (Math.floor(Date.now() / 1000) % 1_000_000) * 100 });
    for (const v of skus.slice(12)) shopify.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '14.00', available: 25 }] });
  } catch (e) {
    console.warn('[demo] the Shopify emulator could not start', e);
    shopifyProblem = 'The Shopify demo store could not start on this installation (it needs the development packages); the WooCommerce one runs alone.';
  }
  const shopSkus = skus.slice(12).map((v) => v.sku);
  let n = 0;
  const wooOrder = () => {
    const a = skus[(n * 7) % 12]!;
    const b = skus[(n * 5 + 3) % 12]!;
    woo.store.addOrder({
      billing: wooAddress(n), shipping: wooAddress(n), customer_note: n % 4 === 0 ? 'Please leave it with the neighbour if nobody is in.' : '',
      line_items: a.sku === b.sku || n % 3 ? [{ sku: a.sku, quantity: 1 + (n % 2) }] : [{ sku: a.sku, quantity: 1 }, { sku: b.sku, quantity: 1 }],
    });
    n++;
  };
  for (let i = 0; i < 6; i++) wooOrder();
  if (shopify) seedOrders(shopify.state, 6, { skus: shopSkus });
  let generated = 0;
  const timer = setInterval(() => {
    if (generated++ >= MAX_GENERATED) return;
    if (generated % 2 || !shopify) wooOrder(); else seedOrders(shopify.state, 1, { skus: shopSkus });
  }, NEW_ORDER_EVERY_MS / 2);
  timer.unref();
  return { woo, shopify, shopifyProblem, timer };
}

/** connects (or reconnects) the demo channel of this kind to the emulator at `baseUrl` */
function connectDemo(ws: Workspace, kind: string, name: string, baseUrl: string, credentials: Record<string, string>) {
  const existing = ws.channels.list().find((c) => c.demo && c.kind === kind);
  // an emulator started anew numbers its orders from the start again: its orders go to a fresh channel
  if (existing && existing.baseUrl !== baseUrl && existing.connected) ws.channels.remove(existing.channelId);
  const reuse = existing && existing.baseUrl === baseUrl ? existing.channelId : undefined;
  const saved = ws.channels.connect({
    channelId: reuse, kind, name, baseUrl, credentials, pollSeconds: 5, pushStock: true, locationId: ws.repos.catalog.defaultLocationId() ?? null,
  });
  const c = ws.repos.sync.channel(saved.channelId)!;
  ws.repos.sync.setChannel(c.id, c.name, { ...c.config, demo: true });
  ws.sync.reload(c.id);
}

/** Starts (or reuses) the demo shops for this data folder and connects the workspace to them. */
export async function startDemoChannels(ws: Workspace, dataDir: string): Promise<string> {
  let r = running.get(dataDir);
  if (!r) {
    r = launch(ws);
    running.set(dataDir, r);
    r.catch(() => running.delete(dataDir));
  }
  const { woo, shopify, shopifyProblem } = await r;
  connectDemo(ws, 'woocommerce', DEMO_WOO.name, woo.url, { consumerKey: DEMO_WOO.key, consumerSecret: DEMO_WOO.secret });
  if (shopify) connectDemo(ws, 'shopify', DEMO_SHOPIFY.name, shopify.url, { accessToken: DEMO_SHOPIFY.token });
  const shops = shopify ? `${DEMO_WOO.name} (${woo.url}) and ${DEMO_SHOPIFY.name} (${shopify.url})` : `${DEMO_WOO.name} (${woo.url})`;
  return `Demo shops running on this computer and connected: ${shops}. Their orders arrive within seconds, a new one about every `
    + `${NEW_ORDER_EVERY_MS / 1000} s, and packed orders are sent back to them.${shopifyProblem ? ` ${shopifyProblem}` : ''}`;
}

export async function stopDemoChannels(dataDir: string): Promise<void> {
  const r = running.get(dataDir);
  if (!r) return;
  running.delete(dataDir);
  const { woo, shopify, timer } = await r;
  clearInterval(timer);
  await Promise.all([woo.stop(), shopify?.stop()]);
}
