import { spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createCore } from '../electron/core/create-core';
import { openDatabase } from '../electron/core/store/db';
import { itemWords, searchBody } from '../electron/core/store/orders-repo';
import { tempDir } from '../test/support/temp-dir';
import { syntheticOrders } from './order-fixtures';
import { line, ms, summarise, time } from './stats';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const root = new URL('..', import.meta.url).pathname;
const clock = { now: () => new Date('2026-11-27T12:00:00.000Z') };

/**
 * The same rows the store writes for one imported order (order, search text with its items' SKUs and
 * titles, lines, two timeline events, reserve movements and balance updates), written with bare prepared
 * statements in one transaction. No stock channel takes counts here, so neither side writes dirty marks.
 */
function bareImport(dataDir: string, orders: ReturnType<typeof syntheticOrders>) {
  const { db } = openDatabase({ dataDir });
  const c = db.$client;
  const skuToVariant = new Map((c.prepare('SELECT id, sku FROM variants').all() as Array<{ id: number; sku: string }>).map((v) => [v.sku, v.id]));
  const insOrder = c.prepare(`INSERT INTO orders (channel_id, external_id, number, location_id, status, customer_name, ship_name, ship_company,
    ship_line1, ship_line2, ship_line3, ship_city, ship_region, ship_postal_code, ship_country_code, ship_phone, ship_email, currency,
    subtotal_minor, shipping_minor, tax_minor, total_minor, item_count, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'open', ?, ?, '', ?, '', '', ?, '', ?, ?, '', ?, ?, ?, ?, 0, ?, ?, ?, ?)`);
  const insLine = c.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)');
  const insEvent = c.prepare("INSERT INTO order_events (order_id, kind, actor, message, details, created_at) VALUES (?, ?, 'bench', ?, '{}', ?)");
  const insMove = c.prepare("INSERT INTO inventory_movements (variant_id, location_id, kind, on_hand_delta, committed_delta, reason, actor, reference, created_at) VALUES (?, ?, 'reserve', 0, ?, 'order received', 'bench', ?, ?)");
  const updBal = c.prepare('UPDATE inventory_balances SET committed = committed + ? WHERE variant_id = ? AND location_id = ?');
  const insSearch = c.prepare('INSERT INTO order_search (rowid, body) VALUES (?, ?)');
  const at = clock.now().toISOString();
  const t = time(() => c.transaction(() => {
    for (const o of orders) {
      const id = Number(insOrder.run(o.channelId, o.externalId, o.number, o.locationId, o.customerName, o.shipTo.name, o.shipTo.line1, o.shipTo.city,
        o.shipTo.postalCode, o.shipTo.countryCode, o.shipTo.email, o.currency, o.subtotalMinor, o.shippingMinor, o.totalMinor,
        o.lines.reduce((n, l) => n + l.quantity, 0), o.createdAt, o.createdAt).lastInsertRowid);
      insSearch.run(id, searchBody(o.number, o.customerName, o.shipTo, itemWords(o.lines)));
      insEvent.run(id, 'created', `Order ${o.number} received`, at);
      for (const l of o.lines) {
        const v = skuToVariant.get(l.sku)!;
        insLine.run(id, v, l.sku, l.title, l.quantity, l.unitPriceMinor);
        insMove.run(v, o.locationId, l.quantity, `order:${id}`, at);
        updBal.run(l.quantity, v, o.locationId);
      }
      insEvent.run(id, 'reserved', 'Stock reserved', at);
    }
  })());
  c.close();
  return t.ms;
}

async function stationStartToFirstAnswer(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /Open: (\S+)/.exec(out); if (m) resolve(m[1]!); });
      child.once('exit', (code) => reject(new Error(`station exited ${code}`)));
    });
    const u = new URL(url);
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(`ws://${u.host}/api?token=${u.searchParams.get('token')}`);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'request', id: 1, method: 'orders.list', input: { limit: 100 } })));
      ws.on('message', (d) => { const m = JSON.parse(d.toString()); if (m.id === 1 && m.ok) { ws.close(); resolve(); } else reject(new Error(JSON.stringify(m))); });
      ws.on('error', reject);
    });
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function foundationBench() {
  console.log(`\nFoundation (${ORDERS.toLocaleString('en')} orders of 3 lines)`);
  const appDir = tempDir('pb-bench-app-');
  const bareDir = tempDir('pb-bench-bare-');
  try {
    // both sides start from the same demo catalog and schema, then write the same rows
    const core = createCore({ dataDir: appDir.path, clock, actor: 'bench' });
    const repos = core.workspace().repos;
    const skus = (repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id').all() as Array<{ sku: string }>).map((r) => r.sku);
    const channelId = repos.catalog.channels()[0]!.id;
    const locationId = repos.catalog.defaultLocationId()!;
    const orders = syntheticOrders(ORDERS, skus, channelId, locationId);
    createCore({ dataDir: bareDir.path, clock, actor: 'bench' }).close();

    const app = time(() => core.workspace().orders.importOrders(orders, 'bench'));
    const bareMs = bareImport(bareDir.path, orders);
    const appRate = ORDERS / (app.ms / 1000);
    const bareRate = ORDERS / (bareMs / 1000);
    line('import via store layer (orders/s)', `${Math.round(appRate).toLocaleString('en')}/s (${ms(app.ms)})`);
    line('import via bare better-sqlite3 loop, one transaction', `${Math.round(bareRate).toLocaleString('en')}/s (${ms(bareMs)})`);
    line('ratio store / bare', (appRate / bareRate).toFixed(2), '>= 0.5', appRate / bareRate >= 0.5);

    const queries: Array<[string, Record<string, unknown>]> = [
      ['by number', { q: `#${100000 + Math.floor(ORDERS / 2)}` }],
      ['by customer (accented)', { q: 'Kierkegård' }],
      ['by customer (unaccented, partial)', { q: 'zoe mull' }],
      ['by SKU', { q: skus[5]! }],
    ];
    for (const [label, input] of queries) {
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        const r = await core.handle('orders.list', { ...input, limit: 100 });
        samples.push(performance.now() - t0);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      }
      const s = summarise(samples.slice(20));
      line(`search ${label}: p95 (median)`, `${ms(s.p95)} (${ms(s.median)})`, '< 5 ms', s.p95 < 5);
    }
    const first: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await core.handle('orders.list', { limit: 100 });
      first.push(performance.now() - t0);
    }
    const fp = summarise(first.slice(30));
    line('first page of the queue (100 rows + total): p95 (median)', `${ms(fp.p95)} (${ms(fp.median)})`, '< 5 ms', fp.p95 < 5);
    core.close();

    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push(await stationStartToFirstAnswer(appDir.path));
    const st = summarise(starts);
    line('browser station start -> first answered request: median (max)', `${ms(st.median)} (${ms(st.max)})`, '< 1500 ms', st.median < 1500);
  } finally {
    appDir.remove();
    bareDir.remove();
  }
}
