import { applyMovement, movementDeltas, type MovementKind } from '../../../shared/domain/ledger';
import { AppError } from '../../../shared/contract/errors';
import type { Movement, StockRow } from '../../../shared/contract/inventory';
import type { Db } from './db';
import { VARIANT_DISPLAY_TITLE } from './variant-title';

export type MovementInput = {
  variantId: number;
  locationId: number;
  kind: MovementKind;
  /** signed for adjust/transfer, positive otherwise */
  quantity: number;
  reason: string;
  actor: string;
  reference: string;
  at: string;
  /** the bin the units go into or come out of; null or absent for reservations and stock in no bin */
  binId?: number | null;
};

type BalanceRow = { on_hand: number; committed: number };

/**
 * The ledger. A movement row and its balance change are written together; callers run this inside
 * their own transaction so the order, event and outbox rows land with it or not at all.
 */
export function createInventoryRepo(db: Db) {
  const c = db.$client;
  const getBalance = c.prepare<[number, number], BalanceRow>(
    'SELECT on_hand, committed FROM inventory_balances WHERE variant_id = ? AND location_id = ?');
  const insertMovementRow = c.prepare(
    `INSERT INTO inventory_movements (variant_id, location_id, kind, on_hand_delta, committed_delta, reason, actor, reference, created_at, bin_id)
     VALUES (@variantId, @locationId, @kind, @onHand, @committed, @reason, @actor, @reference, @at, @binId)`);
  // every movement marks its SKU dirty for each channel that takes stock counts (#7), in the caller's
  // transaction: no change of an available count commits without its push being due. One-row statements,
  // not one INSERT … SELECT: a multi-row write inside the import's savepoints costs a statement journal
  // each time, which made the marks dearer than the movements.
  const pushingChannels = c.prepare<[], { id: number }>(`SELECT id FROM channels
    WHERE kind NOT IN ('manual', 'csv') AND json_extract(config, '$.pushStock') = 1`);
  const skuOf = c.prepare<[number], { sku: string }>('SELECT sku FROM variants WHERE id = ?');
  const markDirty = c.prepare(`INSERT INTO stock_dirty (channel_id, sku, version, cause, marked_at) VALUES (?, ?, 1, ?, ?)
    ON CONFLICT (channel_id, sku) DO UPDATE SET version = version + 1, cause = excluded.cause, marked_at = excluded.marked_at`);
  function insertMovement(row: MovementInput & { onHand: number; committed: number; binId: number | null }): void {
    insertMovementRow.run(row);
    const channels = pushingChannels.all();
    if (channels.length === 0) return;
    const sku = skuOf.get(row.variantId)?.sku;
    if (sku === undefined) return;
    const cause = row.reference ? `${row.kind} ${row.reference}` : row.kind;
    for (const ch of channels) markDirty.run(ch.id, sku, cause, row.at);
  }
  const getBinStock = c.prepare<[number, number], { on_hand: number }>('SELECT on_hand FROM bin_stock WHERE variant_id = ? AND bin_id = ?');
  const updateBinStock = c.prepare('UPDATE bin_stock SET on_hand = on_hand + @onHand WHERE variant_id = @variantId AND bin_id = @binId');
  const insertBinStock = c.prepare('INSERT INTO bin_stock (variant_id, bin_id, on_hand) VALUES (@variantId, @binId, @onHand)');
  const binnedAt = c.prepare<[number, number], { n: number }>(`SELECT coalesce(sum(s.on_hand), 0) AS n FROM bin_stock s JOIN bins b ON b.id = s.bin_id
    WHERE s.variant_id = ? AND b.location_id = ?`);
  const binOfLocation = c.prepare<[number], { location_id: number; code: string }>('SELECT location_id, code FROM bins WHERE id = ?');
  // where units are taken from when nobody said which bin: the home bin, then the others in walk order, then stock in no bin
  const takeOrder = c.prepare<[number, number], { bin_id: number; code: string; on_hand: number }>(`SELECT s.bin_id, b.code, s.on_hand
    FROM bin_stock s JOIN bins b ON b.id = s.bin_id
    LEFT JOIN inventory_balances ib ON ib.variant_id = s.variant_id AND ib.location_id = b.location_id
    WHERE s.variant_id = ? AND b.location_id = ? AND s.on_hand > 0
    ORDER BY (ib.bin_id IS s.bin_id) DESC, b.sort_key, b.id`);
  // update-or-insert rather than an upsert: SQLite checks CHECK constraints on the would-be inserted row first
  const updateBalance = c.prepare(`UPDATE inventory_balances SET on_hand = on_hand + @onHand, committed = committed + @committed
     WHERE variant_id = @variantId AND location_id = @locationId`);
  const insertBalance = c.prepare(`INSERT INTO inventory_balances (variant_id, location_id, on_hand, committed)
     VALUES (@variantId, @locationId, @onHand, @committed)`);
  const stockRowSql = `SELECT v.id AS variantId, v.sku, ${VARIANT_DISPLAY_TITLE} AS title, l.id AS locationId, l.name AS locationName, bn.code AS bin,
      b.on_hand AS onHand, b.committed, b.on_hand - b.committed AS available
    FROM inventory_balances b JOIN variants v ON v.id = b.variant_id JOIN products p ON p.id = v.product_id JOIN locations l ON l.id = b.location_id
    LEFT JOIN bins bn ON bn.id = b.bin_id`;
  const stockRow = c.prepare<[number, number], StockRow>(`${stockRowSql} WHERE b.variant_id = ? AND b.location_id = ?`);

  /** Keeps bin stock with the movement; refuses to take from a bin more than it holds, or to dip into binned stock unasked. */
  function moveInBin(m: MovementInput, onHandDelta: number): void {
    if (onHandDelta === 0) return;
    if (m.binId == null) {
      if (onHandDelta < 0) {
        const total = getBalance.get(m.variantId, m.locationId)?.on_hand ?? 0;
        const unbinned = total - binnedAt.get(m.variantId, m.locationId)!.n;
        if (unbinned + onHandDelta < 0) {
          throw new AppError('conflict', `Only ${unbinned} unit(s) are outside a bin; the rest is in bins, so say which bin the units come from.`);
        }
      }
      return;
    }
    const bin = binOfLocation.get(m.binId);
    if (!bin || bin.location_id !== m.locationId) throw new AppError('not_found', 'That bin is not at this location.', 'Reload the screen and choose the bin again.');
    const current = getBinStock.get(m.variantId, m.binId);
    if ((current?.on_hand ?? 0) + onHandDelta < 0) {
      throw new AppError('conflict', `Bin ${bin.code} holds only ${current?.on_hand ?? 0}; ${-onHandDelta} cannot come out of it.`);
    }
    const row = { variantId: m.variantId, binId: m.binId, onHand: onHandDelta };
    (current ? updateBinStock : insertBinStock).run(row);
  }

  function record(m: MovementInput): void {
    const binId = m.binId ?? null;
    const growsOnly = m.kind === 'receive' || m.kind === 'return' || m.kind === 'reserve';
    if (growsOnly && Number.isInteger(m.quantity) && m.quantity > 0) {
      // nothing to refuse when counts only grow: skip the read (this is the hot path of order import)
      const deltas = movementDeltas(m.kind, m.quantity);
      moveInBin(m, deltas.onHand);
      insertMovement({ ...m, ...deltas, binId });
      const row = { variantId: m.variantId, locationId: m.locationId, ...deltas };
      if (updateBalance.run(row).changes === 0) insertBalance.run(row);
      return;
    }
    const existing = getBalance.get(m.variantId, m.locationId);
    const current = existing ?? { on_hand: 0, committed: 0 };
    const check = applyMovement({ onHand: current.on_hand, committed: current.committed }, m.kind, m.quantity);
    if (!check.ok) throw new AppError('conflict', check.message);
    const deltas = { onHand: check.next.onHand - current.on_hand, committed: check.next.committed - current.committed };
    moveInBin(m, deltas.onHand);
    insertMovement({ ...m, ...deltas, binId });
    (existing ? updateBalance : insertBalance).run({ variantId: m.variantId, locationId: m.locationId, ...deltas });
  }

  /**
   * Units leaving the location (a pick, a count that found fewer): taken from the bins a picker said
   * (`fromBins`, as far as they hold them) first, then the home bin, then the other bins in walk order,
   * then stock in no bin, one movement per bin. The location's own rule (never below zero) is checked
   * first, with its words.
   */
  function recordOut(m: MovementInput & { quantity: number }, fromBins: Array<{ binId: number; quantity: number }> = []): void {
    const signed = m.kind === 'adjust' || m.kind === 'transfer';
    const units = signed ? -m.quantity : m.quantity;
    const before = getBalance.get(m.variantId, m.locationId) ?? { on_hand: 0, committed: 0 };
    const check = applyMovement({ onHand: before.on_hand, committed: before.committed }, m.kind, m.quantity);
    if (!check.ok) throw new AppError('conflict', check.message);
    let left = units;
    const unbinned = before.on_hand - binnedAt.get(m.variantId, m.locationId)!.n;
    const parts: Array<{ binId: number | null; qty: number }> = [];
    const bins = takeOrder.all(m.variantId, m.locationId);
    const inBin = new Map(bins.map((b) => [b.bin_id, b.on_hand]));
    const named = fromBins.flatMap((f) => (inBin.has(f.binId) ? [{ bin_id: f.binId, most: f.quantity }] : []));
    for (const b of [...named, ...bins.map((x) => ({ bin_id: x.bin_id, most: Infinity }))]) {
      if (left <= 0) break;
      const qty = Math.min(left, b.most, inBin.get(b.bin_id)!);
      if (qty <= 0) continue;
      inBin.set(b.bin_id, inBin.get(b.bin_id)! - qty);
      const same = parts.find((p) => p.binId === b.bin_id);
      if (same) same.qty += qty;
      else parts.push({ binId: b.bin_id, qty });
      left -= qty;
    }
    if (left > 0) {
      if (unbinned < left) throw new AppError('conflict', `The bins and the unbinned stock hold fewer than ${units}; count the bins again.`);
      parts.push({ binId: null, qty: left });
    }
    for (const p of parts) record({ ...m, binId: p.binId, quantity: signed ? -p.qty : p.qty });
  }

  return {
    record,
    recordOut,
    /** on hand at the location that is in no bin */
    unbinned(variantId: number, locationId: number): number {
      return (getBalance.get(variantId, locationId)?.on_hand ?? 0) - binnedAt.get(variantId, locationId)!.n;
    },
    binStock(variantId: number, binId: number): number {
      return getBinStock.get(variantId, binId)?.on_hand ?? 0;
    },
    balance(variantId: number, locationId: number) {
      const b = getBalance.get(variantId, locationId);
      return { onHand: b?.on_hand ?? 0, committed: b?.committed ?? 0 };
    },
    stockRow(variantId: number, locationId: number): StockRow | undefined {
      return stockRow.get(variantId, locationId);
    },
    setBin(variantId: number, locationId: number, binId: number | null) {
      c.prepare(`INSERT INTO inventory_balances (variant_id, location_id, bin_id) VALUES (?, ?, ?)
        ON CONFLICT (variant_id, location_id) DO UPDATE SET bin_id = excluded.bin_id`).run(variantId, locationId, binId);
    },
    list(input: { q: string; locationId?: number | undefined; offset: number; limit: number }): { total: number; rows: StockRow[] } {
      const where: string[] = [];
      const params: Record<string, unknown> = { offset: input.offset, limit: input.limit };
      if (input.q) {
        where.push(`(v.sku LIKE @like ESCAPE '\\' OR v.title LIKE @like ESCAPE '\\' OR p.title LIKE @like ESCAPE '\\'
          OR v.id IN (SELECT variant_id FROM barcodes WHERE code LIKE @like ESCAPE '\\'))`);
        params.like = `%${input.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
      }
      if (input.locationId) { where.push('b.location_id = @locationId'); params.locationId = input.locationId; }
      const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
      const total = (c.prepare(`SELECT count(*) AS n FROM inventory_balances b JOIN variants v ON v.id = b.variant_id JOIN products p ON p.id = v.product_id${w}`).get(params) as { n: number }).n;
      const rows = c.prepare(`${stockRowSql}${w} ORDER BY v.sku, l.name LIMIT @limit OFFSET @offset`).all(params) as StockRow[];
      return { total, rows };
    },
    history(variantId: number, locationId: number | undefined, limit: number): Movement[] {
      return c.prepare(`SELECT m.id, m.kind, v.sku, l.name AS locationName, m.on_hand_delta AS onHandDelta,
          m.committed_delta AS committedDelta, m.reason, m.actor, m.reference, m.created_at AS createdAt
        FROM inventory_movements m JOIN variants v ON v.id = m.variant_id JOIN locations l ON l.id = m.location_id
        WHERE m.variant_id = @variantId ${locationId ? 'AND m.location_id = @locationId' : ''}
        ORDER BY m.id DESC LIMIT @limit`).all({ variantId, locationId, limit }) as Movement[];
    },
    /** per SKU, what the movements carrying this reference still hold reserved, and how much they picked */
    heldByReference(reference: string, locationId: number) {
      return c.prepare(`SELECT m.variant_id AS variantId, v.sku, sum(m.committed_delta) AS committed,
          -sum(CASE WHEN m.kind = 'pick' THEN m.on_hand_delta ELSE 0 END) AS picked
        FROM inventory_movements m JOIN variants v ON v.id = m.variant_id
        WHERE m.reference = ? AND m.location_id = ? GROUP BY m.variant_id ORDER BY v.sku`).all(reference, locationId) as Array<{ variantId: number; sku: string; committed: number; picked: number }>;
    },
    /** for invariant checks: on_hand and committed recomputed from the movements */
    sums(variantId: number, locationId: number) {
      return c.prepare(`SELECT coalesce(sum(on_hand_delta),0) AS onHand, coalesce(sum(committed_delta),0) AS committed
        FROM inventory_movements WHERE variant_id = ? AND location_id = ?`).get(variantId, locationId) as { onHand: number; committed: number };
    },
  };
}
export type InventoryRepo = ReturnType<typeof createInventoryRepo>;
