// Refunds are money: the app SIGKILLed in the middle of pushing them, again and again, must never refund
// an order twice nor lose a refund. The shop (WooCommerce emulator) runs here; the app's sync engine runs
// in a child process that is killed as soon as a refund request reaches the shop.

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { refundRows, returnTwoAndRefund } from '../support/returns-helpers';
import { DEMO_SKUS, startSyncStation } from '../support/sync-station';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); });

const workerFile = join(root, 'node_modules', '.cache', 'packbench-test', `refund-sync-worker-${process.pid}.mjs`);
beforeAll(async () => {
  await build({ entryPoints: [join(root, 'test/support/sync-worker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: workerFile, logLevel: 'warning' });
});
afterAll(() => rmSync(workerFile, { force: true }));

const KILLS = 20;
// one push at a time in the worker: at most one refund is made per run, so the queue outlasts the kills
const ORDERS = KILLS + 4;

const refundPosts = (emu: WooEmulator) => emu.writes().filter((o) => /\/refunds$/.test(o.path)).length;

/**
 * Runs the worker; SIGKILLs it `killAfterMs` after a refund request reached the shop: before the shop made the
 * refund, after it made it but before the app heard, or after the app heard (null lets it drain the queue).
 */
function runWorker(dataDir: string, channelId: number, emu: WooEmulator, killAfterMs: number | null): Promise<'killed mid-push' | 'drained'> {
  const kill = killAfterMs !== null;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile, dataDir, String(channelId)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PACKBENCH_TEST_CONCURRENCY: '1' } });
    let out = '';
    let err = '';
    let atStart = -1;
    let killing: NodeJS.Timeout | null = null;
    let drained = false;
    const timer = setInterval(() => {
      if (atStart < 0) return;
      if (kill && refundPosts(emu) > atStart && !killing) killing = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      if (!killing && /waiting 0\n/.test(out.slice(-200))) { drained = true; child.kill('SIGKILL'); }
    }, 1);
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (atStart < 0 && out.includes('started')) atStart = refundPosts(emu); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      clearTimeout(deadline);
      if (killing) clearTimeout(killing);
      if (signal === 'SIGKILL') resolve(drained ? 'drained' : 'killed mid-push'); else reject(new Error(`worker exited ${code}: ${err}`));
    });
  });
}

describe('the app killed while it pushes refunds', () => {
  it(`SIGKILLed ${KILLS} times as refunds reach the shop: every order refunded exactly once, for its amount`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = tempDir('packbench-refund-kill-');
    cleanup.push(() => dir.remove());
    // slow enough answers that a kill can fall between the shop making the refund and the app hearing it
    const setup = await startSyncStation({ dataDir: dir.path, emulator: { latencyMs: 40 } });
    const emu = setup.emu;
    const skus = DEMO_SKUS(setup.core);
    const woo = Array.from({ length: ORDERS }, (_, i) => setup.placeOrder([0, 1, 2].map((k) => ({ sku: skus[(i + k) % skus.length]!, quantity: 1 }))));
    const ids = await setup.waitFor('every order', () => { const l = woo.map((w) => setup.localId(w)); return l.every(Boolean) ? (l as number[]) : null; }, 60_000);
    for (const id of ids) {
      await setup.pack(id);
      if ((await setup.client.call('orders.get', { id })).status === 'packed') await setup.client.call('orders.transition', { id, to: 'shipped' });
    }
    const ws = setup.core.workspace();
    await setup.waitFor('the shipments on the shop', () => ws.repos.outboxDrain.depth(setup.channelId).waiting === 0, 60_000);
    ws.sync.stop();
    const amounts = new Map<number, number>();
    for (const [i, id] of ids.entries()) amounts.set(woo[i]!, (await returnTwoAndRefund(setup.core, setup.client, id)).amountMinor);
    expect(refundRows(setup.core)).toHaveLength(ORDERS);
    const channelId = setup.channelId;
    await ws.print.idle();
    setup.client.close();
    setup.core.close();
    cleanup.push(() => emu.stop());

    const runs: string[] = [];
    for (let i = 0; i < KILLS; i++) runs.push(await runWorker(dir.path, channelId, emu, (i * 11) % 45));
    expect(runs.filter((r) => r === 'killed mid-push')).toHaveLength(KILLS);
    const posted = refundPosts(emu);
    // every kill fell while refunds were going out: some made it before the kill, some were still waiting
    expect(posted).toBeGreaterThanOrEqual(KILLS);
    const made = woo.filter((w) => emu.store.refunds.get(w)!.length > 0).length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(ORDERS);
    expect(await runWorker(dir.path, channelId, emu, null)).toBe('drained');

    for (const w of woo) {
      const refunds = emu.store.refunds.get(w)!;
      expect(refunds, `order ${w}`).toHaveLength(1);
      expect(refunds[0]!.amount).toBe((amounts.get(w)! / 100).toFixed(2));
    }
    expect(emu.store.effectsFor('refund.created')).toHaveLength(ORDERS);
  }, 300_000);
});
