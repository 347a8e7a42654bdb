import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { PhysicalKeyboard, usScannerKeys } from '../test/e2e/page-models/pack-page';
import { startCpuHogs, type CpuHog } from '../test/support/cpu-hog';
import { tempDir } from '../test/support/temp-dir';
import { line, ms, summarise } from './stats';

const SCANS = Number(process.env.BENCH_SCANS ?? 500);
const LOAD_SCANS = Number(process.env.BENCH_LOAD_SCANS ?? 300);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const WARM_UP = 20;
const root = new URL('..', import.meta.url).pathname;

type Prepared = { orderNumber: string; sku: string; ean: string };

/** A demo data folder plus one order of a single line big enough for every scan, seeded before the station starts. */
export function prepare(dataDir: string, quantity = 2000): Prepared {
  const core = createCore({ dataDir, actor: 'bench' });
  try {
    const ws = core.workspace();
    const repos = ws.repos;
    const variant = repos.catalog.findVariants('').find((v) => repos.catalog.barcodesOf(v.variantId).some((b) => b.symbology === 'ean-13'));
    if (!variant) throw new Error('the demo catalog has no EAN-13');
    const ean = repos.catalog.barcodesOf(variant.variantId).find((b) => b.symbology === 'ean-13')!.code.slice(-13);
    const locationId = repos.catalog.defaultLocationId()!;
    const channelId = repos.catalog.channels()[0]!.id;
    const shipTo = { name: 'Bench Customer', company: '', line1: '1 Scan Street', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' };
    const orderNumber = 'SCAN-1';
    ws.orders.importOrders([{
      channelId, externalId: 'scan-bench-1', number: orderNumber, locationId, customerName: shipTo.name, shipTo, currency: 'GBP',
      subtotalMinor: 100 * quantity, shippingMinor: 0, taxMinor: 0, totalMinor: 100 * quantity, createdAt: new Date().toISOString(),
      lines: [{ sku: variant.sku, title: variant.title, quantity, unitPriceMinor: 100 }],
    }], 'the scan bench');
    return { orderNumber, sku: variant.sku, ean };
  } finally {
    core.close();
  }
}

export async function startStation(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); const m = /Open: (\S+)/.exec(out); if (m) resolve(m[1]!); });
    child.once('exit', (code) => reject(new Error(`station exited ${code}`)));
  });
  return { url, child };
}

type Outcome = { kind: 'counted'; total: number; typing: number; app: number } | { kind: 'refused'; words: string } | { kind: 'lost' };
type Probe = {
  /** starts watching the line's count; resolves when it shows one more than now, or a refusal shows, or 'lost' after 5 s */
  arm(sku: string): void;
  result: Promise<Outcome> | null;
};

/**
 * Installed before the app's own scripts, so its capture-phase keydown listener runs before the
 * scanner listener: the first key reaching the page starts the clock, and a MutationObserver on the
 * line's count stops it when the DOM shows the new count. (Arrival, not the key's time stamp: a
 * stamped key's stamp is the harness's clock, and would count the harness's own delivery time.)
 * A red refusal in words ends it too: that scan was seen and refused, not lost. Plain source text:
 * a bundler's helpers do not exist in the page.
 */
const PROBE = `(() => {
  let armed = false, first = 0, enter = 0;
  window.addEventListener('keydown', (e) => {
    if (!armed) return;
    if (first === 0) first = performance.now();
    if (e.key === 'Enter' && enter === 0) enter = performance.now();
  }, true);
  const probe = { result: null };
  const countOf = (row) => row.querySelector('[data-testid="line-scanned"]')?.textContent?.trim();
  probe.arm = (sku) => {
    armed = true; first = 0; enter = 0;
    const row = document.querySelector('[data-testid="pack-line"][data-sku="' + sku + '"]');
    if (!row) throw new Error('no pack line for ' + sku);
    const expected = String(Number(countOf(row)) + 1);
    probe.result = new Promise((resolve) => {
      const done = (outcome) => { observer.disconnect(); clearTimeout(timer); armed = false; resolve(outcome); };
      const timer = setTimeout(() => done({ kind: 'lost' }), 5000);
      const observer = new MutationObserver(() => {
        const refusal = document.querySelector('[data-testid="pack-blocked-message"]');
        if (refusal) return done({ kind: 'refused', words: refusal.textContent });
        if (countOf(row) !== expected || first === 0) return;
        const now = performance.now();
        done({ kind: 'counted', total: now - first, typing: enter - first, app: now - enter });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  };
  window.__scanProbe = probe;
})();`;

