import { AppError } from '../../../shared/contract/errors';
import type { ReturnView } from '../../../shared/contract/returns';
import { formatMoney } from '../../../shared/domain/money';
import { GRADE_WORDS, canReturnTransition, returnTransitionRefusal, type Disposition } from '../../../shared/domain/return-state';
import { isoNow } from '../clock';
import type { MovementInput } from '../store/inventory-repo';
import type { ReturnLineRecord, ReturnRecord } from '../store/returns-repo';
import { LOCAL_CHANNEL_KINDS, localOrderChannel, type ReturnsDeps } from './return-deps';
import { refundFor } from './return-refund';
import { quarantineLocation, readReturnRules } from './return-rules';
import { replayScans, type UnitState } from './return-units';
import { destinationWords, returnOrThrow, returnView } from './return-view';

type Group = { line: ReturnLineRecord; disposition: Disposition; units: UnitState[] };

export function createReturnFinish(deps: ReturnsDeps) {
  const { repos, clock } = deps;

  function transitionOrThrow(r: ReturnRecord, to: ReturnRecord['status']) {
    if (!canReturnTransition(r.status, to)) throw new AppError('invalid_transition', returnTransitionRefusal(r.number, r.status, to));
  }

  /** Units grouped per line and disposition: one set of movements per group. */
  function groups(lines: ReturnLineRecord[], units: UnitState[]): Group[] {
    const out = new Map<string, Group>();
    for (const u of units) {
      const line = lines.find((l) => l.id === u.lineId);
      if (!line || !u.disposition) continue;
      const key = `${line.id}:${u.disposition}`;
      const g = out.get(key) ?? { line, disposition: u.disposition, units: [] };
      g.units.push(u);
      out.set(key, g);
    }
    return [...out.values()];
  }

  /**
   * Everything graded goes where its grade says, as ledger movements carrying the return as their reference,
   * in one transaction with the refund computed, any exchange order, the status and the timeline.
   */
  function finish(returnId: number): { view: ReturnView; variantIds: number[]; exchangeOrderId: number | null } {
    const done = repos.transaction(() => {
      const r = returnOrThrow(repos, returnId);
      transitionOrThrow(r, 'inspected');
      const state = replayScans(repos.returns.scans(returnId));
      if (state.awaiting) {
        const line = repos.returns.lines(returnId).find((l) => l.id === state.awaiting!.lineId);
        throw new AppError('conflict', `The ${line?.sku ?? 'last item'} has no grade yet; nothing was put away.`, 'Give it its grade (1–5), then finish.');
      }
      const at = isoNow(clock);
      const who = deps.actor();
      const order = repos.orders.record(r.orderId)!;
      const lines = repos.returns.lines(returnId);
      const reference = `return:${r.id}`;
      const variantIds = new Set<number>();
      const put: string[] = [];
      const unbooked: string[] = [];
      for (const g of groups(lines, state.units)) {
        const qty = g.units.length;
        const grade = GRADE_WORDS[g.units[0]!.grade!].toLowerCase();
        const where = destinationWords(repos, order, g.line, g.disposition);
        put.push(`${qty} × ${g.line.sku} ${grade} → ${where}`);
        if (g.disposition === 'flag') continue;
        if (g.line.variantId === null) { unbooked.push(g.line.sku); continue; }
        const move = (m: Omit<MovementInput, 'variantId' | 'actor' | 'reference' | 'at' | 'quantity'>) =>
          repos.inventory.record({ variantId: g.line.variantId!, quantity: qty, actor: who, reference, at, ...m });
        const why = `returned ${grade} (${r.number})`;
        switch (g.disposition) {
          case 'restock':
            move({ locationId: order.locationId, kind: 'return', reason: `${why}, back on the shelf` });
            variantIds.add(g.line.variantId);
            break;
          case 'quarantine':
            move({ locationId: quarantineLocation(repos, order.locationId).id, kind: 'return', reason: `${why}, set aside in quarantine` });
            break;
          case 'scrap':
            // it came back and was thrown away: both show in the ledger, and the shelf count ends where it was
            move({ locationId: order.locationId, kind: 'return', reason: why });
            move({ locationId: order.locationId, kind: 'scrap', reason: `${why}, written off` });
            break;
          case 'vendor':
            move({ locationId: order.locationId, kind: 'return', reason: why });
            move({ locationId: order.locationId, kind: 'vendor_return', reason: `${why}, set aside for the supplier` });
            break;
        }
      }
      // the shelf count went up: every channel hears the new available count
      for (const variantId of variantIds) {
        const b = repos.inventory.balance(variantId, order.locationId);
        const sku = repos.catalog.variantById(variantId)!.sku;
        repos.outbox.enqueueForAllChannels('inventory.available', { sku, locationId: order.locationId, available: b.onHand - b.committed }, at);
      }
      const missing = r.unannounced ? [] : lines.flatMap((l) => {
        const n = l.quantity - state.units.filter((u) => u.lineId === l.id).length;
        return n > 0 ? [`${n} × ${l.sku}`] : [];
      });
      const exchangeOrderId = exchange(r, order, lines, state.units, who, at);
      const rules = readReturnRules(repos);
      const refund = refundFor(repos, { order, returnId, lines, units: state.units, rules, labelShipmentId: repos.returns.labelShipmentId(r.id) });
      repos.returns.update(r.id, { status: 'inspected', inspectedAt: at }, at);
      const parts = [
        put.length ? `Return ${r.number} inspected: ${put.join('; ')}.` : `Return ${r.number} inspected: nothing came back in the parcel.`,
        missing.length ? `Not in the parcel: ${missing.join(', ')} (not refunded).` : '',
        unbooked.length ? `${unbooked.join(', ')} ${unbooked.length === 1 ? 'is' : 'are'} not in the catalog, so no stock was booked for ${unbooked.length === 1 ? 'it' : 'them'}.` : '',
        `Refund due: ${formatMoney(refund.totalMinor, order.currency)}.`,
      ].filter(Boolean);
      repos.orders.addEvent(order.id, 'return_inspected', who, parts.join(' '), { returnId: r.id, refundMinor: refund.totalMinor }, at);
      return { variantIds: [...variantIds], exchangeOrderId };
    });
    return { view: returnView(repos, returnId), ...done };
  }

  /** Exchanged units that came back (and are ours) are sent again as a new order, reserved at once. */
  function exchange(r: ReturnRecord, order: NonNullable<ReturnType<typeof repos.orders.record>>, lines: ReturnLineRecord[], units: UnitState[], who: string, at: string): number | null {
    const wanted = lines.flatMap((l) => {
      const came = units.filter((u) => u.lineId === l.id && u.grade !== 'not_ours').length;
      const v = l.exchangeSku ? repos.catalog.variantBySku(l.exchangeSku) : undefined;
      return l.exchangeSku && came > 0 ? [{ sku: l.exchangeSku, title: v?.title ?? l.exchangeSku, quantity: came, unitPriceMinor: 0 }] : [];
    });
    if (!wanted.length) return null;
    const number = `${r.number}-EX`;
    const { imported } = deps.orders.importOrders([{
      channelId: localOrderChannel(repos), externalId: `exchange:${r.id}`, number, locationId: order.locationId, customerName: order.customerName,
      shipTo: order.shipTo, currency: order.currency, subtotalMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 0, createdAt: at, lines: wanted,
    }], `the exchange on return ${r.number} of order ${order.number}`);
    const id = imported[0];
    if (id === undefined) throw new AppError('conflict', `The exchange order ${number} already exists.`, 'Open it from the queue.');
    repos.returns.update(r.id, { exchangeOrderId: id }, at);
    const what = wanted.map((w) => `${w.quantity} × ${w.sku}`).join(', ');
    repos.orders.addEvent(order.id, 'return_exchange', who, `Exchange for return ${r.number}: order ${number} (${what}) is in the queue, its stock reserved.`, { returnId: r.id, exchangeOrderId: id }, at);
    repos.orders.addEvent(id, 'note', who, `Sent in exchange for what came back on return ${r.number} of order ${order.number}; nothing to charge.`, { returnId: r.id }, at);
    return id;
  }

  /** Money back: one outbox row in the transaction that marks the return refunded, so it reaches the channel exactly once. */
  function refund(input: { returnId: number; amountMinor?: number | undefined; reason: string }): ReturnView {
    repos.transaction(() => {
      const r = returnOrThrow(repos, input.returnId);
      transitionOrThrow(r, 'refunded');
      const order = repos.orders.record(r.orderId)!;
      const lines = repos.returns.lines(r.id);
      const state = replayScans(repos.returns.scans(r.id));
      const rules = readReturnRules(repos);
      const breakdown = refundFor(repos, { order, returnId: r.id, lines, units: state.units, rules, labelShipmentId: repos.returns.labelShipmentId(r.id) });
      const amount = input.amountMinor ?? breakdown.totalMinor;
      const changed = amount !== breakdown.totalMinor;
      const money = (m: number) => formatMoney(m, order.currency);
      if (changed && input.reason.trim().length < 3) {
        throw new AppError('invalid_request', `Say why ${money(amount)} is refunded instead of ${money(breakdown.totalMinor)}.`, 'Nothing was refunded.', { reason: 'Say why the amount was changed' });
      }
      if (amount > breakdown.refundableMinor) {
        throw new AppError('invalid_request', `Only ${money(breakdown.refundableMinor)} is left to refund on order ${order.number}; ${money(amount)} is too much.`, 'Nothing was refunded.', { amountMinor: `At most ${money(breakdown.refundableMinor)}` });
      }
      if (amount === 0) throw new AppError('conflict', `There is nothing to refund on return ${r.number}.`, 'Close the return instead (with a reason).');
      const at = isoNow(clock);
      const who = deps.actor();
      const channel = repos.catalog.channels().find((c) => c.id === order.channelId)!;
      const refundLines = lines.flatMap((l) => {
        const mine = state.units.filter((u) => u.lineId === l.id && u.grade !== 'not_ours');
        if (!mine.length || l.exchangeSku) return [];
        return [{ sku: l.sku, quantity: mine.length, restock: rules.channelRestock && mine.every((u) => u.disposition === 'restock'), reason: l.reasonCode, reasonLabel: l.reasonLabel }];
      });
      const byHand = LOCAL_CHANNEL_KINDS.includes(channel.kind);
      const reasonText = [...new Set(lines.map((l) => l.reasonLabel))].join('; ');
      const outboxId = byHand ? null : repos.outbox.enqueue('order.refund', order.channelId, {
        orderId: order.id, externalId: order.externalId, returnId: r.id, rma: r.number, amountMinor: amount, currency: order.currency,
        shippingMinor: breakdown.shippingMinor, feeMinor: breakdown.feeMinor, reason: `Return ${r.number}: ${reasonText || 'returned'}`,
        notifyCustomer: rules.notifyCustomer, lines: refundLines,
      }, at);
      repos.returns.update(r.id, {
        status: 'refunded', finishedAt: at, refundMinor: amount, refundOutboxId: outboxId,
        refund: { breakdown, amountMinor: amount, changedByHand: changed ? input.reason.trim() : '', lines: refundLines.map(({ sku, quantity, restock }) => ({ sku, quantity, restock })) },
      }, at);
      const how = byHand ? `Pay it back by hand: ${channel.name} takes no refunds from Packbench.` : `It goes to ${channel.name} once, as soon as the shop answers.`;
      const why = changed ? ` (changed from ${money(breakdown.totalMinor)}: ${input.reason.trim()})` : '';
      repos.orders.addEvent(order.id, 'return_refunded', who, `Return ${r.number}: ${money(amount)} refunded${why}. ${how}`, { returnId: r.id, amountMinor: amount, outboxId }, at);
    });
    return returnView(repos, input.returnId);
  }

  /** No refund: a return that never came back, or one whose inspection gives nothing back. A live return label is voided. */
  function close(returnId: number, reason: string): ReturnView {
    let voidShipment: number | null = null;
    repos.transaction(() => {
      const r = returnOrThrow(repos, returnId);
      transitionOrThrow(r, 'closed');
      const at = isoNow(clock);
      const labelId = repos.returns.labelShipmentId(r.id);
      const label = labelId ? repos.shipping.shipment(labelId) : undefined;
      let labelWords = '';
      if (label && r.status !== 'inspected') {
        if (label.status === 'buying' || label.status === 'voiding') {
          throw new AppError('conflict', `The return label of ${r.number} is being ${label.status === 'buying' ? 'bought' : 'voided'} right now; nothing was closed.`, 'Try again in a minute.');
        }
        if (label.status === 'pending' || label.status === 'held') {
          repos.shipping.updateShipment(label.id, { status: 'voided', voidedAt: at, words: 'Not bought: the return was closed.', nextAttemptAt: null }, at);
          labelWords = ' Its return label was not bought.';
        } else if (label.status === 'bought') {
          voidShipment = label.id;
          labelWords = ' Its return label is being voided.';
        }
      }
      repos.returns.update(r.id, { status: 'closed', closeReason: reason, finishedAt: at }, at);
      repos.orders.addEvent(r.orderId, 'return_closed', deps.actor(), `Return ${r.number} closed without a refund: ${reason}.${labelWords}`, { returnId: r.id }, at);
    });
    if (voidShipment !== null) {
      try {
        deps.shipping.voidLabel(voidShipment);
      } catch (e) {
        // past the void window, say: the return stays closed; the Shipments screen says what to do
        console.warn('[returns] the return label could not be voided', e instanceof Error ? e.message : e);
      }
    }
    return returnView(repos, returnId);
  }

  return { finish, refund, close };
}
