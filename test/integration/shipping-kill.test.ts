import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { startEasyPostEmulator, type EasyPostEmulator } from '../emulators/easypost-emulator';
import { fulfilledRows, openCore, ordersTo, packOrder, settle, until } from '../support/shipping-bench';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;

// bundled once, so each of the 20 starts costs a node start rather than a TypeScript compile; kept under
// node_modules so its package imports resolve as the sources' do
const workerFile = join(root, 'node_modules', '.cache', 'packbench-test', `shipping-worker-${process.pid}.mjs`);
beforeAll(async () => {
  await build({ entryPoints: [join(root, 'test/support/shipping-worker.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: workerFile, logLevel: 'warning' });
});
afterAll(() => rmSync(workerFile, { force: true }));

/** Runs the worker until `ms` after it is ready, then SIGKILLs it. */
function runAndKill(dataDir: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d: Buffer) => { log += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('ready') && !child.killed) setTimeout(() => child.kill('SIGKILL'), ms).unref();
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker ended by itself (${code}):\n${log}`))));
  });
}

describe('SIGKILL during buying', () => {
  let emulator: EasyPostEmulator | undefined;
  const dir = tempDir();
  afterEach(async () => { await emulator?.stop(); dir.remove(); });

  it('killed 20 times while buying 20 labels: never two labels for a parcel, every parcel bought once in the end', async () => {
    emulator = await startEasyPostEmulator();
    // slow, and often carrying out a purchase whose answer never comes: kills land in every window
    emulator.setLatency(40, 80);
    const printer = createFakePrinter();
    let { core, client } = openCore(dir.path, printer);
    const ep = await client.call('carriers.save', { kind: 'easypost', name: 'EasyPost', apiKey: 'EZTKtest', baseUrl: emulator.url });
    await client.call('shipping.saveRules', { buyLabels: true, customsSigner: 'Test', fallback: { strategy: 'cheapest', carrierIds: [ep.id] } });
    await emulator.down();
    const orders = ordersTo(core, (c) => c !== 'GB').slice(0, 20);
    for (const id of orders) await packOrder({ core, client }, id);
    await settle(core);
    client.close();
    core.close();
    await emulator.up();
    emulator.chaos(0.3, [{ kind: 'timeout', when: 'after', match: /\/buy$/ }, { kind: 'reset', when: 'after', match: /\/buy$/ }]);

    for (let i = 0; i < 20; i++) await runAndKill(dir.path, 150 + Math.floor(Math.random() * 400));

    emulator.clearFaults();
    // the kills landed while labels were being bought, and some answers were lost: the look-up path ran
    expect(emulator.purchases.length).toBeGreaterThan(0);
    ({ core, client } = openCore(dir.path, printer));
    try {
      await until('every parcel bought', async () => (await client.call('shipments.list', {})).every((s) => s.status === 'bought'), 60_000);
      await settle(core);
      const shipments = await client.call('shipments.list', {});
      expect(shipments).toHaveLength(20);
      // the carrier's own record: one purchase per parcel reference, never two
      const perReference = new Map<string, number>();
      for (const p of emulator.purchases) perReference.set(p.reference!, (perReference.get(p.reference!) ?? 0) + 1);
      expect([...perReference.values()].every((n) => n === 1)).toBe(true);
      expect(emulator.purchases).toHaveLength(20);
      expect(emulator.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v2/shipments/')).length).toBeGreaterThan(0);
      expect(new Set(shipments.map((s) => s.trackingNumber))).toEqual(new Set(emulator.purchases.map((p) => p.tracking)));
      // one label job and one fulfilment per parcel
      const labelJobs = core.workspace().repos.db.$client.prepare(`SELECT count(*) AS n FROM print_jobs WHERE kind = 'label' AND order_id IN (${orders.join(',')})`).get() as { n: number };
      expect(labelJobs.n).toBe(20);
      for (const id of orders) expect(fulfilledRows(core, id)).toHaveLength(1);
    } finally {
      client.close();
      core.close();
    }
  }, 420_000); // 21 station starts at 4–6 s each on a loaded 2-core machine, plus 20 parcels packed
});