/**
 * Types like a fast keyboard-wedge scanner: every key event of the code and its Enter is handed to
 * the browser at once (trusted input, through its own input pipeline), so they arrive back to back
 * as a scanner's do. Stamped: each key carries the time the scanner typed it (2 ms apart), as the OS
 * stamps a hardware key. Unstamped: the browser stamps each key when it gets to it, so on a loaded
 * machine the gaps between the keys of one scan stretch.
 */
export async function scannerBurst(cdp: CDPSession, code: string, stamped: boolean): Promise<void> {
  const start = Date.now() / 1000;
  const events: Array<Record<string, unknown>> = [];
  const stamp = (i: number) => (stamped ? { timestamp: start + i * 0.002 } : {});
  [...code].forEach((ch, i) => {
    const base = { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0), ...stamp(i) };
    events.push({ type: 'keyDown', text: ch, unmodifiedText: ch, ...base }, { type: 'keyUp', ...base });
  });
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, ...stamp(code.length) };
  events.push({ type: 'keyDown', text: '\r', unmodifiedText: '\r', ...enter }, { type: 'keyUp', ...enter });
  await Promise.all(events.map((e) => cdp.send('Input.dispatchKeyEvent', e as never)));
}

export function idle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 })));
}

type Run = { label: string; scans: number; stamped: boolean; hogs: number; throttle: number };

