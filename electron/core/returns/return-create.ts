import { AppError } from '../../../shared/contract/errors';
import type { OrderReturns, ReturnRules } from '../../../shared/contract/returns';
import { EXPECTED_STATUSES } from '../../../shared/domain/return-state';
import { formatMoney } from '../../../shared/domain/money';
import type { RefundBreakdown } from '../../../shared/domain/refund';
import { isoNow } from '../clock';
import type { Repos } from '../store';
import type { OrderRecord } from '../store/orders-repo';
import type { ReturnsDeps } from './return-deps';
import { refundFor } from './return-refund';
import { readReturnRules } from './return-rules';
import { replayScans } from './return-units';

const DAY_MS = 86_400_000;

export type NewReturnLine = { orderLineId: number; quantity: number; reasonCode: string; note: string; exchangeSku: string | null };

/** When the order left: its shipped status, else its last packed parcel, else when it arrived. */
export function shippedAt(repos: Repos, orderId: number): string | null {
  const events = repos.orders.events(orderId);
  const shipped = events.find((e) => e.kind === 'status' && e.details.to === 'shipped');
  if (shipped) return shipped.createdAt;
  const packed = [...events].reverse().find((e) => e.kind === 'packed' || e.kind === 'parcel_split');
  return packed?.createdAt ?? null;
}

/** Units that left with the order, per order line: what its closed parcels counted (all of it when none were recorded). */
export function shippedUnits(repos: Repos, order: OrderRecord): Map<number, number> {
  const counted = repos.pack.countedEarlier(order.id);
  const lines = repos.orders.lines(order.id);
  if (counted.size === 0) return new Map(lines.map((l) => [l.id, l.quantity]));
  return new Map(lines.map((l) => [l.id, counted.get(l.id) ?? 0]));
}

/**
 * Units per order line already on returns: announced ones until they are inspected, then what actually came
 * back. A return closed before its parcel arrived holds nothing.
 */
export function unitsOnReturns(repos: Repos, orderId: number, exceptReturnId: number | null): Map<number, number> {
  const out = new Map<number, number>();
  const received = new Map<number, ReturnType<typeof replayScans>>();
  for (const l of repos.returns.orderLinesOnReturns(orderId)) {
    if (l.returnId === exceptReturnId) continue;
    let n = 0;
    // still to come, or at the bench and not finished: what was announced is spoken for
    if (EXPECTED_STATUSES.includes(l.status) || (l.status === 'received' && !l.unannounced)) n = l.quantity;
    else if (l.receivedAt !== null) {
      let state = received.get(l.returnId);
      if (!state) { state = replayScans(repos.returns.scans(l.returnId)); received.set(l.returnId, state); }
      n = state.units.filter((u) => u.lineId === l.id).length;
    }
    out.set(l.orderLineId, (out.get(l.orderLineId) ?? 0) + n);
  }
  return out;
}

export function canBeReturned(order: OrderRecord): string | null {
  if (order.status === 'packed' || order.status === 'shipped') return null;
  return `Order ${order.number} is ${order.status.replace('_', ' ')}: only an order that was packed and sent can come back.`;
}

function window(repos: Repos, order: OrderRecord, rules: ReturnRules, now: Date) {
  const at = shippedAt(repos, order.id);
  const endsAt = at && rules.windowDays > 0 ? new Date(Date.parse(at) + rules.windowDays * DAY_MS).toISOString() : null;
  return { shippedAt: at, days: rules.windowDays, endsAt, outside: endsAt !== null && now.getTime() > Date.parse(endsAt) };
}

export function labelsAvailable(deps: ReturnsDeps): boolean {
  return deps.shipping.rules().buyLabels && deps.repos.shipping.carriers().some((c) => c.enabled);
}

