import { chromium, type Browser } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { createCore } from '../electron/core/create-core';
import { tempDir } from '../test/support/temp-dir';
import { idle, scannerBurst, startStation } from './scan-bench';
import { line, ms, summarise } from './stats';

const SCANS = Number(process.env.BENCH_RETURN_SCANS ?? 200);
const WARM_UP = 10;

type Prepared = { rma: string; sku: string; ean: string };

/** A shipped order of one line big enough for every scan, and its return announced, before the station starts. */
async function prepare(dataDir: string): Promise<Prepared> {
  const core = createCore({ dataDir, actor: 'bench' });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.handle(method as never, input as never);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.result as T;
  };
  try {
    const ws = core.workspace();
    const repos = ws.repos;
    const variant = repos.catalog.findVariants('').find((v) => repos.catalog.barcodesOf(v.variantId).some((b) => b.symbology === 'ean-13'));
    if (!variant) throw new Error('the demo catalog has no EAN-13');
    const ean = repos.catalog.barcodesOf(variant.variantId).find((b) => b.symbology === 'ean-13')!.code.slice(-13);
    const locationId = repos.catalog.defaultLocationId()!;
    const quantity = SCANS + WARM_UP + 10;
    // enough on the shelf to send them all
    await call('inventory.adjust', { variantId: variant.variantId, locationId, countedOnHand: repos.inventory.balance(variant.variantId, locationId).onHand + quantity, reason: 'the returns bench' });
    const shipTo = { name: 'Bench Customer', company: '', line1: '1 Return Street', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' };
    const { imported } = ws.orders.importOrders([{
      channelId: repos.catalog.channels()[0]!.id, externalId: 'returns-bench-1', number: 'RET-BENCH-1', locationId, customerName: shipTo.name, shipTo, currency: 'GBP',
      subtotalMinor: 100 * quantity, shippingMinor: 0, taxMinor: 0, totalMinor: 100 * quantity, createdAt: new Date().toISOString(),
      lines: [{ sku: variant.sku, title: variant.title, quantity, unitPriceMinor: 100 }],
    }], 'the returns bench');
    const orderId = imported[0]!;
    const session = await call<{ sessionId: number }>('pack.open', { orderId });
    await call('pack.scan', { sessionId: session.sessionId, code: ean });
    await call('pack.multiply', { sessionId: session.sessionId, quantity });
    await call('pack.complete', { sessionId: session.sessionId });
    const order = await call<{ status: string; lines: Array<{ id: number }> }>('orders.get', { id: orderId });
    if (order.status === 'packed') await call('orders.transition', { id: orderId, to: 'shipped' });
    const created = await call<{ number: string }>('returns.create', { orderId, shipping: 'customer', lines: [{ orderLineId: order.lines[0]!.id, quantity, reasonCode: 'wrong_size' }] });
    await ws.print.idle(); // the packing label, before the station opens the same folder
    return { rma: created.number, sku: variant.sku, ean };
  } finally {
    core.close();
  }
}

/** Installed before the app's scripts: the first key starts the clock, the line's received count in the DOM stops it. */
const PROBE = `(() => {
  let armed = false, first = 0;
  window.addEventListener('keydown', (e) => { if (armed && first === 0) first = e.timeStamp; }, true);
  const probe = { result: null };
  probe.arm = (sku) => {
    armed = true; first = 0;
    const row = document.querySelector('[data-testid="return-line"][data-sku="' + sku + '"]');
    if (!row) throw new Error('no return line for ' + sku);
    const expected = String(Number(row.getAttribute('data-received')) + 1);
    probe.result = new Promise((resolve) => {
      const timer = setTimeout(() => { observer.disconnect(); armed = false; resolve(null); }, 5000);
      const observer = new MutationObserver(() => {
        if (row.getAttribute('data-received') !== expected || first === 0) return;
        const now = performance.now();
        observer.disconnect(); clearTimeout(timer); armed = false;
        resolve(now - first);
      });
      observer.observe(row, { attributes: true, attributeFilter: ['data-received'] });
    });
  };
  window.__returnProbe = probe;
})();`;

/** Scan-to-screen on the returns bench: the first key of an item's EAN to its line's received count in the DOM. Prints figures. */
export async function returnsBench() {
  console.log(`\nReturns: scan to screen (browser station in Chromium, ${SCANS} item scans into a return, each graded with key 1)`);
  const dir = tempDir('pb-bench-returns-');
  let station: { url: string; child: ChildProcess } | undefined;
  let browser: Browser | undefined;
  try {
    const { rma, sku, ean } = await prepare(dir.path);
    station = await startStation(dir.path);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript({ content: PROBE });
    await page.goto(station.url);
    await page.getByText('Connected').waitFor();
    await page.keyboard.press('Alt+Minus');
    await idle(page);
    await page.keyboard.type(rma, { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="return-line"][data-sku="${sku}"]`).waitFor();

    const cdp = await page.context().newCDPSession(page);
    const samples: number[] = [];
    let lost = 0;
    for (let i = 1; i <= WARM_UP + SCANS; i++) {
      await idle(page);
      await page.evaluate((s) => (window as unknown as { __returnProbe: { arm(s: string): void } }).__returnProbe.arm(s), sku);
      await scannerBurst(cdp, ean, true);
      const r = await page.evaluate(() => (window as unknown as { __returnProbe: { result: Promise<number | null> } }).__returnProbe.result);
      // the grade key, as the packer presses it, before the next item
      await page.keyboard.press('1');
      await page.getByTestId('grade-keys').waitFor({ state: 'hidden' });
      if (i <= WARM_UP) continue;
      if (r === null) lost++; else samples.push(r);
    }
    const t = summarise(samples);
    line('first key -> received count in DOM: p50', ms(t.median));
    line('first key -> received count in DOM: p95', ms(t.p95), '<= 33 ms', t.p95 <= 33);
    line('first key -> received count in DOM: p99 (max)', `${ms(t.p99)} (${ms(t.max)})`);
    const blocked = await page.getByTestId('return-blocked').count();
    if (blocked || problems.length || lost) line('problems during the run', `${lost} scan(s) never counted; ${blocked} red screen(s); ${problems.join('; ') || 'no page errors'}`);
  } catch (e) {
    console.log(`  returns bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close();
    if (station && station.child.exitCode === null) {
      const exited = new Promise((r) => station!.child.once('exit', r));
      station.child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  }
}
