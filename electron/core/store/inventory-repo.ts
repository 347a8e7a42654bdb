import { applyMovement, movementDeltas, type MovementKind } from '../../../shared/domain/ledger';
import { AppError } from '../../../shared/contract/errors';
import type { Movement, StockRow } from '../../../shared/contract/inventory';
import type { Db } from './db';

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
  const insertMovement = c.prepare(
    `INSERT INTO inventory_movements (variant_id, location_id, kind, on_hand_delta, committed_delta, reason, actor, reference, created_at)
     VALUES (@variantId, @locationId, @kind, @onHand, @committed, @reason, @actor, @reference, @at)`);
  // update-or-insert rather than an upsert: SQLite checks CHECK constraints on the would-be inserted row first
  const updateBalance = c.prepare(`UPDATE inventory_balances SET on_hand = on_hand + @onHand, committed = committed + @committed
     WHERE variant_id = @variantId AND location_id = @locationId`);
  const insertBalance = c.prepare(`INSERT INTO inventory_balances (variant_id, location_id, on_hand, committed)
     VALUES (@variantId, @locationId, @onHand, @committed)`);
  const stockRowSql = `SELECT v.id AS variantId, v.sku, v.title, l.id AS locationId, l.name AS locationName, bn.code AS bin,
      b.on_hand AS onHand, b.committed, b.on_hand - b.committed AS available
    FROM inventory_balances b JOIN variants v ON v.id = b.variant_id JOIN locations l ON l.id = b.location_id
    LEFT JOIN bins bn ON bn.id = b.bin_id`;
  const stockRow = c.prepare<[number, number], StockRow>(`${stockRowSql} WHERE b.variant_id = ? AND b.location_id = ?`);

  function record(m: MovementInput): void {
    const growsOnly = m.kind === 'receive' || m.kind === 'return' || m.kind === 'reserve';
    if (growsOnly && Number.isInteger(m.quantity) && m.quantity > 0) {
      // nothing to refuse when counts only grow: skip the read (this is the hot path of order import)
      const deltas = movementDeltas(m.kind, m.quantity);
      insertMovement.run({ ...m, ...deltas });
      const row = { variantId: m.variantId, locationId: m.locationId, ...deltas };
      if (updateBalance.run(row).changes === 0) insertBalance.run(row);
      return;
    }
    const existing = getBalance.get(m.variantId, m.locationId);
    const current = existing ?? { on_hand: 0, committed: 0 };
    const check = applyMovement({ onHand: current.on_hand, committed: current.committed }, m.kind, m.quantity);
    if (!check.ok) throw new AppError('conflict', check.message);
    const deltas = { onHand: check.next.onHand - current.on_hand, committed: check.next.committed - current.committed };
    insertMovement.run({ ...m, ...deltas });
    (existing ? updateBalance : insertBalance).run({ variantId: m.variantId, locationId: m.locationId, ...deltas });
  }

  return {
    record,
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
        where.push(`(v.sku LIKE @like ESCAPE '\\' OR v.title LIKE @like ESCAPE '\\'
          OR v.id IN (SELECT variant_id FROM barcodes WHERE code LIKE @like ESCAPE '\\'))`);
        params.like = `%${input.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
      }
      if (input.locationId) { where.push('b.location_id = @locationId'); params.locationId = input.locationId; }
      const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
      const total = (c.prepare(`SELECT count(*) AS n FROM inventory_balances b JOIN variants v ON v.id = b.variant_id${w}`).get(params) as { n: number }).n;
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