export function createReturnCreation(deps: ReturnsDeps) {
  const { repos, clock } = deps;

  function orderOrThrow(orderId: number): OrderRecord {
    const order = repos.orders.record(orderId);
    if (!order) throw new AppError('not_found', `Order ${orderId} does not exist.`, 'Search the queue for it by number or customer.');
    return order;
  }

  function forOrder(orderId: number): OrderReturns {
    const order = orderOrThrow(orderId);
    const rules = readReturnRules(repos);
    const shipped = shippedUnits(repos, order);
    const on = unitsOnReturns(repos, orderId, null);
    const refusal = canBeReturned(order);
    const w = window(repos, order, rules, clock.now());
    const lines = repos.orders.lines(orderId).map((l) => {
      const s = shipped.get(l.id) ?? 0;
      const o = on.get(l.id) ?? 0;
      return { orderLineId: l.id, sku: l.sku, title: l.title, unitPriceMinor: l.unitPriceMinor, shipped: s, onReturns: o, returnable: refusal ? 0 : Math.max(0, s - o) };
    });
    const left = lines.reduce((n, l) => n + l.returnable, 0);
    const words = refusal ?? (left === 0 ? `Everything sent with order ${order.number} is already on a return.`
      : w.outside ? `Order ${order.number} left on ${w.shippedAt!.slice(0, 10)}, outside the ${w.days}-day return window: say why it is accepted anyway.`
        : w.endsAt ? `Returns are accepted until ${w.endsAt.slice(0, 10)} (${w.days} days after it was sent).` : 'Returns are accepted without a time limit.');
    return {
      orderId, orderNumber: order.number, currency: order.currency, canReturn: refusal === null && left > 0, words, window: w, lines,
      returns: repos.returns.forOrder(orderId).map((r) => repos.returns.row(r.id)!), reasons: rules.reasons, labelsAvailable: labelsAvailable(deps),
    };
  }

  /** Checks the lines against the order, the reasons and what is still returnable; field messages for the form. */
  function checkLines(order: OrderRecord, lines: NewReturnLine[], rules: ReturnRules) {
    const orderLines = repos.orders.lines(order.id);
    const shipped = shippedUnits(repos, order);
    const on = unitsOnReturns(repos, order.id, null);
    const fields: Record<string, string> = {};
    const seen = new Set<number>();
    const checked = lines.map((l, i) => {
      const ol = orderLines.find((x) => x.id === l.orderLineId);
      const reason = rules.reasons.find((r) => r.code === l.reasonCode);
      if (!ol) { fields[`lines.${i}.orderLineId`] = `That item is not in order ${order.number}.`; return null; }
      if (seen.has(ol.id)) fields[`lines.${i}.orderLineId`] = `${ol.sku} is listed twice: give it one line with the total.`;
      seen.add(ol.id);
      const returnable = Math.max(0, (shipped.get(ol.id) ?? 0) - (on.get(ol.id) ?? 0));
      if (l.quantity > returnable) {
        fields[`lines.${i}.quantity`] = returnable === 0 ? `${ol.sku}: every unit sent is already on a return.` : `${ol.sku}: only ${returnable} can still be returned.`;
      }
      if (!reason) fields[`lines.${i}.reasonCode`] = `Choose a reason from the list (Settings → Returns keeps it).`;
      if (l.exchangeSku && !repos.catalog.variantBySku(l.exchangeSku)) fields[`lines.${i}.exchangeSku`] = `SKU ${l.exchangeSku} is not in the catalog.`;
      return { ol, reason, line: l };
    });
    return { fields, checked };
  }

  function preview(orderId: number, lines: NewReturnLine[]): RefundBreakdown {
    const order = orderOrThrow(orderId);
    const rules = readReturnRules(repos);
    const orderLines = repos.orders.lines(orderId);
    const fallback = rules.reasons[0]!;
    return refundFor(repos, {
      order, returnId: null, rules, units: null,
      lines: lines.flatMap((l, i) => {
        const ol = orderLines.find((x) => x.id === l.orderLineId);
        const reason = rules.reasons.find((r) => r.code === l.reasonCode) ?? fallback;
        return ol ? [{ id: -1 - i, sku: ol.sku, quantity: l.quantity, unitPriceMinor: ol.unitPriceMinor, refundsShipping: reason.refundsShipping, chargesFee: reason.chargesFee, exchangeSku: l.exchangeSku }] : [];
      }),
    });
  }

  function create(input: {
    orderId: number; shipping: 'label' | 'customer'; lines: NewReturnLine[]; note: string; outsideWindowReason: string; trackingNumber: string; trackingCarrier: string;
  }): number {
    const order = orderOrThrow(input.orderId);
    const rules = readReturnRules(repos);
    const refusal = canBeReturned(order);
    if (refusal) throw new AppError('conflict', refusal, 'Cancel the order instead if it never left.');
    const { fields, checked } = checkLines(order, input.lines, rules);
    const w = window(repos, order, rules, clock.now());
    if (w.outside && input.outsideWindowReason.trim().length < 3) {
      fields.outsideWindowReason = `Order ${order.number} is past the ${w.days}-day return window: say why it is accepted.`;
    }
    if (input.shipping === 'label' && !labelsAvailable(deps)) {
      fields.shipping = 'No carrier can sell a return label yet: turn on buying labels in Settings → Carriers, or let the customer send it.';
    }
    const count = Object.keys(fields).length;
    if (count) {
      throw new AppError('invalid_request', count === 1 ? Object.values(fields)[0]! : `${Object.values(fields)[0]} (and ${count - 1} more, marked on the form)`,
        'Nothing was saved. Correct the marked fields and save again.', fields);
    }
    return repos.transaction(() => {
      const at = isoNow(clock);
      const who = deps.actor();
      const number = repos.returns.nextNumber();
      const tracking = input.shipping === 'customer' ? input.trackingNumber.replace(/\s+/g, '').toUpperCase() : '';
      const id = repos.returns.insert({
        number, orderId: order.id, status: tracking ? 'in_transit' : 'requested', shipping: input.shipping, unannounced: false, note: input.note,
        outsideWindowReason: w.outside ? input.outsideWindowReason.trim() : '', trackingNumber: tracking, trackingCarrier: tracking ? input.trackingCarrier : '', createdBy: who, at,
      });
      for (const c of checked) {
        if (!c || !c.reason) continue;
        repos.returns.insertLine({
          returnId: id, orderLineId: c.ol.id, variantId: c.ol.variantId, sku: c.ol.sku, title: c.ol.title, quantity: c.line.quantity,
          unitPriceMinor: c.ol.unitPriceMinor, reasonCode: c.reason.code, reasonLabel: c.reason.label, refundsShipping: c.reason.refundsShipping,
          chargesFee: c.reason.chargesFee, exchangeSku: c.line.exchangeSku || null, note: c.line.note,
        });
      }
      const what = checked.filter((c) => c?.reason).map((c) => `${c!.line.quantity} × ${c!.ol.sku} (${c!.reason!.label}${c!.line.exchangeSku ? `, exchange for ${c!.line.exchangeSku}` : ''})`).join(', ');
      const how = input.shipping === 'label' ? 'A return label is being bought.' : tracking ? `The customer sends it, tracking ${tracking}.` : 'The customer sends it back their own way.';
      const late = w.outside ? ` Accepted after the return window: ${input.outsideWindowReason.trim()}.` : '';
      const lines = repos.returns.lines(id);
      const due = refundFor(repos, { order, returnId: id, lines, units: null, rules }).totalMinor;
      repos.orders.addEvent(order.id, 'return_requested', who, `Return ${number} requested: ${what}. ${how}${late} Refund if all comes back as announced: ${formatMoney(due, order.currency)}.`, { returnId: id, number }, at);
      if (input.shipping === 'label') deps.shipping.requestReturnLabel({ order, returnId: id, returnNumber: number, lines, at });
      return id;
    });
  }

  return { forOrder, preview, create, orderOrThrow };
}
