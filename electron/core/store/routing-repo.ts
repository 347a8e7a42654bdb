import type { Transfer } from '../../../shared/contract/routing';
import type { Address } from '../../../shared/domain/address';
import type { RoutingLine } from '../../../shared/domain/routing';
import type { Db } from './db';

export type ShipmentRecord = { locationId: number; locationName: string; status: 'proposed' | 'agreed'; lines: RoutingLine[] };

/** Where orders ship from, their parcels per location, and stock travelling between locations. */
export function createRoutingRepo(db: Db) {
  const c = db.$client;
  const transferCols = `t.id, t.from_location_id AS fromLocationId, lf.name AS fromLocationName, t.to_location_id AS toLocationId, lt.name AS toLocationName,
    t.status, t.reason, t.order_id AS orderId, o.number AS orderNumber, t.created_by AS createdBy, t.created_at AS createdAt,
    t.closed_by AS closedBy, t.closed_at AS closedAt`;
  const transferFrom = `stock_transfers t JOIN locations lf ON lf.id = t.from_location_id JOIN locations lt ON lt.id = t.to_location_id
    LEFT JOIN orders o ON o.id = t.order_id`;
  const linesOf = c.prepare<[number], Transfer['lines'][number]>(`SELECT l.variant_id AS variantId, v.sku, v.title, l.quantity
    FROM stock_transfer_lines l JOIN variants v ON v.id = l.variant_id WHERE l.transfer_id = ? ORDER BY v.sku`);

  return {
    locations(): Array<{ id: number; name: string; address: Address }> {
      return (c.prepare('SELECT id, name, address FROM locations ORDER BY id').all() as Array<{ id: number; name: string; address: string }>)
        .map((l) => ({ id: l.id, name: l.name, address: JSON.parse(l.address) as Address }));
    },
    /** the order's lines for known SKUs, summed per SKU */
    routableLines(orderId: number): RoutingLine[] {
      return c.prepare(`SELECT variant_id AS variantId, min(sku) AS sku, sum(quantity) AS quantity FROM order_lines
        WHERE order_id = ? AND variant_id IS NOT NULL GROUP BY variant_id ORDER BY variant_id`).all(orderId) as RoutingLine[];
    },
    setOrderLocation(orderId: number, locationId: number, at: string) {
      c.prepare('UPDATE orders SET location_id = ?, updated_at = ? WHERE id = ?').run(locationId, at, orderId);
    },
    /** locations where movements of this order's reservations were written */
    locationsHolding(reference: string): number[] {
      return (c.prepare('SELECT DISTINCT location_id AS id FROM inventory_movements WHERE reference = ? ORDER BY location_id').all(reference) as Array<{ id: number }>).map((r) => r.id);
    },
    shipments(orderId: number): ShipmentRecord[] {
      return (c.prepare(`SELECT s.location_id AS locationId, l.name AS locationName, s.status, s.lines FROM order_shipments s JOIN locations l ON l.id = s.location_id
        WHERE s.order_id = ? ORDER BY s.seq`).all(orderId) as Array<Omit<ShipmentRecord, 'lines'> & { lines: string }>)
        .map((s) => ({ ...s, lines: JSON.parse(s.lines) as RoutingLine[] }));
    },
    replaceShipments(orderId: number, shipments: Array<{ locationId: number; lines: RoutingLine[] }>, status: 'proposed' | 'agreed', at: string) {
      c.prepare('DELETE FROM order_shipments WHERE order_id = ?').run(orderId);
      const insert = c.prepare('INSERT INTO order_shipments (order_id, location_id, seq, status, lines, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      shipments.forEach((s, i) => insert.run(orderId, s.locationId, i + 1, status, JSON.stringify(s.lines), at));
    },
    lastRoutedWords(orderId: number): string | undefined {
      return (c.prepare("SELECT message FROM order_events WHERE order_id = ? AND kind = 'routed' ORDER BY id DESC LIMIT 1").get(orderId) as { message: string } | undefined)?.message;
    },
    insertTransfer(t: { fromLocationId: number; toLocationId: number; reason: string; orderId: number | null; createdBy: string; at: string }, lines: Array<{ variantId: number; quantity: number }>): number {
      const id = Number(c.prepare(`INSERT INTO stock_transfers (from_location_id, to_location_id, status, reason, order_id, created_by, created_at)
        VALUES (?, ?, 'in_transit', ?, ?, ?, ?)`).run(t.fromLocationId, t.toLocationId, t.reason, t.orderId, t.createdBy, t.at).lastInsertRowid);
      const insert = c.prepare('INSERT INTO stock_transfer_lines (transfer_id, variant_id, quantity) VALUES (?, ?, ?)');
      for (const l of lines) insert.run(id, l.variantId, l.quantity);
      return id;
    },
    closeTransfer(id: number, status: 'received' | 'cancelled', who: string, at: string) {
      c.prepare('UPDATE stock_transfers SET status = ?, closed_by = ?, closed_at = ? WHERE id = ?').run(status, who, at, id);
    },
    transfer(id: number): Transfer | undefined {
      const t = c.prepare(`SELECT ${transferCols} FROM ${transferFrom} WHERE t.id = ?`).get(id) as Omit<Transfer, 'lines'> | undefined;
      return t ? { ...t, lines: linesOf.all(id) } : undefined;
    },
    transfers(status: Transfer['status'] | undefined, limit: number): Transfer[] {
      const rows = c.prepare(`SELECT ${transferCols} FROM ${transferFrom} ${status ? 'WHERE t.status = @status' : ''} ORDER BY t.id DESC LIMIT @limit`)
        .all({ status, limit }) as Array<Omit<Transfer, 'lines'>>;
      return rows.map((t) => ({ ...t, lines: linesOf.all(t.id) }));
    },
    /** units on their way to each location, per SKU */
    inTransitTo(variantId: number, locationId: number): number {
      return (c.prepare(`SELECT coalesce(sum(l.quantity), 0) AS n FROM stock_transfer_lines l JOIN stock_transfers t ON t.id = l.transfer_id
        WHERE t.status = 'in_transit' AND l.variant_id = ? AND t.to_location_id = ?`).get(variantId, locationId) as { n: number }).n;
    },
  };
}
export type RoutingRepo = ReturnType<typeof createRoutingRepo>;
