import { AppError } from '../../../shared/contract/errors';
import type { ReturnOpenResult, ReturnScanOutcome, ReturnScanResult, ReturnView } from '../../../shared/contract/returns';
import {
  DISPOSITION_WORDS, GRADE_WORDS, GRADES, RETURN_STATUS_WORDS, canReturnTransition, gradeKey, returnTransitionRefusal, type Grade,
} from '../../../shared/domain/return-state';
import { isoNow } from '../clock';
import { resolveItemCode } from '../services/scan-codes';
import type { ReturnRecord } from '../store/returns-repo';
import { canBeReturned, shippedUnits, unitsOnReturns } from './return-create';
import type { ReturnsDeps } from './return-deps';
import { resolveReturnCode } from './return-codes';
import { readReturnRules } from './return-rules';
import { replayScans } from './return-units';
import { destinationWords, returnOrThrow, returnView } from './return-view';

export const GRADE_KEYS_WORDS = GRADES.map((g) => `${gradeKey(g)} ${GRADE_WORDS[g]}`).join(' · ');

/** The reason an unannounced return's lines carry: the customer gave none. */
const NOT_GIVEN = { code: 'not_given', label: 'No reason given (arrived without an RMA)' };

export function createReturnBench(deps: ReturnsDeps) {
  const { repos, clock } = deps;
  const now = () => isoNow(clock);

  /** The parcel is at the bench: the return becomes received (once), on its order's timeline. */
  function markReceived(r: ReturnRecord, via: string): void {
    if (r.status === 'received') return;
    if (!canReturnTransition(r.status, 'received')) throw new AppError('invalid_transition', returnTransitionRefusal(r.number, r.status, 'received'));
    const at = now();
    repos.returns.update(r.id, { status: 'received', receivedAt: at }, at);
    repos.orders.addEvent(r.orderId, 'return_received', deps.actor(), `Return ${r.number} arrived at the bench (${via}); its items are being scanned in.`, { returnId: r.id }, at);
  }

  function openWords(r: ReturnRecord, wasExpected: boolean): string {
    switch (r.status) {
      case 'received': return wasExpected ? `Return ${r.number} received: scan each item, then give it its grade.` : `Return ${r.number} is open where it was left: keep scanning.`;
      case 'inspected': return `Return ${r.number} is inspected: refund it or close it.`;
      case 'refunded': return `Return ${r.number} was refunded; nothing more to do.`;
      case 'closed': return `Return ${r.number} is closed${r.closeReason ? ` (${r.closeReason})` : ''}; nothing more to do.`;
      default: return `Return ${r.number}.`;
    }
  }

  function open(code: string): ReturnOpenResult {
    const match = resolveReturnCode(repos, code, deps.gsReplacement());
    if (match.kind === 'none') {
      throw new AppError('not_found', `No return, return label or order matches "${code.trim().slice(0, 60)}".`,
        'Scan the RMA barcode on the return slip, the tracking barcode of the return label, or the order\'s packing slip.');
    }
    if (match.kind === 'order') {
      const order = repos.orders.record(match.orderId)!;
      const refusal = canBeReturned(order);
      if (refusal) throw new AppError('conflict', refusal, 'Check the parcel: it may belong to another order.');
      return { kind: 'order', orderId: order.id, orderNumber: order.number, message: `No return was announced for order ${order.number}. Receive the parcel anyway, without an RMA?` };
    }
    const via = match.via === 'rma' ? 'its RMA scanned' : match.via === 'tracking' ? 'its return label scanned' : 'its order scanned';
    const wasExpected = match.ret.status !== 'received';
    repos.transaction(() => {
      const fresh = returnOrThrow(repos, match.ret.id);
      if (fresh.status === 'requested' || fresh.status === 'label_sent' || fresh.status === 'in_transit') markReceived(fresh, via);
    });
    const r = returnOrThrow(repos, match.ret.id);
    return { kind: 'return', view: returnView(repos, r.id), message: openWords(r, wasExpected) };
  }

  function receive(returnId: number): ReturnView {
    repos.transaction(() => markReceived(returnOrThrow(repos, returnId), 'opened from the queue'));
    return returnView(repos, returnId);
  }

  /** A parcel with no RMA: a return of that order is made now, received, with no lines until items are scanned. */
  function receiveUnannounced(orderId: number): ReturnView {
    const id = repos.transaction(() => {
      const order = repos.orders.record(orderId);
      if (!order) throw new AppError('not_found', `Order ${orderId} does not exist.`);
      const refusal = canBeReturned(order);
      if (refusal) throw new AppError('conflict', refusal, 'Check the parcel: it may belong to another order.');
      const at = now();
      const who = deps.actor();
      const number = repos.returns.nextNumber();
      const id = repos.returns.insert({
        number, orderId, status: 'received', shipping: 'customer', unannounced: true, note: '', outsideWindowReason: '', trackingNumber: '', trackingCarrier: '', createdBy: who, at,
      });
      repos.orders.addEvent(orderId, 'return_received', who, `A parcel came back for order ${order.number} without an RMA; it is received as return ${number}.`, { returnId: id, number }, at);
      return id;
    });
    return returnView(repos, id);
  }

  function atBench(r: ReturnRecord): void {
    if (r.status === 'received') return;
    if (r.status === 'inspected') throw new AppError('conflict', `Return ${r.number} is already inspected; nothing was counted.`, 'Refund it or close it; a new item needs a new return.');
    if (r.status === 'refunded' || r.status === 'closed') throw new AppError('conflict', `Return ${r.number} is ${RETURN_STATUS_WORDS[r.status].toLowerCase()}; nothing was counted.`, 'Scan the next parcel.');
    throw new AppError('conflict', `Return ${r.number} is not at the bench yet; nothing was counted.`, 'Scan its return slip or label first: that receives the parcel.');
  }

  type Outcome = Omit<ReturnScanResult, 'view'>;

  function scan(returnId: number, raw: string): ReturnScanResult {
    const result = repos.transaction((): Outcome => {
      const r = returnOrThrow(repos, returnId);
      atBench(r);
      const order = repos.orders.record(r.orderId)!;
      const who = deps.actor();
      const at = now();
      const record = (outcome: ReturnScanOutcome, message: string, extra: { code: string; returnLineId?: number; variantId?: number | null }) =>
        repos.returns.addScan({ returnId, outcome, message, actor: who, createdAt: at, ...extra });
      const state = replayScans(repos.returns.scans(returnId));
      let lines = repos.returns.lines(returnId);
      if (state.awaiting) {
        const line = lines.find((l) => l.id === state.awaiting!.lineId);
        const message = `Give the ${line?.sku ?? 'last item'} its grade first; the new scan was not counted.`;
        record('grade_first', message, { code: raw.trim() });
        return { outcome: 'grade_first', message, hint: `Press ${GRADE_KEYS_WORDS}, then scan the next item.`, code: raw.trim() };
      }
      const item = resolveItemCode(repos, raw, deps.gsReplacement());
      if (item.kind === 'invalid') {
        record('invalid_code', item.message, { code: item.code });
        return { outcome: 'invalid_code', message: item.message, hint: 'Rescan it, or type the code into the entry field.', code: item.code };
      }
      if (item.kind === 'unknown') {
        const other = resolveReturnCode(repos, raw, deps.gsReplacement());
        if (other.kind !== 'none') {
          const what = other.kind === 'return' ? (other.ret.id === r.id ? `this return's own slip (${r.number})` : `the slip of return ${other.ret.number}`)
            : `the packing slip of order ${repos.orders.record(other.orderId)!.number}`;
          const message = `That is ${what}, not an item.`;
          record('wrong_item', message, { code: item.code });
          return { outcome: 'wrong_item', message, hint: `Finish return ${r.number} (Enter) before opening another.`, code: item.code };
        }
        const message = `Unknown code ${item.code}: it is not on any product.`;
        record('unknown_code', message, { code: item.code });
        return { outcome: 'unknown_code', message, hint: 'Set the item aside and look at it: if it is ours, find its SKU on the Inventory screen.', code: item.code };
      }
      const variant = item.variant;
      const base = { code: item.code, variantId: variant.id };
      let candidates = lines.filter((l) => l.variantId === variant.id);
      const orderLines = repos.orders.lines(order.id).filter((l) => l.variantId === variant.id);
      if (!candidates.length && r.unannounced && orderLines.length) {
        // a return without an RMA takes what the order sent, line by line, as it is scanned
        const shipped = shippedUnits(repos, order);
        const on = unitsOnReturns(repos, order.id, r.id);
        for (const ol of orderLines) {
          repos.returns.insertLine({
            returnId, orderLineId: ol.id, variantId: ol.variantId, sku: ol.sku, title: ol.title,
            quantity: Math.max(0, (shipped.get(ol.id) ?? 0) - (on.get(ol.id) ?? 0)), unitPriceMinor: ol.unitPriceMinor,
            reasonCode: NOT_GIVEN.code, reasonLabel: NOT_GIVEN.label, refundsShipping: false, chargesFee: false, exchangeSku: null, note: '',
          });
        }
        lines = repos.returns.lines(returnId);
        candidates = lines.filter((l) => l.variantId === variant.id);
      }
      if (!candidates.length) {
        const inOrder = orderLines.length > 0;
        const message = inOrder
          ? `${variant.sku} (${variant.title}) was in order ${order.number} but is not on return ${r.number}: it was not counted.`
          : `Wrong item: ${variant.sku} (${variant.title}) was not in order ${order.number}; it was not counted.`;
        record('wrong_item', message, base);
        return {
          outcome: 'wrong_item', message, code: item.code,
          hint: inOrder ? 'Set it aside. If the customer sent it back too, make a return for it from the order.' : 'Set it aside: it is not part of this return.',
        };
      }
      const count = (lineId: number) => state.units.filter((u) => u.lineId === lineId).length;
      const line = candidates.find((l) => count(l.id) < l.quantity);
      if (!line) {
        const expected = candidates.reduce((n, l) => n + l.quantity, 0);
        const got = candidates.reduce((n, l) => n + count(l.id), 0);
        const message = expected === 0
          ? `Every ${variant.sku} sent with order ${order.number} is already on another return; this one was not counted.`
          : `Too many ${variant.sku}: return ${r.number} takes ${expected}, ${got} already received. The extra one was not counted.`;
        record('over_scan', message, base);
        return { outcome: 'over_scan', message, hint: 'Set the extra item aside.', code: item.code };
      }
      const message = `${variant.sku}: ${count(line.id) + 1} of ${line.quantity} received. Now its grade.`;
      record('accepted', message, { ...base, returnLineId: line.id });
      return { outcome: 'accepted', message, hint: GRADE_KEYS_WORDS, code: item.code };
    });
    return { ...result, view: returnView(repos, returnId) };
  }

  function grade(returnId: number, g: Grade): ReturnScanResult {
    const result = repos.transaction((): Outcome => {
      const r = returnOrThrow(repos, returnId);
      atBench(r);
      const unit = replayScans(repos.returns.scans(returnId)).awaiting;
      if (!unit) throw new AppError('conflict', 'Scan an item first, then give it its grade.', `The grade keys: ${GRADE_KEYS_WORDS}.`);
      const order = repos.orders.record(r.orderId)!;
      const line = repos.returns.lines(returnId).find((l) => l.id === unit.lineId);
      const disposition = g === 'not_ours' ? 'flag' : readReturnRules(repos).dispositions[g];
      const where = destinationWords(repos, order, line, disposition);
      const message = disposition === 'restock' ? `${line?.sku}: ${GRADE_WORDS[g].toLowerCase()}, back on the shelf — ${where}.`
        : `${line?.sku}: ${GRADE_WORDS[g].toLowerCase()}, ${DISPOSITION_WORDS[disposition]}${disposition === 'quarantine' ? ` — ${where}` : ''}.`;
      repos.returns.addScan({
        returnId, outcome: 'graded', code: `grade:${g}`, returnLineId: unit.lineId, variantId: unit.variantId, unitScanId: unit.scanId, grade: g, disposition,
        message, actor: deps.actor(), createdAt: now(),
      });
      return { outcome: 'graded', message, code: `grade:${g}` };
    });
    return { ...result, view: returnView(repos, returnId) };
  }

  function undo(returnId: number): ReturnView {
    repos.transaction(() => {
      const r = returnOrThrow(repos, returnId);
      atBench(r);
      const last = replayScans(repos.returns.scans(returnId)).lastAction;
      if (!last) throw new AppError('conflict', 'There is nothing to undo on this return yet.');
      const message = last.outcome === 'graded' ? `Took back the grade "${GRADE_WORDS[last.grade!]}": grade the item again.` : `Took back the scan of ${last.code}: it is not counted.`;
      repos.returns.addScan({ returnId, outcome: 'undo', code: last.code, undoesScanId: last.id, returnLineId: last.returnLineId, variantId: last.variantId, message, actor: deps.actor(), createdAt: now() });
    });
    return returnView(repos, returnId);
  }

  return { open, receive, receiveUnannounced, scan, grade, undo };
}