async function runScans(browser: Browser, run: Run): Promise<void> {
  const dir = tempDir('pb-bench-scan-');
  let station: { url: string; child: ChildProcess } | undefined;
  let hog: CpuHog | undefined;
  try {
    const { orderNumber, sku, ean } = prepare(dir.path, run.scans + WARM_UP + 80);
    station = await startStation(dir.path);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript({ content: PROBE });
    await page.goto(station.url);
    await page.getByText('Connected').waitFor();
    await idle(page);

    // the order opens the way a packer opens it: its number scanned on any screen
    await (await PhysicalKeyboard.attach(page)).type(usScannerKeys(orderNumber, 'us'));
    await page.locator(`[data-testid="pack-line"][data-sku="${sku}"]`).waitFor();

    const cdp = await page.context().newCDPSession(page);
    if (run.hogs) hog = startCpuHogs(run.hogs);
    if (run.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: run.throttle });
    const total: number[] = [];
    const typing: number[] = [];
    const app: number[] = [];
    const refusals = new Map<string, number>();
    let lost = 0;
    /** refusals that left keys behind in the entry field (a cut scan's first part let out as typing) */
    let leftovers = 0;
    for (let i = 1; i <= WARM_UP + run.scans; i++) {
      await idle(page);
      await page.evaluate((s) => (window as unknown as { __scanProbe: Probe }).__scanProbe.arm(s), sku);
      await scannerBurst(cdp, ean, run.stamped);
      const r = await page.evaluate(() => (window as unknown as { __scanProbe: Probe }).__scanProbe.result!);
      if (r.kind === 'refused') {
        await page.getByTestId('pack-blocked-dismiss').click();
        await page.getByTestId('pack-blocked').waitFor({ state: 'detached' });
        const left = await page.getByTestId("manual-code").inputValue();
        if (process.env.BENCH_DEBUG) console.log("refused:", r.words, "| entry field:", JSON.stringify(left));
        if (left) leftovers++;
      }
      if (i <= WARM_UP) continue;
      if (r.kind === 'lost') lost++;
      else if (r.kind === 'refused') {
        const kind = /pause inside it/.test(r.words) ? 'a pause inside the scan' : /end key/.test(r.words) ? 'no end key' : r.words.slice(0, 60);
        refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
      } else {
        total.push(r.total);
        typing.push(r.typing);
        app.push(r.app);
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const finalCount = Number(await page.locator(`[data-testid="pack-line"][data-sku="${sku}"] [data-testid="line-scanned"]`).innerText());
    const cut = await page.locator('[data-testid="recent-scan"][data-outcome="unknown_code"], [data-testid="recent-scan"][data-outcome="invalid_code"]').count();
    const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
    console.log(`\n  ${run.label}`);
    line('scans made', String(run.scans));
    line('counted / refused in words / lost', `${total.length} / ${refused} / ${lost}`, 'none lost', lost === 0);
    if (refused) line('  refused because of', [...refusals].map(([k, n]) => `${n} × ${k}`).join(', '));
    line('count on the order (warm-up included) / cut codes recorded', `${finalCount} of ${WARM_UP + run.scans} / ${cut}`, 'no cut code', cut === 0);
    if (refused) line('  refusals that left keys in the entry field', String(leftovers), 'none', leftovers === 0);
    if (total.length) {
      const t = summarise(total);
      const k = summarise(typing);
      const a = summarise(app);
      line('first key -> count in DOM: p50 / p95 / p99 (max)', `${ms(t.median)} / ${ms(t.p95)} / ${ms(t.p99)} (${ms(t.max)})`);
      line('  of which the keys arriving (first key -> Enter): p50 / p95', `${ms(k.median)} / ${ms(k.p95)}`);
      line('  of which Enter -> count in DOM: p50 / p95 / p99', `${ms(a.median)} / ${ms(a.p95)} / ${ms(a.p99)}`);
    }
    if (problems.length) line('page errors', problems.join('; '));
    await page.close();
  } catch (e) {
    console.log(`  ${run.label}: could not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await hog?.stop();
    if (station && station.child.exitCode === null) {
      const exited = new Promise((r) => station!.child.once('exit', r));
      station.child.kill('SIGTERM');
      await exited;
    }
    dir.remove();
  }
}

/**
 * Scan-to-screen in the browser station: from the first key of a 13-digit EAN (+ Enter) typed as a
 * keyboard-wedge scanner types it, to the line's count updated in the DOM. Then the same under load:
 * a busy process on every core beside the browser, and the page slowed by Chromium's CPU throttling.
 * Every scan is counted, or refused in words (a burst that cannot be told from typing): never lost.
 * Prints figures, never fails.
 */
export async function scanBench() {
  const cores = availableParallelism();
  console.log(`\nScan to screen (browser station in Chromium, 13-digit EAN + Enter; ${cores} cores)`);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
    });
    if (process.env.BENCH_ONLY_WORST) {
      await runScans(browser, { label: 'worst case only', scans: LOAD_SCANS, stamped: false, hogs: cores, throttle: THROTTLE });
      return;
    }
    await runScans(browser, { label: `idle machine, ${SCANS} scans stamped by the scanner's keyboard interface`, scans: SCANS, stamped: true, hogs: 0, throttle: 1 });
    await runScans(browser, { label: `under load: ${cores} CPU hogs + ${THROTTLE}x Chromium CPU throttling, ${LOAD_SCANS} stamped scans`, scans: LOAD_SCANS, stamped: true, hogs: cores, throttle: THROTTLE });
    await runScans(browser, { label: `under load: ${cores} CPU hogs + ${THROTTLE}x throttling, ${LOAD_SCANS} scans the browser stamps itself (worst case)`, scans: LOAD_SCANS, stamped: false, hogs: cores, throttle: THROTTLE });
  } catch (e) {
    console.log(`  scan bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await browser?.close();
  }
}
