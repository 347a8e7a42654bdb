import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { createRepos } from '../../electron/core/store';
import { migrationsFolder } from '../../electron/core/store/app-root';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/store/db';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;
const dirs: Array<ReturnType<typeof tempDir>> = [];
const fresh = () => { const d = tempDir(); dirs.push(d); return d.path; };
afterEach(() => { while (dirs.length) dirs.pop()!.remove(); });

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const address = { name: 'W', company: '', line1: 'x', line2: '', line3: '', city: 'c', region: '', postalCode: '1', countryCode: 'GB', phone: '', email: '' };

function worker(args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/ledger-worker.ts'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function openError(dataDir: string): AppError {
  try {
    openDatabase({ dataDir, busyTimeoutMs: 200 }).db.$client.close();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected the store to refuse to open');
}

describe('migrations', () => {
  it('creates every table on an empty database and records each migration', () => {
    const { db } = openDatabase({ dataDir: fresh() });
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['orders', 'order_lines', 'order_events', 'inventory_movements', 'inventory_balances', 'outbox', 'barcodes', 'bins', 'locations', 'variants', 'products', 'channels', 'order_search']));
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect((db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
  });

  it('upgrades an existing database written by an older version and keeps its data searchable', () => {
    const dataDir = fresh();
    // an "older Packbench": the same migrations folder with only the first migration
    const older = join(fresh(), 'migrations');
    mkdirSync(join(older, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    const first = journal.entries[0]!;
    copyFileSync(join(migrationsFolder(), `${first.tag}.sql`), join(older, `${first.tag}.sql`));
    writeFileSync(join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
    const old = openDatabase({ dataDir, migrationsDir: older }).db.$client;
    // rows as the older version wrote them, with its own SQL
    old.prepare(`INSERT INTO locations (id, code, name, address) VALUES (1, 'L', 'L', ?)`).run(JSON.stringify(address));
    old.prepare(`INSERT INTO channels (id, kind, name) VALUES (1, 'manual', 'Shop')`).run();
    old.prepare(`INSERT INTO orders (channel_id, external_id, number, location_id, status, customer_name, ship_name, ship_line1,
      ship_country_code, currency, subtotal_minor, total_minor, item_count, created_at, updated_at)
      VALUES (1, 'x1', '#5001', 1, 'open', 'Zoë Müller', 'Zoë Müller', 'Königstraße 1', 'DE', 'EUR', 100, 100, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'order_search'").get()).toEqual({ n: 0 });
    old.close();

    const upgraded = openDatabase({ dataDir });
    const found = createRepos(upgraded.db).orders.search({ q: 'zoe müll', skus: [], offset: 0, limit: 10 });
    expect(found.rows.map((r) => r.number)).toEqual(['#5001']);
    upgraded.db.$client.close();
    // opening again applies nothing twice
    const again = openDatabase({ dataDir });
    expect((again.db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    again.db.$client.close();
  });

  it('refuses a database written by a newer version, with words, and leaves the file untouched', () => {
    const dataDir = fresh();
    const { db } = openDatabase({ dataDir });
    db.$client.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 11);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const file = join(dataDir, DB_FILE_NAME);
    const before = sha(file);
    const err = openError(dataDir);
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(/newer version of Packbench.*left untouched/);
    expect(sha(file)).toBe(before);
  });
});

describe('storage failures', () => {
  it('refuses a corrupt file with words and does not change a byte of it', () => {
    const dataDir = fresh();
    const file = join(dataDir, DB_FILE_NAME);
    writeFileSync(file, Buffer.concat([Buffer.from('this is not sqlite'), Buffer.alloc(8192, 7)]));
    const before = sha(file);
    const err = openError(dataDir);
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(/damaged or is not a Packbench database/);
    expect(err.hint).toMatch(/backup/);
    expect(sha(file)).toBe(before);
  });

  it('refuses to open a data folder another running Packbench holds', async () => {
    const dataDir = fresh();
    openDatabase({ dataDir }).db.$client.close();
    const holder = worker(['hold', dataDir]);
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => { if (d.toString().includes('holding')) resolve(); }));
    try {
      const err = openError(dataDir);
      expect(err.code).toBe('storage');
      expect(err.message).toMatch(/Another Packbench is already using/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // the OS releases the lock with the process
    openDatabase({ dataDir }).db.$client.close();
  });

  it('a process killed with SIGKILL mid-batch loses no committed movement and leaves no half-written batch', async () => {
    const dataDir = fresh();
    const seed = openDatabase({ dataDir });
    const repos = createRepos(seed.db);
    const productId = repos.catalog.insertProduct('P');
    const variantId = repos.catalog.insertVariant({ productId, sku: 'K-1', title: 'K', weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 });
    const locationId = repos.catalog.insertLocation('L', 'L', address);
    seed.db.$client.close();

    const batch = 25;
    const child = worker(['adjust', dataDir, String(batch)], { VARIANT_ID: String(variantId), LOCATION_ID: String(locationId) });
    let reported = -1;
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const all = [...out.matchAll(/committed (\d+)/g)];
        if (all.length) reported = Number(all.at(-1)![1]);
        if (reported >= 40) { child.kill('SIGKILL'); resolve(); }
      });
    });
    await new Promise((r) => child.once('exit', r));

    const after = createRepos(openDatabase({ dataDir }).db);
    const rows = after.db.$client.prepare('SELECT reference, count(*) AS n FROM inventory_movements GROUP BY reference').all() as Array<{ reference: string; n: number }>;
    // every batch the worker saw committed is there in full...
    for (let i = 0; i <= reported; i++) expect(rows.find((r) => r.reference === `batch:${i}`)?.n).toBe(batch);
    // ...and any batch in flight is either whole or absent
    for (const r of rows) expect(r.n).toBe(batch);
    expect(after.inventory.balance(variantId, locationId)).toEqual(after.inventory.sums(variantId, locationId));
    after.db.$client.close();
  });
});
