import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { DEMO_SKUS, startSyncStation } from '../support/sync-station';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); });

// bundled once, so each of the 21 starts costs a node start, not a TypeScript compile; it lives under
// node_modules so its package imports resolve as the sources' do
const workerFile = join(root, 'node_modules', '.cache', 'packbench-test', `sync-worker-${process.pid}.mjs`);
beforeAll(async () => {
  await build({ entryPoints: [join(root, 'test/support/sync-worker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: workerFile, logLevel: 'warning' });
});
afterAll(() => rmSync(workerFile, { force: true }));

const ORDERS = 60;
const KILLS = 20;

/** Runs the worker and SIGKILLs it once that many writes reached the shop (null: once its queue is empty). */
function runWorker(dataDir: string, channelId: number, emu: WooEmulator, killAfterWrites: number | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile, dataDir, String(channelId)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let writesAtStart = -1;
    const timer = setInterval(() => {
      if (writesAtStart < 0) return;
      // SIGKILL in the middle of draining: after some writes reached the shop, at no particular moment
      if (killAfterWrites !== null && emu.writes().length - writesAtStart >= killAfterWrites) child.kill('SIGKILL');
      if (killAfterWrites === null && /waiting 0\n/.test(out.slice(-200))) child.kill('SIGKILL');
    }, 2);
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (writesAtStart < 0 && out.includes('started')) writesAtStart = emu.writes().length; });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code, signal) => {
      clearInterval(timer);
      clearTimeout(deadline);
      if (signal === 'SIGKILL') resolve(out); else reject(new Error(`worker exited ${code}: ${err}`));
    });
  });
}

describe('the app killed while it drains the outbox', () => {
  it(`SIGKILLed ${KILLS} times mid-drain: every shipment arrives once, nothing lost, nothing doubled`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = tempDir('packbench-kill-');
    cleanup.push(() => dir.remove());
    // the shop outlives the app: it runs here, the app in a child process
    const setup = await startSyncStation({ dataDir: dir.path, emulator: { latencyMs: 15 } });
    const emu = setup.emu;
    const skus = DEMO_SKUS(setup.core);
    const woo = Array.from({ length: ORDERS }, (_, i) => setup.placeOrder([{ sku: skus[i % skus.length]!, quantity: 1 }]));
    const ids = await setup.waitFor('every order', () => { const l = woo.map((w) => setup.localId(w)); return l.every(Boolean) ? (l as number[]) : null; }, 60_000);
    const ws = setup.core.workspace();
    ws.sync.stop();
    for (const id of ids) await setup.pack(id);
    ws.repos.db.$client.prepare(`UPDATE outbox SET payload = json_set(payload, '$.tracking', json_object('company', 'DHL Express', 'number', 'JD' || printf('%018d', json_extract(payload, '$.orderId')), 'url', ''))
      WHERE topic = 'order.fulfilled'`).run();
    const channelId = setup.channelId;
    await ws.print.idle();
    setup.client.close();
    setup.core.close();
    cleanup.push(() => emu.stop());

    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      await runWorker(dir.path, channelId, emu, 1 + (i * 7) % 9);
      kills++;
    }
    const done = woo.filter((w) => emu.store.order(w).status === 'completed').length;
    // the kills really fell mid-drain: some shipments went out, not all of them
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(ORDERS);
    await runWorker(dir.path, channelId, emu, null);

    expect(kills).toBe(KILLS);
    for (const w of woo) {
      expect(emu.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['completed']);
      expect(emu.store.effectsFor('note.created', w).filter((e) => 'customerNote' in e && e.customerNote)).toHaveLength(1);
    }
  }, 300_000);
});
