import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/db';
import { createRepos } from '../../electron/core/store';
import { migrationsFolder } from '../../electron/core/store/app-root';
import { tempDir } from '../support/temp-dir';

/** A database as the release before stock per bin left it (migrations 0000-0008), then opened by this version. */
describe('stock per bin: existing data is migrated safely', () => {
  let dir: ReturnType<typeof tempDir>;
  let oldMigrations: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
    oldMigrations = tempDir('packbench-old-migrations-');
    cpSync(migrationsFolder(), oldMigrations.path, { recursive: true });
    const journalFile = join(oldMigrations.path, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
    // everything before stock per bin: the release a shop runs today
    const first = journal.entries.findIndex((e) => e.tag === '0009_catalog_bins_packers_deliveries');
    expect(first).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, first);
    writeFileSync(journalFile, JSON.stringify(journal));
  });
  afterEach(() => {
    dir.remove();
    oldMigrations.remove();
  });

  it('puts what a SKU had into its home bin as a put-away in the ledger, keeps stock with no home bin unbinned, and splits old bin codes for walk order', () => {
    const old = openDatabase({ dataDir: dir.path, migrationsDir: oldMigrations.path });
    const c = old.db.$client;
    c.exec(`
      INSERT INTO locations (id, code, name, address) VALUES (1, 'MAIN', 'Main', '{}'), (2, 'BER', 'Berlin', '{}');
      INSERT INTO bins (id, location_id, code) VALUES (1, 1, 'A-10'), (2, 1, 'A-2'), (3, 2, 'R1-F2');
      INSERT INTO products (id, title) VALUES (1, 'Mug');
      INSERT INTO variants (id, product_id, sku, title) VALUES (1, 1, 'MUG', 'Mug'), (2, 1, 'MUG-2', 'Mug 2');
      INSERT INTO inventory_movements (variant_id, location_id, kind, on_hand_delta, committed_delta, actor) VALUES
        (1, 1, 'receive', 30, 0, 'x'), (1, 1, 'reserve', 0, 4, 'x'), (2, 1, 'receive', 5, 0, 'x'), (1, 2, 'receive', 7, 0, 'x');
      INSERT INTO inventory_balances (variant_id, location_id, bin_id, on_hand, committed) VALUES (1, 1, 2, 30, 4), (2, 1, NULL, 5, 0), (1, 2, 1, 7, 0);
    `);
    c.close();

    const { db } = openDatabase({ dataDir: dir.path });
    const repos = createRepos(db);
    try {
      // MUG at MAIN: all 30 in its home bin A-2; the balance (30 on hand, 4 reserved) is untouched
      expect(repos.inventory.binStock(1, 2)).toBe(30);
      expect(repos.inventory.balance(1, 1)).toEqual({ onHand: 30, committed: 4 });
      expect(repos.inventory.unbinned(1, 1)).toBe(0);
      // MUG-2 had no home bin: it stays outside any bin
      expect(repos.inventory.unbinned(2, 1)).toBe(5);
      // a home bin of another location is not believed: Berlin's 7 stay unbinned
      expect(repos.inventory.binStock(1, 1)).toBe(0);
      expect(repos.inventory.unbinned(1, 2)).toBe(7);
      // the ledger still explains every count: location sums and bin sums from movements
      expect(repos.inventory.sums(1, 1)).toEqual({ onHand: 30, committed: 4 });
      const binSum = db.$client.prepare('SELECT sum(on_hand_delta) AS n FROM inventory_movements WHERE variant_id = 1 AND bin_id = 2').get() as { n: number };
      expect(binSum.n).toBe(30);
      const putAway = db.$client.prepare("SELECT kind, on_hand_delta AS d, bin_id AS bin FROM inventory_movements WHERE reference = 'migration:stock-per-bin' ORDER BY id").all();
      expect(putAway).toEqual([{ kind: 'transfer', d: -30, bin: null }, { kind: 'transfer', d: 30, bin: 2 }]);
      // old codes get parts and a walk order where A-2 comes before A-10
      expect(repos.warehouse.walk(1)).toEqual(['A-2', 'A-10']);
      expect(repos.warehouse.bin(3)).toMatchObject({ zone: 'R1', aisle: 'F2' });
      // and picking now takes from the home bin
      repos.transaction(() => repos.inventory.recordOut({ variantId: 1, locationId: 1, kind: 'pick', quantity: 3, reason: 'packed', actor: 't', reference: 'order:1', at: '2026-11-27T10:00:00.000Z' }));
      expect(repos.inventory.binStock(1, 2)).toBe(27);
    } finally {
      db.$client.close();
    }
  });
});
