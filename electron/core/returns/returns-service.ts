import { AppError } from '../../../shared/contract/errors';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { PrintJob } from '../../../shared/contract/pack';
import type { ReturnRules, ReturnView } from '../../../shared/contract/returns';
import { formatMoney } from '../../../shared/domain/money';
import { RETURN_STATUS_WORDS } from '../../../shared/domain/return-state';
import { isoNow } from '../clock';
import type { ShipmentRecord } from '../store/shipping-repo';
import { createReturnBench } from './return-bench';
import { createReturnCreation, labelsAvailable, type NewReturnLine } from './return-create';
import type { ReturnsDeps } from './return-deps';
import { createReturnFinish } from './return-finish';
import { readReturnRules, saveReturnRules } from './return-rules';
import { renderReturnSlipHtml, renderReturnSlipZpl, type ReturnSlip } from './return-slip';
import { createReturnTracking } from './return-tracking';
import { returnOrThrow, returnView } from './return-view';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * The returns bench: a return is announced (with a label or not), comes back, is scanned in unit by unit,
 * graded, put away as ledger movements, and refunded on its channel through the outbox, exactly once.
 */
export function createReturnsService(deps: ReturnsDeps & { emit: Emit }) {
  const { repos, clock } = deps;
  const creation = createReturnCreation(deps);
  const bench = createReturnBench(deps);
  const finishing = createReturnFinish(deps);
  const tracking = createReturnTracking(deps);

  /** After a transaction that may have made a label: print a local courier's at once, let the queue buy the rest. */
  function sendLabel(returnId: number): void {
    const labelId = repos.returns.labelShipmentId(returnId);
    const label = labelId ? repos.shipping.shipment(labelId) : undefined;
    if (label?.status === 'bought' && label.printJobId) void deps.print.dispatch(label.printJobId);
    deps.shipping.queue.kick();
  }

  function create(input: Parameters<typeof creation.create>[0]): ReturnView {
    const id = creation.create(input);
    sendLabel(id);
    return returnView(repos, id);
  }

  /** Called by the label queue inside the transaction that records a bought return label. */
  function labelBought(s: ShipmentRecord, at: string): void {
    const r = s.returnId ? repos.returns.get(s.returnId) : undefined;
    if (!r) return;
    const toSend = r.status === 'requested';
    repos.returns.update(r.id, { trackingNumber: s.trackingNumber, trackingCarrier: s.carrierName, ...(toSend ? { status: 'label_sent' } : {}) }, at);
    const price = s.priceMinor !== null ? ` for ${formatMoney(s.priceMinor, s.currency || 'USD')}` : '';
    repos.orders.addEvent(r.orderId, 'return_label', deps.actor(),
      `Return label for ${r.number} bought: ${s.carrierName} ${s.service}${price}, tracking ${s.trackingNumber}. It is printing at the bench: send it to the customer.`,
      { returnId: r.id, shipmentId: s.id, trackingNumber: s.trackingNumber }, at);
  }

  function buyLabel(returnId: number): ReturnView {
    repos.transaction(() => {
      const r = returnOrThrow(repos, returnId);
      if (r.status !== 'requested' && r.status !== 'label_sent') {
        throw new AppError('conflict', `Return ${r.number} is ${RETURN_STATUS_WORDS[r.status].toLowerCase()}: it needs no return label now.`);
      }
      if (repos.returns.labelShipmentId(r.id)) {
        throw new AppError('conflict', `Return ${r.number} already has a return label.`, 'Reprint it from the Shipments screen, or void it there first to buy another.');
      }
      if (!labelsAvailable(deps)) {
        throw new AppError('conflict', 'No carrier can sell a return label yet.', 'Turn on buying labels and add a carrier account in Settings → Carriers.');
      }
      const order = repos.orders.record(r.orderId)!;
      deps.shipping.requestReturnLabel({ order, returnId: r.id, returnNumber: r.number, lines: repos.returns.lines(r.id), at: isoNow(clock) });
    });
    sendLabel(returnId);
    return returnView(repos, returnId);
  }

  function slipData(returnId: number): ReturnSlip {
    const r = returnOrThrow(repos, returnId);
    const order = repos.orders.record(r.orderId)!;
    const from = repos.catalog.locationAddress(order.locationId)!;
    return {
      rma: r.number, orderNumber: order.number, shopName: from.company || from.name, returnTo: from, customerName: order.customerName, createdAt: r.createdAt,
      lines: repos.returns.lines(r.id).map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, reason: l.reasonLabel, exchangeSku: l.exchangeSku })),
    };
  }

  function printSlip(returnId: number): PrintJob {
    const printer = deps.print.defaultPrinter();
    const slip = slipData(returnId);
    const zpl = renderReturnSlipZpl(slip, printer);
    const r = returnOrThrow(repos, returnId);
    const id = repos.transaction(() => repos.print.createJob({ printerId: printer.id, orderId: r.orderId, sessionId: null, parcelNo: null, kind: 'label', zpl, at: isoNow(clock) }));
    void deps.print.dispatch(id);
    return deps.print.publicJob(id);
  }

  return {
    list: (input: { view: 'expected' | 'bench' | 'done' | 'all'; q: string; limit: number }) => repos.returns.list(input),
    get: (id: number) => returnView(repos, id),
    forOrder: creation.forOrder,
    preview: (orderId: number, lines: NewReturnLine[]) => creation.preview(orderId, lines),
    create,
    open: bench.open,
    receive: bench.receive,
    receiveUnannounced: bench.receiveUnannounced,
    scan: bench.scan,
    grade: bench.grade,
    undo: bench.undo,
    finish: finishing.finish,
    refund: finishing.refund,
    close: finishing.close,
    buyLabel,
    setTracking(input: { returnId: number; trackingNumber: string; carrier: string }): ReturnView {
      repos.transaction(() => {
        const r = returnOrThrow(repos, input.returnId);
        const at = isoNow(clock);
        const number = input.trackingNumber.replace(/\s+/g, '').toUpperCase();
        const moving = r.status === 'requested' || r.status === 'label_sent';
        repos.returns.update(r.id, { trackingNumber: number, trackingCarrier: input.carrier, inboundStatus: '', inboundDetail: '', ...(moving ? { status: 'in_transit' } : {}) }, at);
        repos.orders.addEvent(r.orderId, 'return_tracking', deps.actor(), `Return ${r.number}: the customer sent it${input.carrier ? ` with ${input.carrier}` : ''}, tracking ${number}.`, { returnId: r.id }, at);
      });
      void tracking.check(true);
      return returnView(repos, input.returnId);
    },
    checkTracking: () => tracking.check(true),
    slip(returnId: number) {
      const slip = slipData(returnId);
      return { html: renderReturnSlipHtml(slip), fileName: `return-slip-${slip.rma}.html` };
    },
    printSlip,
    labelBought,
    rules: (): ReturnRules => readReturnRules(repos),
    saveRules: (next: ReturnRules) => saveReturnRules(repos, next),
    start: tracking.start,
    stop: tracking.stop,
  };
}
export type ReturnsService = ReturnType<typeof createReturnsService>;
