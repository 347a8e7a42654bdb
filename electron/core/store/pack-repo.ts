import type { PackScan, ScanOutcome } from '../../../shared/contract/pack';
import type { Db } from './db';

export type SessionRow = { id: number; orderId: number; parcelNo: number; status: 'active' | 'completed' | 'abandoned'; actor: string; startedAt: string };
export type NewScan = {
  sessionId: number; code: string; outcome: ScanOutcome; orderLineId: number | null; variantId: number | null; quantity: number;
  undoesScanId?: number | null; lot?: string | null; expiry?: string | null; serial?: string | null;
  message: string; actor: string; reason?: string; at: string;
};

// a scan counts when it was accepted (or overridden) and nothing undid it
const COUNTED = `s.outcome IN ('accepted', 'override') AND NOT EXISTS (SELECT 1 FROM pack_scans u WHERE u.undoes_scan_id = s.id)`;

export function createPackRepo(db: Db) {
  const c = db.$client;
  const sessionColumns = 'id, order_id AS orderId, parcel_no AS parcelNo, status, actor, started_at AS startedAt';
  const byId = c.prepare<[number], SessionRow>(`SELECT ${sessionColumns} FROM pack_sessions WHERE id = ?`);
  const activeForOrder = c.prepare<[number], SessionRow>(`SELECT ${sessionColumns} FROM pack_sessions WHERE order_id = ? AND status = 'active'`);
  const latestActive = c.prepare<[], SessionRow>(`SELECT ${sessionColumns} FROM pack_sessions WHERE status = 'active' ORDER BY id DESC LIMIT 1`);
  const latestActiveOf = c.prepare<[string], SessionRow>(`SELECT ${sessionColumns} FROM pack_sessions WHERE status = 'active' AND actor = ? ORDER BY id DESC LIMIT 1`);
  const insertSession = c.prepare('INSERT INTO pack_sessions (order_id, parcel_no, actor, started_at) VALUES (?, ?, ?, ?)');
  const endSession = c.prepare('UPDATE pack_sessions SET status = ?, ended_at = ?, split_reason = ? WHERE id = ?');
  const completedCount = c.prepare<[number], { n: number }>("SELECT count(*) AS n FROM pack_sessions WHERE order_id = ? AND status = 'completed'");
  const insertScan = c.prepare(`INSERT INTO pack_scans (session_id, code, outcome, order_line_id, variant_id, quantity, undoes_scan_id,
      lot, expiry, serial, message, actor, reason, created_at)
    VALUES (@sessionId, @code, @outcome, @orderLineId, @variantId, @quantity, @undoesScanId, @lot, @expiry, @serial, @message, @actor, @reason, @at)`);
  const countedInSession = c.prepare<[number], { lineId: number; qty: number; overridden: number }>(`SELECT s.order_line_id AS lineId,
      sum(s.quantity) AS qty, max(s.outcome = 'override') AS overridden
    FROM pack_scans s WHERE s.session_id = ? AND s.order_line_id IS NOT NULL AND ${COUNTED} GROUP BY s.order_line_id`);
  const countedEarlier = c.prepare<[number], { lineId: number; qty: number }>(`SELECT s.order_line_id AS lineId, sum(s.quantity) AS qty
    FROM pack_scans s JOIN pack_sessions ps ON ps.id = s.session_id
    WHERE ps.order_id = ? AND ps.status = 'completed' AND s.order_line_id IS NOT NULL AND ${COUNTED} GROUP BY s.order_line_id`);
  const lastCounted = c.prepare<[number], { id: number; orderLineId: number; variantId: number; quantity: number; code: string; outcome: string }>(
    `SELECT s.id, s.order_line_id AS orderLineId, s.variant_id AS variantId, s.quantity, s.code, s.outcome
     FROM pack_scans s WHERE s.session_id = ? AND s.outcome = 'accepted' AND ${COUNTED} ORDER BY s.id DESC LIMIT 1`);
  const recentScans = c.prepare(`SELECT s.id, s.code, s.outcome, s.message, v.sku, s.quantity, s.lot, s.expiry, s.serial,
      EXISTS (SELECT 1 FROM pack_scans u WHERE u.undoes_scan_id = s.id) AS undone, s.created_at AS createdAt
    FROM pack_scans s LEFT JOIN variants v ON v.id = s.variant_id WHERE s.session_id = ? ORDER BY s.id DESC LIMIT ?`);
  const scanCount = c.prepare<[number], { n: number }>('SELECT count(*) AS n FROM pack_scans WHERE session_id = ?');

  return {
    session: (id: number) => byId.get(id),
    activeForOrder: (orderId: number) => activeForOrder.get(orderId),
    latestActive: () => latestActive.get(),
    latestActiveOf: (actor: string) => latestActiveOf.get(actor),
    createSession(orderId: number, parcelNo: number, actor: string, at: string): number {
      return Number(insertSession.run(orderId, parcelNo, actor, at).lastInsertRowid);
    },
    endSession(id: number, status: 'completed' | 'abandoned', at: string, reason = '') {
      endSession.run(status, at, reason, id);
    },
    completedParcels: (orderId: number) => completedCount.get(orderId)!.n,
    addScan(s: NewScan): number {
      return Number(insertScan.run({ undoesScanId: null, lot: null, expiry: null, serial: null, reason: '', ...s }).lastInsertRowid);
    },
    /** line id -> units counted in this parcel (and whether a supervisor overrode the line) */
    countedInSession(sessionId: number) {
      return new Map(countedInSession.all(sessionId).map((r) => [r.lineId, { qty: r.qty, overridden: r.overridden === 1 }]));
    },
    /** line id -> units packed in the order's earlier, closed parcels */
    countedEarlier(orderId: number) {
      return new Map(countedEarlier.all(orderId).map((r) => [r.lineId, r.qty]));
    },
    lastCounted: (sessionId: number) => lastCounted.get(sessionId),
    recentScans(sessionId: number, limit = 30): PackScan[] {
      return (recentScans.all(sessionId, limit) as Array<Omit<PackScan, 'undone'> & { undone: number }>).map((s) => ({ ...s, undone: s.undone === 1 }));
    },
    scanCount: (sessionId: number) => scanCount.get(sessionId)!.n,
  };
}
export type PackRepo = ReturnType<typeof createPackRepo>;
