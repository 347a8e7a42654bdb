import { createCore, type Core } from '../electron/core/create-core';
import { createFakePrinter } from '../electron/core/drivers/printer';
import { createInMemoryClient } from '../electron/core/hosts/in-memory-transport';
import { startWooEmulator, type WooEmulator } from '../test/emulators/woocommerce/woo-emulator';
import { tempDir } from '../test/support/temp-dir';
import { line, ms, summarise } from './stats';

const ARRIVALS = Number(process.env.BENCH_SYNC_ARRIVALS ?? 40);
const POLL_SECONDS = 2;
const FULFILMENTS = Number(process.env.BENCH_SYNC_FULFILMENTS ?? 5000);
const LATENCY_MS = 50;
/** the emulated shop's own request limit (token bucket), the ceiling a drain can reach */
const SHOP_LIMIT = { perSecond: 50, burst: 50 };

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const quiet = () => {
  const saved = [console.log, console.warn, console.error] as const;
  console.warn = () => {};
  console.error = () => {};
  return () => { [console.log, console.warn, console.error] = saved; };
};

async function station(emu: WooEmulator, pollSeconds: number) {
  const dir = tempDir('packbench-sync-bench-');
  const core: Core = createCore({ dataDir: dir.path, actor: 'bench', printerFactory: () => createFakePrinter() });
  const client = createInMemoryClient(core);
  const saved = await client.call('channels.connect', {
    kind: 'woocommerce', name: 'Bench shop', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds,
  });
  return {
    core, client, channelId: saved.channelId,
    close() { client.close(); core.close(); dir.remove(); },
  };
}

const customer = { first_name: 'Zoë', last_name: 'Müller', address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'DE', email: 'zoe@example.de' };

/** Orders placed at random moments; each timed from its creation on the shop to its row in the queue. */
async function arrivalLatency() {
  const emu = await startWooEmulator();
  const s = await station(emu, POLL_SECONDS);
  try {
    await s.core.workspace().sync.settled();
    const samples: number[] = [];
    for (let i = 0; i < ARRIVALS; i++) {
      await sleep(200 + Math.random() * 1800);
      const created = performance.now();
      const w = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'WRAP-BEE', quantity: 1 }] });
      const repos = s.core.workspace().repos;
      // "visible in the queue": the order is in the list the Orders screen asks for
      for (;;) {
        const v = repos.sync.version(s.channelId, String(w.id));
        if (v && (await s.client.call('orders.list', { q: `#${w.id}`, channelId: s.channelId, limit: 1 })).total === 1) break;
        await sleep(10);
      }
      samples.push(performance.now() - created);
    }
    return summarise(samples);
  } finally {
    s.close();
    await emu.stop();
  }
}

/** 5,000 shipments with tracking waiting in the outbox, drained against a shop answering in 50 ms with a request limit. */
async function drainThroughput() {
  const emu = await startWooEmulator({ latencyMs: 0 });
  for (let i = 0; i < FULFILMENTS; i++) emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'WRAP-BEE', quantity: 1 }] });
  const s = await station(emu, 3600);
  try {
    const pullStart = performance.now();
    await s.core.workspace().sync.settled();
    const ws = s.core.workspace();
    const imported = (await s.client.call('orders.list', { q: '', channelId: s.channelId, limit: 1 })).total;
    if (imported !== FULFILMENTS) throw new Error(`only ${imported} of ${FULFILMENTS} orders were imported`);
    const pullMs = performance.now() - pullStart;
    ws.sync.stop();
    // the rows a bought label writes for each parcel (INTERFACES item 2), in one transaction per 500
    const ids = (ws.repos.db.$client.prepare('SELECT order_id AS id, external_id AS ext FROM order_versions WHERE channel_id = ?').all(s.channelId) as Array<{ id: number; ext: string }>);
    for (let i = 0; i < ids.length; i += 500) {
      ws.repos.transaction(() => {
        for (const o of ids.slice(i, i + 500)) {
          ws.repos.outbox.enqueue('order.fulfilled', s.channelId, {
            orderId: o.id, externalId: o.ext, parcelNo: 1, final: true, lines: [{ sku: 'WRAP-BEE', quantity: 1 }],
            tracking: { company: 'DHL Express', number: `JD${String(o.id).padStart(18, '0')}`, url: '' },
          }, new Date().toISOString());
        }
      });
    }
    emu.setLatency(LATENCY_MS);
    emu.setRateLimit(SHOP_LIMIT);
    const before = emu.ops.length;
    const t0 = performance.now();
    ws.sync.start();
    while (ws.repos.outboxDrain.depth(s.channelId).waiting > 0) await sleep(100);
    const seconds = (performance.now() - t0) / 1000;
    const ops = emu.ops.slice(before);
    const completed = emu.store.effects.filter((e) => e.kind === 'order.status' && e.to === 'completed').length;
    const notes = emu.store.effects.filter((e) => e.kind === 'note.created' && e.customerNote).length;
    const accepted = ops.filter((o) => o.status !== 429).length;
    return { imported, pullMs, seconds, completed, notes, requests: ops.length, accepted, throttled: ops.length - accepted };
  } finally {
    s.close();
    await emu.stop();
  }
}

export async function syncBench() {
  console.log('\nSync (WooCommerce emulator on 127.0.0.1)');
  const restore = quiet();
  try {
    const arrival = await arrivalLatency();
    restore();
    line(`order on the shop → in the queue, poll ${POLL_SECONDS} s, ${arrival.n} orders: median`, ms(arrival.median));
    line('  p95', ms(arrival.p95), `≤ ${POLL_SECONDS + 1} s`, arrival.p95 <= (POLL_SECONDS + 1) * 1000);
    quiet();
    const d = await drainThroughput();
    restore();
    line(`first import of ${d.imported.toLocaleString('en')} orders (pages of 100, no latency)`, `${(d.pullMs / 1000).toFixed(1)} s, ${Math.round(d.imported / (d.pullMs / 1000))} orders/s`);
    line(`drain ${FULFILMENTS.toLocaleString('en')} shipments with tracking, ${LATENCY_MS} ms latency`, `${d.seconds.toFixed(1)} s, ${(FULFILMENTS / d.seconds).toFixed(1)} shipments/s`);
    line(`  requests answered per second (shop limit ${SHOP_LIMIT.perSecond}/s)`, `${(d.accepted / d.seconds).toFixed(1)}/s, ratio ${(d.accepted / d.seconds / SHOP_LIMIT.perSecond).toFixed(2)}`);
    line('  429 answers (waited out per Retry-After)', `${d.throttled} of ${d.requests} requests`);
    line('  exactly once: completed / tracking notes', `${d.completed} / ${d.notes}`, `${FULFILMENTS} / ${FULFILMENTS}`, d.completed === FULFILMENTS && d.notes === FULFILMENTS);
  } finally {
    restore();
  }
}
