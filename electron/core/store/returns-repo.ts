import type { ReturnRow } from '../../../shared/contract/returns';
import { inboundWords, type Disposition, type Grade, type ReturnStatus } from '../../../shared/domain/return-state';
import type { RefundBreakdown } from '../../../shared/domain/refund';
import type { Db } from './db';

export type ReturnRecord = {
  id: number; number: string; orderId: number; status: ReturnStatus; shipping: 'label' | 'customer'; unannounced: boolean;
  note: string; outsideWindowReason: string; trackingNumber: string; trackingCarrier: string; inboundStatus: string;
  inboundDetail: string; inboundCheckedAt: string | null; refund: IssuedRefund | null; refundMinor: number | null;
  refundOutboxId: number | null; exchangeOrderId: number | null; closeReason: string; createdBy: string; createdAt: string;
  updatedAt: string; receivedAt: string | null; inspectedAt: string | null; finishedAt: string | null;
};

/** The refund as it was issued: the computed breakdown and, when a person changed the amount, why. */
export type IssuedRefund = { breakdown: RefundBreakdown; amountMinor: number; changedByHand: string; lines: Array<{ sku: string; quantity: number; restock: boolean }> };

export type ReturnLineRecord = {
  id: number; returnId: number; orderLineId: number; variantId: number | null; sku: string; title: string; quantity: number;
  unitPriceMinor: number; reasonCode: string; reasonLabel: string; refundsShipping: boolean; chargesFee: boolean;
  exchangeSku: string | null; note: string;
};

export type ReturnScanRecord = {
  id: number; returnId: number; code: string; outcome: string; returnLineId: number | null; variantId: number | null;
  unitScanId: number | null; grade: Grade | null; disposition: Disposition | null; undoesScanId: number | null; message: string; actor: string; createdAt: string;
};

export type NewReturnScan = Omit<ReturnScanRecord, 'id' | 'returnLineId' | 'variantId' | 'unitScanId' | 'grade' | 'disposition' | 'undoesScanId'> &
  Partial<Pick<ReturnScanRecord, 'returnLineId' | 'variantId' | 'unitScanId' | 'grade' | 'disposition' | 'undoesScanId'>>;

const returnColumns = `id, number, order_id AS orderId, status, shipping, unannounced, note, outside_window_reason AS outsideWindowReason,
  tracking_number AS trackingNumber, tracking_carrier AS trackingCarrier, inbound_status AS inboundStatus, inbound_detail AS inboundDetail,
  inbound_checked_at AS inboundCheckedAt, refund, refund_minor AS refundMinor, refund_outbox_id AS refundOutboxId,
  exchange_order_id AS exchangeOrderId, close_reason AS closeReason, created_by AS createdBy, created_at AS createdAt,
  updated_at AS updatedAt, received_at AS receivedAt, inspected_at AS inspectedAt, finished_at AS finishedAt`;

type RawReturn = Omit<ReturnRecord, 'unannounced' | 'refund'> & { unannounced: number; refund: string | null };
const toReturn = (r: RawReturn): ReturnRecord => ({ ...r, unannounced: r.unannounced === 1, refund: r.refund ? (JSON.parse(r.refund) as IssuedRefund) : null });

const lineColumns = `id, return_id AS returnId, order_line_id AS orderLineId, variant_id AS variantId, sku, title, quantity,
  unit_price_minor AS unitPriceMinor, reason_code AS reasonCode, reason_label AS reasonLabel, refunds_shipping AS refundsShipping,
  charges_fee AS chargesFee, exchange_sku AS exchangeSku, note`;
type RawLine = Omit<ReturnLineRecord, 'refundsShipping' | 'chargesFee'> & { refundsShipping: number; chargesFee: number };
const toLine = (r: RawLine): ReturnLineRecord => ({ ...r, refundsShipping: r.refundsShipping === 1, chargesFee: r.chargesFee === 1 });

const scanColumns = `id, return_id AS returnId, code, outcome, return_line_id AS returnLineId, variant_id AS variantId,
  unit_scan_id AS unitScanId, grade, disposition, undoes_scan_id AS undoesScanId, message, actor, created_at AS createdAt`;

const LIST_STATUSES: Record<'expected' | 'bench' | 'done', string> = {
  expected: "('requested', 'label_sent', 'in_transit')",
  bench: "('received', 'inspected')",
  done: "('refunded', 'closed')",
};

