import type { Delivery } from '../../../shared/contract/warehouse';
import type { Db } from './db';
import { VARIANT_DISPLAY_TITLE } from './variant-title';

const UNDO_PREFIX = 'taken back: receiving scan #';

/** Deliveries and what arrived: the receive movements carrying reference delivery:<id> are the record. */
export function createDeliveriesRepo(db: Db) {
  const c = db.$client;
  const ref = (id: number) => `delivery:${id}`;

  function receipts(id: number) {
    const rows = c.prepare(`SELECT m.id AS movementId, v.sku, bn.code AS bin, m.on_hand_delta AS quantity, m.actor, m.created_at AS createdAt,
        EXISTS (SELECT 1 FROM inventory_movements u WHERE u.reference = m.reference AND u.reason = '${UNDO_PREFIX}' || m.id) AS undone
      FROM inventory_movements m JOIN variants v ON v.id = m.variant_id LEFT JOIN bins bn ON bn.id = m.bin_id
      WHERE m.reference = ? AND m.kind = 'receive' ORDER BY m.id DESC LIMIT 200`).all(ref(id)) as Array<Omit<Delivery['receipts'][number], 'undone'> & { undone: number }>;
    return rows.map((r) => ({ ...r, undone: r.undone === 1 }));
  }

  function lines(id: number): Delivery['lines'] {
    // expected lines first (in the order given), then what arrived that nobody announced
    // "Into": what each bin holds from this delivery, summed over its scans and the scans taken back
    return c.prepare(`WITH per_bin AS (
        SELECT m.variant_id, min(m.id) AS first, bn.code, sum(m.on_hand_delta) AS units
        FROM inventory_movements m JOIN bins bn ON bn.id = m.bin_id WHERE m.reference = @ref GROUP BY m.variant_id, m.bin_id),
      got AS (
        SELECT m.variant_id, sum(m.on_hand_delta) AS received,
          (SELECT group_concat(code || ' ×' || units, ', ') FROM (SELECT code, units FROM per_bin p WHERE p.variant_id = m.variant_id AND p.units <> 0 ORDER BY p.first)) AS bins
        FROM inventory_movements m WHERE m.reference = @ref GROUP BY m.variant_id)
      SELECT v.id AS variantId, v.sku, ${VARIANT_DISPLAY_TITLE} AS title, coalesce(dl.expected, 0) AS expected, coalesce(g.received, 0) AS received, coalesce(g.bins, '') AS bins
      FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN delivery_lines dl ON dl.variant_id = v.id AND dl.delivery_id = @id LEFT JOIN got g ON g.variant_id = v.id
      WHERE dl.id IS NOT NULL OR g.variant_id IS NOT NULL
      ORDER BY dl.id IS NULL, dl.id, v.sku`).all({ id, ref: ref(id) }) as Delivery['lines'];
  }

  return {
    ref,
    undoReason: (movementId: number) => `${UNDO_PREFIX}${movementId}`,
    insert(d: { locationId: number; reference: string; supplier: string; createdBy: string; at: string }): number {
      return Number(c.prepare('INSERT INTO deliveries (location_id, reference, supplier, created_by, created_at) VALUES (@locationId, @reference, @supplier, @createdBy, @at)').run(d).lastInsertRowid);
    },
    insertLine(deliveryId: number, variantId: number, expected: number) {
      c.prepare(`INSERT INTO delivery_lines (delivery_id, variant_id, expected) VALUES (?, ?, ?)
        ON CONFLICT (delivery_id, variant_id) DO UPDATE SET expected = expected + excluded.expected`).run(deliveryId, variantId, expected);
    },
    close(id: number, at: string) {
      c.prepare("UPDATE deliveries SET status = 'closed', closed_at = ? WHERE id = ?").run(at, id);
    },
    get(id: number): Delivery | undefined {
      const d = c.prepare(`SELECT d.id, d.reference, d.supplier, d.location_id AS locationId, l.name AS locationName, d.status,
          d.created_at AS createdAt, d.created_by AS createdBy FROM deliveries d JOIN locations l ON l.id = d.location_id WHERE d.id = ?`).get(id) as Omit<Delivery, 'lines' | 'receipts'> | undefined;
      return d ? { ...d, lines: lines(id), receipts: receipts(id) } : undefined;
    },
    list(status?: 'open' | 'closed') {
      return c.prepare(`SELECT d.id, d.reference, d.supplier, l.name AS locationName, d.status, d.created_at AS createdAt,
          coalesce((SELECT sum(expected) FROM delivery_lines WHERE delivery_id = d.id), 0) AS expected,
          coalesce((SELECT sum(on_hand_delta) FROM inventory_movements WHERE reference = 'delivery:' || d.id), 0) AS received
        FROM deliveries d JOIN locations l ON l.id = d.location_id ${status ? 'WHERE d.status = @status' : ''} ORDER BY d.id DESC LIMIT 200`)
        .all(status ? { status } : {}) as Array<{ id: number; reference: string; supplier: string; locationName: string; status: 'open' | 'closed'; createdAt: string; expected: number; received: number }>;
    },
    /** the newest receiving scan that has not been taken back */
    lastReceipt(id: number) {
      return c.prepare(`SELECT m.id, m.variant_id AS variantId, m.location_id AS locationId, m.bin_id AS binId, m.on_hand_delta AS quantity
        FROM inventory_movements m WHERE m.reference = ? AND m.kind = 'receive'
          AND NOT EXISTS (SELECT 1 FROM inventory_movements u WHERE u.reference = m.reference AND u.reason = '${UNDO_PREFIX}' || m.id)
        ORDER BY m.id DESC LIMIT 1`).get(ref(id)) as { id: number; variantId: number; locationId: number; binId: number | null; quantity: number } | undefined;
    },
  };
}
export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
