// 10,000 orders from the Shopify emulator with Shopify's standard bucket (1000 points, 50 restored a
// second), through the real adapter over loopback HTTP:
//   1. the first import, which the adapter does as one bulk operation (JSONL);
//   2. the paged pull of orders changed since a cursor, which is what runs all day: how close it keeps
//      to the restore rate without ever being throttled. Paging all 10,000 takes over an hour at 50
//      points a second, so it runs for BENCH_SHOPIFY_SECONDS (default 60) unless BENCH_SHOPIFY_FULL=1.
// Both sides of every ratio are measured in the same run.

import { createShopifyChannel } from '../electron/core/sync/channels/shopify/shopify-channel';
import { seedDemoShop, seedOrders } from '../test/emulators/shopify/seed';
import { startShopifyEmulator } from '../test/emulators/shopify/server';
import { line } from './stats';

const ORDERS = Number(process.env.BENCH_SHOPIFY_ORDERS ?? 10_000);
const WINDOW_S = Number(process.env.BENCH_SHOPIFY_SECONDS ?? 60);
const FULL = process.env.BENCH_SHOPIFY_FULL === '1';
const BUCKET = { maximumAvailable: 1000, restoreRate: 50 };

export async function shopifyBench(): Promise<void> {
  console.log(`\nShopify sync — ${ORDERS} orders, bucket ${BUCKET.maximumAvailable} points, restore ${BUCKET.restoreRate}/s`);
  const createdAt = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const emu = await startShopifyEmulator({
    bucket: BUCKET, bulkDelayMs: 500,
    seed: (s) => {
      seedDemoShop(s, 0);
      seedOrders(s, ORDERS);
      for (const o of s.orders.values()) { o.createdAt = createdAt; o.updatedAt = createdAt; o.processedAt = createdAt; }
    },
  });
  try {
    const channel = (token: string) => createShopifyChannel(
      { channelId: 1, kind: 'shopify', name: 'Bench store', baseUrl: emu.url, credentials: { accessToken: token }, options: { shopDomain: emu.domain } },
      { clock: { now: () => new Date() }, requestTimeoutMs: 30_000 },
    );

    // 1. first import
    const first = channel(emu.accessToken);
    let t0 = performance.now();
    let spent0 = emu.stats.pointsSpent;
    let throttled0 = emu.stats.throttled;
    let imported = 0;
    let continuation: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof first.pullOrders>> = await first.pullOrders({ since: null, continuation, pageSize: 1000 });
      imported += page.orders.length;
      continuation = page.continuation;
    } while (continuation);
    const importMs = performance.now() - t0;
    line('first import (bulk operation + JSONL): orders', `${imported} in ${(importMs / 1000).toFixed(1)} s`, `${ORDERS}`, imported === ORDERS);
    line('first import: points spent / THROTTLED answers', `${emu.stats.pointsSpent - spent0} / ${emu.stats.throttled - throttled0}`, '0 THROTTLED', emu.stats.throttled === throttled0);

    // 2. paged pull of everything changed since an hour ago, with a full bucket to start from
    emu.bucket.configure({ currentlyAvailable: BUCKET.maximumAvailable });
    const paged = channel(emu.accessToken);
    const since = JSON.stringify({ updatedAtMin: new Date(Date.parse(createdAt) - 1000).toISOString() });
    const startStatus = emu.bucket.status();
    spent0 = emu.stats.pointsSpent;
    throttled0 = emu.stats.throttled;
    t0 = performance.now();
    let pulled = 0;
    let pages = 0;
    continuation = null;
    do {
      const page: Awaited<ReturnType<typeof paged.pullOrders>> = await paged.pullOrders({ since, continuation, pageSize: 250 });
      pulled += page.orders.length;
      pages++;
      continuation = page.continuation;
    } while (continuation && (FULL || performance.now() - t0 < WINDOW_S * 1000));
    const seconds = (performance.now() - t0) / 1000;
    const endStatus = emu.bucket.status();
    const spent = emu.stats.pointsSpent - spent0;
    const throttled = emu.stats.throttled - throttled0;
    // what the run used of the restore, leaving out the bucket it started with
    const fromBucket = startStatus.currentlyAvailable - endStatus.currentlyAvailable;
    const steady = (spent - fromBucket) / (seconds * BUCKET.restoreRate);
    const raw = spent / seconds / BUCKET.restoreRate;
    const perOrder = spent / Math.max(1, pulled);
    line(`paged pull (${FULL ? 'all' : `${WINDOW_S} s window`}): orders / pages`, `${pulled} / ${pages} in ${seconds.toFixed(1)} s (${(pulled / seconds).toFixed(1)} orders/s)`);
    line('paged pull: points spent per second ÷ restore rate', `${raw.toFixed(2)} (${steady.toFixed(2)} without the starting bucket)`, '≥ 0.9', steady >= 0.9);
    line('paged pull: THROTTLED answers', String(throttled), '0', throttled === 0);
    line('paged pull: points per order (actual cost)', perOrder.toFixed(1));
    if (!FULL || pulled < ORDERS) {
      line(`paged pull: projected time for all ${ORDERS} orders`, `${((ORDERS * perOrder) / BUCKET.restoreRate / 60).toFixed(0)} min at the restore rate (why the first import is a bulk operation)`);
    }
  } finally {
    await emu.stop();
  }
}
