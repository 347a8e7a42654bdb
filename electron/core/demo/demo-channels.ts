import { startWooEmulator, type WooEmulator } from '../../../test/emulators/woocommerce/woo-emulator';
import type { Workspace } from '../workspace';
import { DEMO_CUSTOMERS } from './demo-data';

/**
 * The demo shops: channel emulators started inside the station, filled with the demo catalog and a few
 * orders, and connected like a real shop would be, so a newcomer sees orders arrive and shipments go back
 * with no account anywhere. New orders keep arriving for a while. Demo workspace only.
 */

type Running = { woo: WooEmulator; timer: NodeJS.Timeout };
const running = new Map<string, Promise<Running>>();

const DEMO_WOO = { name: 'WooCommerce demo shop (emulated)', key: 'ck_demo_packbench_0000000000000000000000000000000000', secret: 'cs_demo_packbench_0000000000000000000000000000000000' };
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
  // ids from the clock: a demo started again later must not reuse the ids of orders it sent before
  const woo = await startWooEmulator({ siteName: DEMO_WOO.name, consumerKey: DEMO_WOO.key, consumerSecret: DEMO_WOO.secret, firstId: (Math.floor(Date.now() / 1000) % 1_000_000) * 1000 });
  const skus = (ws.repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id LIMIT 24').all() as Array<{ sku: string; title: string }>);
  for (const v of skus) woo.store.addProduct({ name: v.title, sku: v.sku, price: '12.00', stock: 25 });
  let n = 0;
  const order = () => {
    const a = skus[(n * 7) % skus.length]!;
    const b = skus[(n * 11 + 3) % skus.length]!;
    woo.store.addOrder({
      billing: wooAddress(n), shipping: wooAddress(n), customer_note: n % 4 === 0 ? 'Please leave it with the neighbour if nobody is in.' : '',
      line_items: a.sku === b.sku || n % 3 ? [{ sku: a.sku, quantity: 1 + (n % 2) }] : [{ sku: a.sku, quantity: 1 }, { sku: b.sku, quantity: 1 }],
    });
    n++;
  };
  for (let i = 0; i < 6; i++) order();
  const timer = setInterval(() => { if (n < 6 + MAX_GENERATED) order(); }, NEW_ORDER_EVERY_MS);
  timer.unref();
  return { woo, timer };
}

/** Starts (or reuses) the demo shops for this data folder and connects the workspace to them. */
export async function startDemoChannels(ws: Workspace, dataDir: string): Promise<string> {
  let r = running.get(dataDir);
  if (!r) {
    r = launch(ws);
    running.set(dataDir, r);
    r.catch(() => running.delete(dataDir));
  }
  const { woo } = await r;
  const existing = ws.channels.list().find((c) => c.demo && c.kind === 'woocommerce');
  const saved = ws.channels.connect({
    channelId: existing?.channelId, kind: 'woocommerce', name: DEMO_WOO.name, baseUrl: woo.url,
    credentials: { consumerKey: DEMO_WOO.key, consumerSecret: DEMO_WOO.secret }, pollSeconds: 5, pushStock: true, locationId: ws.repos.catalog.defaultLocationId() ?? null,
  });
  const c = ws.repos.sync.channel(saved.channelId)!;
  ws.repos.sync.setChannel(c.id, c.name, { ...c.config, demo: true });
  ws.sync.reload(c.id);
  return `${DEMO_WOO.name} is running at ${woo.url} and connected: its orders arrive within seconds, a new one about every ${NEW_ORDER_EVERY_MS / 1000} s, and packed orders are sent back to it.`;
}

export async function stopDemoChannels(dataDir: string): Promise<void> {
  const r = running.get(dataDir);
  if (!r) return;
  running.delete(dataDir);
  const { woo, timer } = await r;
  clearInterval(timer);
  await woo.stop();
}
