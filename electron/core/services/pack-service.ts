import { AppError } from '../../../shared/contract/errors';
import type { PackView, ScanOutcome, ScanResult } from '../../../shared/contract/pack';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { OrdersService } from './orders-service';
import { activeSessionOrThrow, lineStates, packView } from './pack-view';
import { resolveItemCode, resolveOrderCode } from './scan-codes';

/**
 * The bench: every scan is written before it is answered, so a crash or a kill resumes exactly
 * where the packer was. Refused scans are recorded too, and never counted.
 */
export function createPackService(repos: Repos, clock: Clock, actor: () => string, orders: OrdersService, gsReplacement: () => string) {
  function open(input: { code: string } | { orderId: number }): PackView {
    const orderId = 'orderId' in input ? input.orderId : resolveOrderCode(repos, input.code, gsReplacement());
    if (!orderId || !repos.orders.record(orderId)) {
      const what = 'code' in input ? `No order matches "${input.code.trim().slice(0, 60)}".` : `Order ${input.orderId} does not exist.`;
      throw new AppError('not_found', what, 'Scan the barcode on the packing slip, or type the order number as printed (e.g. #1001).');
    }
    const sessionId = repos.transaction(() => {
      const order = repos.orders.record(orderId)!;
      const at = isoNow(clock);
      const who = actor();
      switch (order.status) {
        case 'open':
          orders.applyTransition(orderId, 'picking', '', who, at);
          break;
        case 'picking':
          break;
        case 'packed':
          throw new AppError('conflict', `Order ${order.number} is already packed.`, 'Reprint its label from the Printing screen if it is needed again.');
        case 'on_hold':
          throw new AppError('conflict', `Order ${order.number} is on hold and must not be packed.`, 'Release the hold on the order screen first (see its timeline for why it is held).');
        default:
          throw new AppError('conflict', `Order ${order.number} is ${order.status} and cannot be packed.`, 'Put the items back and scan the next packing slip.');
      }
      const active = repos.pack.activeForOrder(orderId);
      if (active) return active.id;
      const parcelNo = repos.pack.completedParcels(orderId) + 1;
      const id = repos.pack.createSession(orderId, parcelNo, who, at);
      repos.orders.addEvent(orderId, 'pack_started', who, parcelNo > 1 ? `Packing parcel ${parcelNo} started` : 'Packing started', { sessionId: id, parcelNo }, at);
      return id;
    });
    return packView(repos, sessionId);
  }

  function current(packer?: string): PackView | null {
    const s = (packer ? repos.pack.latestActiveOf(packer) : undefined) ?? repos.pack.latestActive();
    return s ? packView(repos, s.id) : null;
  }

  function record(sessionId: number, outcome: ScanOutcome, message: string, extra: Partial<Parameters<Repos['pack']['addScan']>[0]> & { code: string }) {
    repos.pack.addScan({ sessionId, outcome, message, orderLineId: null, variantId: null, quantity: 0, actor: actor(), at: isoNow(clock), ...extra });
  }

  function scan(sessionId: number, raw: string, quantity: number): ScanResult {
    const result = repos.transaction((): Omit<ScanResult, 'view'> => {
      const session = activeSessionOrThrow(repos, sessionId);
      const order = repos.orders.record(session.orderId)!;
      const item = resolveItemCode(repos, raw, gsReplacement());
      if (item.kind === 'invalid') {
        record(sessionId, 'invalid_code', item.message, { code: item.code });
        return { outcome: 'invalid_code', message: item.message, hint: 'Rescan it, or type the code into the entry field.', code: item.code };
      }
      if (item.kind === 'unknown') {
        const otherOrder = resolveOrderCode(repos, raw, gsReplacement(), 'any');
        if (otherOrder) {
          const number = repos.orders.record(otherOrder)!.number;
          const message = otherOrder === order.id ? `That is this order's packing slip (${number}), not an item.` : `That is the packing slip of order ${number}, not an item.`;
          record(sessionId, 'wrong_item', message, { code: item.code });
          if (otherOrder === order.id) {
            return { outcome: 'wrong_item', title: 'Packing slip — not an item', message, hint: 'Scan the items on the list; the slip goes in the parcel.', code: item.code };
          }
          return { outcome: 'wrong_item', title: 'Another order’s slip — not counted', message, hint: `Finish order ${order.number} (or put it back) before starting another.`, code: item.code };
        }
        const message = `Unknown code ${item.code}: it is not on any product.`;
        record(sessionId, 'unknown_code', message, { code: item.code });
        return { outcome: 'unknown_code', message, hint: 'If it belongs to a product, assign it to the SKU (a reason is needed); otherwise set the item aside.', code: item.code };
      }
      const lines = lineStates(repos, session).filter((l) => l.variantId === item.variant.id);
      const base = { code: item.code, variantId: item.variant.id, lot: item.lot, expiry: item.expiry, serial: item.serial };
      // a case-pack barcode counts all the units it holds
      const units = quantity * item.units;
      const caseWords = item.units > 1 ? `Case of ${item.units}: ` : '';
      if (!lines.length) {
        const message = `Wrong item: ${item.variant.sku} (${item.variant.title}) is not in order ${order.number}.`;
        record(sessionId, 'wrong_item', message, base);
        return { outcome: 'wrong_item', message, hint: 'Put it back on its shelf and scan an item from the list.', code: item.code };
      }
      const line = lines.find((l) => l.remaining >= units);
      if (!line) {
        const expected = lines.reduce((n, l) => n + l.expected, 0);
        const scanned = lines.reduce((n, l) => n + l.scanned, 0);
        const message = `${caseWords}Too many ${item.variant.sku}: this parcel takes ${expected}, ${scanned} already counted.`;
        record(sessionId, 'over_scan', message, { ...base, quantity: 0 });
        const hint = item.units > 1 ? `This code is a case of ${item.units}. Open the case and scan single items, or take it out. Nothing was counted.` : 'Take the extra item out of the parcel. Nothing was counted.';
        return { outcome: 'over_scan', message, hint, code: item.code };
      }
      const message = `${caseWords}${item.variant.sku}: ${line.scanned + units} of ${line.expected}`;
      record(sessionId, 'accepted', message, { ...base, orderLineId: line.lineId, quantity: units });
      return { outcome: 'accepted', message, code: item.code };
    });
    return { ...result, view: packView(repos, sessionId) };
  }

  /** "x12" after a scan: the last item scanned was a case of 12, so 11 more are counted. */
  function multiply(sessionId: number, total: number): ScanResult {
    const result = repos.transaction((): Omit<ScanResult, 'view'> => {
      const session = activeSessionOrThrow(repos, sessionId);
      const last = repos.pack.lastCounted(sessionId);
      if (!last) throw new AppError('conflict', `Scan an item first, then type x${total}.`);
      const extra = total - last.quantity;
      if (extra <= 0) throw new AppError('conflict', `The last scan already counts ${last.quantity}.`, 'Use undo to take units off.');
      const line = lineStates(repos, session).find((l) => l.lineId === last.orderLineId)!;
      const base = { code: `x${total}`, variantId: last.variantId, orderLineId: last.orderLineId };
      if (line.remaining < extra) {
        const message = `Too many ${line.sku}: this parcel takes ${line.expected}; x${total} would make ${line.scanned + extra}.`;
        record(sessionId, 'over_scan', message, { ...base, orderLineId: null });
        return { outcome: 'over_scan', message, hint: 'Count again; nothing extra was counted.', code: base.code };
      }
      const message = `${line.sku}: ${line.scanned + extra} of ${line.expected}`;
      record(sessionId, 'accepted', message, { ...base, quantity: extra });
      return { outcome: 'accepted', message, code: base.code };
    });
    return { ...result, view: packView(repos, sessionId) };
  }

  function undo(sessionId: number): PackView {
    repos.transaction(() => {
      activeSessionOrThrow(repos, sessionId);
      const last = repos.pack.lastCounted(sessionId);
      if (!last) throw new AppError('conflict', 'There is no counted scan to undo.');
      record(sessionId, 'undo', `Undid ${last.code} (${last.quantity})`, { code: last.code, undoesScanId: last.id, variantId: last.variantId });
    });
    return packView(repos, sessionId);
  }

  function override(input: { sessionId: number; lineId: number; supervisor: string; reason: string }): PackView {
    repos.transaction(() => {
      const session = activeSessionOrThrow(repos, input.sessionId);
      const line = lineStates(repos, session).find((l) => l.lineId === input.lineId);
      if (!line) throw new AppError('not_found', 'That line is not in this order.', 'Reload the pack screen.');
      if (line.remaining <= 0) throw new AppError('conflict', `${line.sku} is already complete; nothing to override.`);
      const at = isoNow(clock);
      const message = `Supervisor ${input.supervisor} confirmed ${line.remaining} × ${line.sku} without scanning: ${input.reason}`;
      repos.pack.addScan({ sessionId: input.sessionId, code: `override:${line.sku}`, outcome: 'override', orderLineId: line.lineId, variantId: line.variantId, quantity: line.remaining, message, actor: input.supervisor, reason: input.reason, at });
      repos.orders.addEvent(session.orderId, 'pack_override', input.supervisor, message, { lineId: line.lineId, quantity: line.remaining, packer: actor() }, at);
    });
    return packView(repos, input.sessionId);
  }

  function abandon(sessionId: number, reason: string): PackView {
    repos.transaction(() => {
      const session = activeSessionOrThrow(repos, sessionId);
      const at = isoNow(clock);
      repos.pack.endSession(sessionId, 'abandoned', at, reason);
      repos.orders.addEvent(session.orderId, 'pack_abandoned', actor(), `Packing stopped; items go back to their bins${reason ? `: ${reason}` : ''}`, { sessionId }, at);
      // after a split, the order stays in picking with its remaining parcel to pack
      const status = repos.orders.status(session.orderId)?.status;
      if (status === 'picking' && repos.pack.completedParcels(session.orderId) === 0) orders.applyTransition(session.orderId, 'open', '', actor(), at);
    });
    return packView(repos, sessionId);
  }

  return { open, current, scan, multiply, undo, override, abandon, view: (id: number) => packView(repos, id) };
}
export type PackService = ReturnType<typeof createPackService>;