/** Returns, their lines and the append-only log of what was scanned and graded. The only place their SQL lives. */
export function createReturnsRepo(db: Db) {
  const c = db.$client;
  const byId = c.prepare<[number], RawReturn>(`SELECT ${returnColumns} FROM returns WHERE id = ?`);
  const byNumber = c.prepare<[string], RawReturn>(`SELECT ${returnColumns} FROM returns WHERE number = ?`);
  const linesOf = c.prepare<[number], RawLine>(`SELECT ${lineColumns} FROM return_lines WHERE return_id = ? ORDER BY id`);
  const scansOf = c.prepare<[number], ReturnScanRecord>(`SELECT ${scanColumns} FROM return_scans WHERE return_id = ? ORDER BY id`);
  const insertScan = c.prepare(`INSERT INTO return_scans (return_id, code, outcome, return_line_id, variant_id, unit_scan_id, grade, disposition,
      undoes_scan_id, message, actor, created_at)
    VALUES (@returnId, @code, @outcome, @returnLineId, @variantId, @unitScanId, @grade, @disposition, @undoesScanId, @message, @actor, @createdAt)`);
  // what a list row shows: units announced (or received, when none were) and received so far, from the log
  const rowColumns = `r.id, r.number, r.order_id AS orderId, o.number AS orderNumber, o.customer_name AS customerName, r.status, r.shipping,
    r.unannounced, r.tracking_number AS trackingNumber, r.inbound_status AS inboundStatus, r.inbound_detail AS inboundDetail, o.currency, r.refund_minor AS refundMinor,
    r.created_at AS createdAt, r.updated_at AS updatedAt,
    (SELECT coalesce(sum(quantity), 0) FROM return_lines WHERE return_id = r.id) AS units,
    (SELECT count(*) FROM return_scans s WHERE s.return_id = r.id AND s.outcome = 'accepted'
      AND NOT EXISTS (SELECT 1 FROM return_scans u WHERE u.undoes_scan_id = s.id)) AS received`;

  function row(raw: Record<string, unknown>): ReturnRow {
    const { inboundStatus, inboundDetail, ...r } = raw as Omit<ReturnRow, 'unannounced' | 'units' | 'inbound'> & { unannounced: number; units: number; inboundStatus: string; inboundDetail: string };
    return { ...r, unannounced: r.unannounced === 1, units: r.unannounced === 1 ? r.received : r.units, inbound: inboundWords({ ...r, inboundStatus, inboundDetail }) };
  }

  return {
    /** the next RMA number; kept in settings so numbers are never reused, even after a reset of the counter's rows */
    nextNumber(): string {
      const r = c.prepare("SELECT value FROM settings WHERE key = 'returns.next'").get() as { value: string } | undefined;
      const next = r ? Number(JSON.parse(r.value)) : 1001;
      c.prepare(`INSERT INTO settings (key, value) VALUES ('returns.next', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(next + 1));
      return `RMA-${next}`;
    },
    insert(r: { number: string; orderId: number; status: ReturnStatus; shipping: 'label' | 'customer'; unannounced: boolean; note: string;
      outsideWindowReason: string; trackingNumber: string; trackingCarrier: string; createdBy: string; at: string }): number {
      return Number(c.prepare(`INSERT INTO returns (number, order_id, status, shipping, unannounced, note, outside_window_reason, tracking_number,
          tracking_carrier, created_by, created_at, updated_at, received_at)
        VALUES (@number, @orderId, @status, @shipping, @unannounced, @note, @outsideWindowReason, @trackingNumber, @trackingCarrier, @createdBy,
          @at, @at, CASE WHEN @status = 'received' THEN @at END)`).run({ ...r, unannounced: r.unannounced ? 1 : 0 }).lastInsertRowid);
    },
    insertLine(l: Omit<ReturnLineRecord, 'id'>): number {
      return Number(c.prepare(`INSERT INTO return_lines (return_id, order_line_id, variant_id, sku, title, quantity, unit_price_minor, reason_code,
          reason_label, refunds_shipping, charges_fee, exchange_sku, note)
        VALUES (@returnId, @orderLineId, @variantId, @sku, @title, @quantity, @unitPriceMinor, @reasonCode, @reasonLabel, @refundsShipping,
          @chargesFee, @exchangeSku, @note)`).run({ ...l, refundsShipping: l.refundsShipping ? 1 : 0, chargesFee: l.chargesFee ? 1 : 0 }).lastInsertRowid);
    },
    get(id: number): ReturnRecord | undefined {
      const r = byId.get(id);
      return r ? toReturn(r) : undefined;
    },
    byNumber(number: string): ReturnRecord | undefined {
      const r = byNumber.get(number);
      return r ? toReturn(r) : undefined;
    },
    /** returns whose tracking is this number (a bought return label's tracking is copied onto its return), newest first */
    byTracking(tracking: string): ReturnRecord[] {
      return (c.prepare(`SELECT ${returnColumns} FROM returns WHERE tracking_number = ? ORDER BY id DESC`).all(tracking) as RawReturn[]).map(toReturn);
    },
    forOrder(orderId: number): ReturnRecord[] {
      return (c.prepare(`SELECT ${returnColumns} FROM returns WHERE order_id = ? ORDER BY id`).all(orderId) as RawReturn[]).map(toReturn);
    },
    lines(returnId: number): ReturnLineRecord[] {
      return linesOf.all(returnId).map(toLine);
    },
    /** every line of every return of the order, with its return's status and whether it was received */
    orderLinesOnReturns(orderId: number) {
      return c.prepare(`SELECT l.id, l.return_id AS returnId, l.order_line_id AS orderLineId, l.quantity, r.status, r.received_at AS receivedAt, r.unannounced
        FROM return_lines l JOIN returns r ON r.id = l.return_id WHERE r.order_id = ?`).all(orderId) as Array<{
        id: number; returnId: number; orderLineId: number; quantity: number; status: ReturnStatus; receivedAt: string | null; unannounced: number }>;
    },
    scans(returnId: number): ReturnScanRecord[] {
      return scansOf.all(returnId);
    },
    addScan(s: NewReturnScan): number {
      return Number(insertScan.run({ returnLineId: null, variantId: null, unitScanId: null, grade: null, disposition: null, undoesScanId: null, ...s }).lastInsertRowid);
    },
    /** Only the named fields change; updated_at always. */
    update(id: number, patch: Partial<{
      status: ReturnStatus; trackingNumber: string; trackingCarrier: string; inboundStatus: string; inboundDetail: string; inboundCheckedAt: string;
      refund: IssuedRefund; refundMinor: number; refundOutboxId: number | null; exchangeOrderId: number; closeReason: string; receivedAt: string;
      inspectedAt: string; finishedAt: string;
    }>, at: string) {
      const columns: Record<string, string> = {
        status: 'status', trackingNumber: 'tracking_number', trackingCarrier: 'tracking_carrier', inboundStatus: 'inbound_status',
        inboundDetail: 'inbound_detail', inboundCheckedAt: 'inbound_checked_at', refund: 'refund', refundMinor: 'refund_minor',
        refundOutboxId: 'refund_outbox_id', exchangeOrderId: 'exchange_order_id', closeReason: 'close_reason', receivedAt: 'received_at',
        inspectedAt: 'inspected_at', finishedAt: 'finished_at',
      };
      const sets = ['updated_at = @at'];
      const params: Record<string, unknown> = { id, at };
      for (const [key, value] of Object.entries(patch)) {
        const col = columns[key];
        if (!col || value === undefined) continue;
        sets.push(`${col} = @${key}`);
        params[key] = key === 'refund' ? JSON.stringify(value) : value;
      }
      c.prepare(`UPDATE returns SET ${sets.join(', ')} WHERE id = @id`).run(params);
    },
    list(input: { view: 'expected' | 'bench' | 'done' | 'all'; q: string; limit: number }): ReturnRow[] {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: input.limit };
      if (input.view !== 'all') where.push(`r.status IN ${LIST_STATUSES[input.view]}`);
      const q = input.q.trim();
      if (q) {
        where.push(`(r.number LIKE @like ESCAPE '\\' OR o.number LIKE @like ESCAPE '\\' OR o.customer_name LIKE @like ESCAPE '\\' OR r.tracking_number = @q)`);
        params.like = `%${q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
        params.q = q;
      }
      return (c.prepare(`SELECT ${rowColumns} FROM returns r JOIN orders o ON o.id = r.order_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.id DESC LIMIT @limit`).all(params) as Array<Record<string, unknown>>).map(row);
    },
    row(id: number): ReturnRow | undefined {
      const r = c.prepare(`SELECT ${rowColumns} FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined;
      return r ? row(r) : undefined;
    },
    /** returns whose parcel is still to come and has a tracking number to look up */
    toTrack(): ReturnRecord[] {
      return (c.prepare(`SELECT ${returnColumns} FROM returns WHERE status IN ('requested', 'label_sent', 'in_transit') AND tracking_number <> '' ORDER BY id`)
        .all() as RawReturn[]).map(toReturn);
    },
    /** the live return label of a return, if one was asked for */
    labelShipmentId(returnId: number): number | undefined {
      return (c.prepare("SELECT id FROM shipments WHERE return_id = ? AND status <> 'voided' ORDER BY id DESC LIMIT 1").get(returnId) as { id: number } | undefined)?.id;
    },
    /** refunds already given on the order by other returns, and whether one of them refunded the shipping */
    refundedOnOrder(orderId: number, exceptReturnId: number): { refundedMinor: number; shippingRefunded: boolean } {
      const rows = c.prepare("SELECT refund FROM returns WHERE order_id = ? AND id <> ? AND refund IS NOT NULL").all(orderId, exceptReturnId) as Array<{ refund: string }>;
      let refundedMinor = 0;
      let shippingRefunded = false;
      for (const r of rows) {
        const issued = JSON.parse(r.refund) as IssuedRefund;
        refundedMinor += issued.amountMinor;
        if (issued.breakdown.shippingMinor > 0) shippingRefunded = true;
      }
      return { refundedMinor, shippingRefunded };
    },
  };
}
export type ReturnsRepo = ReturnType<typeof createReturnsRepo>;
