import { AppError } from '../../../shared/contract/errors';
import type { ReturnUnit, ReturnView } from '../../../shared/contract/returns';
import { inboundWords, nextReturnStatuses, type Disposition } from '../../../shared/domain/return-state';
import type { Repos } from '../store';
import type { OrderRecord } from '../store/orders-repo';
import type { ReturnLineRecord, ReturnRecord } from '../store/returns-repo';
import { refundFor } from './return-refund';
import { quarantineName, readReturnRules } from './return-rules';
import { replayScans, type UnitState } from './return-units';

export function returnOrThrow(repos: Repos, returnId: number): ReturnRecord {
  const r = repos.returns.get(returnId);
  if (!r) throw new AppError('not_found', `Return ${returnId} does not exist.`, 'Scan the return slip or the return label again, or find the return in the queue.');
  return r;
}

/** Where a unit given this disposition goes, in the packer's words. */
export function destinationWords(repos: Repos, order: OrderRecord, line: ReturnLineRecord | undefined, disposition: Disposition | null): string {
  switch (disposition) {
    case null: return 'waiting for its grade';
    case 'restock': {
      const bin = line?.variantId ? repos.inventory.stockRow(line.variantId, order.locationId)?.bin : null;
      return bin ? `bin ${bin}` : `${order.locationName} (no bin set)`;
    }
    case 'quarantine': return quarantineName(repos);
    case 'scrap': return 'written off (scrap)';
    case 'vendor': return 'set aside for the supplier';
    case 'flag': return 'set aside: not the item we sold';
  }
}

function unitView(repos: Repos, order: OrderRecord, lines: ReturnLineRecord[], u: UnitState): ReturnUnit {
  const line = lines.find((l) => l.id === u.lineId);
  return {
    scanId: u.scanId, lineId: u.lineId, sku: line?.sku ?? '', title: line?.title ?? '', code: u.code, grade: u.grade,
    disposition: u.disposition, destination: destinationWords(repos, order, line, u.disposition), at: u.at,
  };
}

export function refundPushState(repos: Repos, r: ReturnRecord, channelName: string): NonNullable<ReturnView['refund']>['push'] {
  if (r.refundOutboxId === null) return { status: 'by_hand', words: `${channelName} takes no refunds from Packbench: pay it back by hand.`, attempts: 0 };
  const row = repos.outboxDrain.row(r.refundOutboxId);
  if (!row) return { status: 'pending', words: `Waiting to be sent to ${channelName}.`, attempts: 0 };
  // the engine's own sentence for what happened ("Shop: order #1001 refunded.") is the best one to show
  if (row.state === 'done') return { status: 'sent', words: row.words || `${channelName} has the refund.`, attempts: row.attempts };
  // skipped on purpose (the order did not come from that shop): nothing reached it, the money goes back by hand
  if (row.state === 'skipped') return { status: 'by_hand', words: `${row.words || `${channelName} was not sent this refund.`} Pay it back by hand.`, attempts: row.attempts };
  if (row.status === 'failed') return { status: 'failed', words: row.lastError || row.words || `${channelName} refused the refund.`, attempts: row.attempts };
  return {
    status: 'pending', attempts: row.attempts,
    words: row.lastError ? `Waiting to be sent to ${channelName}: ${row.lastError}` : `Waiting to be sent to ${channelName}; it goes out once, as soon as the shop answers.`,
  };
}

export function returnView(repos: Repos, returnId: number): ReturnView {
  const r = returnOrThrow(repos, returnId);
  const order = repos.orders.record(r.orderId)!;
  const lines = repos.returns.lines(r.id);
  const scans = repos.returns.scans(r.id);
  const state = replayScans(scans);
  const rules = readReturnRules(repos);
  const labelId = repos.returns.labelShipmentId(r.id);
  const label = labelId ? repos.shipping.shipment(labelId) : undefined;
  const received = r.receivedAt !== null;
  const preview = refundFor(repos, { order, returnId: r.id, lines, units: received ? state.units : null, rules, labelShipmentId: labelId });
  const variants = new Map(lines.map((l) => [l.id, l]));
  const skuOf = (variantId: number | null) => (variantId ? repos.catalog.variantById(variantId)?.sku ?? null : null);
  const exchange = r.exchangeOrderId ? repos.orders.record(r.exchangeOrderId) : undefined;
  return {
    id: r.id, number: r.number, orderId: order.id, orderNumber: order.number, channelName: order.channelName, customerName: order.customerName,
    countryCode: order.countryCode, currency: order.currency, status: r.status, nextStatuses: [...nextReturnStatuses(r.status)],
    shipping: r.shipping, unannounced: r.unannounced, note: r.note, outsideWindowReason: r.outsideWindowReason,
    tracking: { number: r.trackingNumber, carrier: r.trackingCarrier, status: r.inboundStatus, words: inboundWords(r), checkedAt: r.inboundCheckedAt },
    label: label ? {
      shipmentId: label.id, status: label.status, words: label.words, carrierName: label.carrierName, service: label.service,
      trackingNumber: label.trackingNumber, priceMinor: label.priceMinor, currency: label.currency, printJobId: label.printJobId,
    } : null,
    lines: lines.map((l) => {
      const mine = state.units.filter((u) => u.lineId === l.id);
      return {
        lineId: l.id, orderLineId: l.orderLineId, sku: l.sku, title: l.title,
        bin: l.variantId ? repos.inventory.stockRow(l.variantId, order.locationId)?.bin ?? null : null,
        expected: l.quantity, received: mine.length, graded: mine.filter((u) => u.grade !== null).length,
        reasonCode: l.reasonCode, reasonLabel: l.reasonLabel, exchangeSku: l.exchangeSku, unitPriceMinor: l.unitPriceMinor, note: l.note,
      };
    }),
    units: state.units.map((u) => unitView(repos, order, lines, u)),
    awaitingGrade: state.awaiting ? unitView(repos, order, lines, state.awaiting) : null,
    scans: scans.slice(-30).reverse().map((s) => ({
      id: s.id, code: s.code, outcome: s.outcome as ReturnView['scans'][number]['outcome'], message: s.message,
      sku: s.returnLineId ? variants.get(s.returnLineId)?.sku ?? null : skuOf(s.variantId), undone: state.undone.has(s.id), createdAt: s.createdAt,
    })),
    preview,
    refund: r.refund ? {
      amountMinor: r.refund.amountMinor, breakdown: r.refund.breakdown, changedByHand: r.refund.changedByHand, at: r.finishedAt ?? r.updatedAt,
      push: refundPushState(repos, r, order.channelName),
    } : null,
    exchangeOrder: exchange ? { id: exchange.id, number: exchange.number } : null,
    quarantineName: quarantineName(repos),
    closeReason: r.closeReason,
    createdAt: r.createdAt, receivedAt: r.receivedAt, inspectedAt: r.inspectedAt, finishedAt: r.finishedAt,
  };
}
