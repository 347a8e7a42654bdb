import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { listBackups } from '../../electron/core/store/backups';
import { tempDir } from '../support/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function bench(clock = { now: () => new Date() }) {
  const dir = tempDir();
  const core = createCore({ dataDir: dir.path, clock, printerFactory: () => createFakePrinter(), backups: { firstCheckMs: 3_600_000 } });
  const client = createInMemoryClient(core);
  cleanups.push(() => { client.close(); core.close(); dir.remove(); });
  return { dir: dir.path, core, client };
}

/** Makes the demo a live workspace with something in it worth keeping. */
async function goLive(core: Core, client: ApiClient) {
  core.workspace().repos.settings.set('workspace.kind', 'live');
  const row = (await client.call('inventory.list', {})).rows[0]!;
  await client.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: row.onHand + 7, reason: 'the live count to keep' });
}
const keptCount = (core: Core) => (core.workspace().repos.db.$client.prepare("SELECT count(*) AS n FROM inventory_movements WHERE reason = 'the live count to keep'").get() as { n: number }).n;

describe('backups', () => {
  it('resetting a live workspace keeps a backup of it first, and Restore brings it back keeping the current one first', async () => {
    const { dir, core, client } = bench();
    await goLive(core, client);
    await client.call('workspace.resetDemo', { confirm: true });
    expect(keptCount(core)).toBe(0);

    const { backups } = await client.call('backups.list', {});
    expect(backups.map((b) => b.reason)).toEqual(['before-reset']);
    expect(statSync(join(dir, 'backups')).mode & 0o777).toBe(0o700);

    const restored = await client.call('backups.restore', { name: backups[0]!.name, confirm: true });
    expect(restored.restored.name).toBe(backups[0]!.name);
    expect(restored.kept.reason).toBe('before-restore');
    expect(keptCount(core)).toBe(1);
    expect((await client.call('workspace.info', {})).kind).toBe('live');
    // the demo that was in use a moment ago is itself a backup now
    expect((await client.call('backups.list', {})).backups.map((b) => b.reason)).toEqual(['before-restore', 'before-reset']);
  });

  it('takes a backup on request, refuses an unknown name in words, and writes whole verified copies only', async () => {
    const { dir, client } = bench();
    const b = await client.call('backups.create', {});
    expect(b).toMatchObject({ reason: 'manual', sizeBytes: expect.any(Number) });
    expect(b.sizeBytes).toBeGreaterThan(10_000);
    await expect(client.call('backups.restore', { name: 'packbench-nope.db', confirm: true })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('There is no backup named') });
    await expect(client.call('backups.restore', { name: b.name } as never)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(listBackups(dir).map((x) => x.name)).toEqual([b.name]);
  });

  it('takes the daily backup when the newest is a day old, and keeps N days (the newest three always)', async () => {
    let now = new Date('2026-11-01T08:00:00.000Z');
    const { dir, core } = bench({ now: () => now });
    const service = core.workspace().backups;
    await service.dailyCheck();
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    now = new Date('2026-11-01T20:00:00.000Z');
    await service.dailyCheck();
    expect(listBackups(dir)).toHaveLength(1);
    for (let day = 2; day <= 20; day++) {
      now = new Date(`2026-11-${String(day).padStart(2, '0')}T08:30:00.000Z`);
      await service.dailyCheck();
    }
    const kept = listBackups(dir);
    // kept while at most 14 days old: 6-20 November
    expect(kept.map((b) => b.createdAt.slice(0, 10)).at(-1)).toBe('2026-11-06');
    expect(kept).toHaveLength(15);
    // a copy cut short by a crash is never listed and is cleaned up once old
    writeFileSync(join(dir, 'backups', 'packbench-2026-11-20T09-00-00-000Z-daily.db.part'), 'half');
    expect(listBackups(dir)).toHaveLength(15);
  });
});
