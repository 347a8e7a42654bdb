import type { Address } from '../../../shared/domain/address';
import { binCodeFrom, binSortKey, splitBinCode, type BinParts } from '../../../shared/domain/bins';
import type { BinRow, LocationDetail } from '../../../shared/contract/warehouse';
import type { Db } from './db';

type BinRecord = Omit<BinRow, 'archived'> & { archived: number };

/** Locations and their bins, kept in walk order (zone, aisle, shelf, level) for the picking that comes later. */
export function createWarehouseRepo(db: Db) {
  const c = db.$client;
  const binCols = `b.id, b.location_id AS locationId, b.code, b.zone, b.aisle, b.shelf, b.level, b.archived_at IS NOT NULL AS archived,
    coalesce((SELECT sum(s.on_hand) FROM bin_stock s WHERE s.bin_id = b.id), 0) AS units,
    (SELECT count(*) FROM bin_stock s WHERE s.bin_id = b.id AND s.on_hand > 0) AS skus`;
  const toBin = (r: BinRecord): BinRow => ({ ...r, archived: r.archived === 1 });
  const binById = c.prepare<[number], BinRecord>(`SELECT ${binCols} FROM bins b WHERE b.id = ?`);

  function bins(locationId: number, archived: boolean): BinRow[] {
    return (c.prepare(`SELECT ${binCols} FROM bins b WHERE b.location_id = ? ${archived ? '' : 'AND b.archived_at IS NULL'} ORDER BY b.sort_key, b.code`)
      .all(locationId) as BinRecord[]).map(toBin);
  }

  return {
    locations(archived: boolean): LocationDetail[] {
      const rows = c.prepare(`SELECT id, code, name, address, archived_at IS NOT NULL AS archived FROM locations
        ${archived ? '' : 'WHERE archived_at IS NULL'} ORDER BY id`).all() as Array<{ id: number; code: string; name: string; address: string; archived: number }>;
      return rows.map((l) => ({ id: l.id, code: l.code, name: l.name, address: JSON.parse(l.address) as Address, archived: l.archived === 1, bins: bins(l.id, archived) }));
    },
    location(id: number): LocationDetail | undefined {
      return this.locations(true).find((l) => l.id === id);
    },
    locationByCode(code: string): { id: number } | undefined {
      return c.prepare('SELECT id FROM locations WHERE code = ? COLLATE NOCASE').get(code) as { id: number } | undefined;
    },
    insertLocation(code: string, name: string, address: Address): number {
      return Number(c.prepare('INSERT INTO locations (code, name, address) VALUES (?, ?, ?)').run(code, name, JSON.stringify(address)).lastInsertRowid);
    },
    updateLocation(id: number, code: string, name: string, address: Address) {
      c.prepare('UPDATE locations SET code = ?, name = ?, address = ? WHERE id = ?').run(code, name, JSON.stringify(address), id);
    },
    bin(id: number): BinRow | undefined {
      const r = binById.get(id);
      return r ? toBin(r) : undefined;
    },
    /** a scanned or typed bin code at a location, any case */
    binByCode(locationId: number, code: string): BinRow | undefined {
      const r = c.prepare(`SELECT ${binCols} FROM bins b WHERE b.location_id = ? AND b.code = ? COLLATE NOCASE AND b.archived_at IS NULL`).get(locationId, code.trim()) as BinRecord | undefined;
      return r ? toBin(r) : undefined;
    },
    binCodeTaken(locationId: number, code: string, exceptId?: number): boolean {
      return c.prepare('SELECT 1 FROM bins WHERE location_id = ? AND code = ? COLLATE NOCASE AND id IS NOT ?').get(locationId, code, exceptId ?? null) !== undefined;
    },
    insertBin(locationId: number, parts: BinParts, code: string): number {
      return Number(c.prepare(`INSERT INTO bins (location_id, code, zone, aisle, shelf, level, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(locationId, code || binCodeFrom(parts), parts.zone, parts.aisle, parts.shelf, parts.level, binSortKey(parts)).lastInsertRowid);
    },
    updateBin(id: number, parts: BinParts, code: string) {
      c.prepare('UPDATE bins SET code = ?, zone = ?, aisle = ?, shelf = ?, level = ?, sort_key = ? WHERE id = ?')
        .run(code || binCodeFrom(parts), parts.zone, parts.aisle, parts.shelf, parts.level, binSortKey(parts), id);
    },
    setBinArchived(id: number, at: string | null) {
      c.prepare('UPDATE bins SET archived_at = ? WHERE id = ?').run(at, id);
      // a bin that is no longer used is nobody's home bin
      if (at) c.prepare('UPDATE inventory_balances SET bin_id = NULL WHERE bin_id = ?').run(id);
    },
    binContents(binId: number) {
      return c.prepare(`SELECT s.variant_id AS variantId, v.sku, v.title, s.on_hand AS onHand FROM bin_stock s JOIN variants v ON v.id = s.variant_id
        WHERE s.bin_id = ? AND s.on_hand > 0 ORDER BY v.sku`).all(binId) as Array<{ variantId: number; sku: string; title: string; onHand: number }>;
    },
    /** where a SKU's units are at a location, bins in walk order */
    binsOf(variantId: number, locationId: number) {
      return c.prepare(`SELECT s.bin_id AS binId, b.code, s.on_hand AS onHand FROM bin_stock s JOIN bins b ON b.id = s.bin_id
        WHERE s.variant_id = ? AND b.location_id = ? AND s.on_hand > 0 ORDER BY b.sort_key, b.code`).all(variantId, locationId) as Array<{ binId: number; code: string; onHand: number }>;
    },
    defaultBinOf(variantId: number, locationId: number): number | null {
      return (c.prepare('SELECT bin_id FROM inventory_balances WHERE variant_id = ? AND location_id = ?').get(variantId, locationId) as { bin_id: number | null } | undefined)?.bin_id ?? null;
    },
    /** Bins made before they had parts get them from their code, and every bin a walk-order key; once, at start. */
    ensureWalkOrder() {
      const old = c.prepare("SELECT id, code FROM bins WHERE sort_key = ''").all() as Array<{ id: number; code: string }>;
      if (!old.length) return;
      const update = c.prepare('UPDATE bins SET zone = ?, aisle = ?, shelf = ?, level = ?, sort_key = ? WHERE id = ?');
      c.transaction(() => {
        for (const b of old) {
          const p = splitBinCode(b.code);
          update.run(p.zone, p.aisle, p.shelf, p.level, binSortKey(p), b.id);
        }
      })();
    },
    /** bins in walk order, for checks and for the picking to come */
    walk(locationId: number): string[] {
      return (c.prepare('SELECT code FROM bins WHERE location_id = ? AND archived_at IS NULL ORDER BY sort_key, code').all(locationId) as Array<{ code: string }>).map((r) => r.code);
    },
  };
}
export type WarehouseRepo = ReturnType<typeof createWarehouseRepo>;
