import { AppError } from '../../../shared/contract/errors';
import type { PackView, PrintJob } from '../../../shared/contract/pack';
import { assignableCodeProblem, normaliseGtin } from '../../../shared/codes';
import { isoNow, type Clock } from '../clock';
import { renderPackingSlipHtml, type RenderedLabel } from '../labels';
import { renderShippingLabelFor, type PrinterProfile } from '../labels/printer-language';
import type { Repos } from '../store';
import type { Symbology } from '../store/catalog-repo';
import type { OrdersService } from './orders-service';
import { activeSessionOrThrow, lineStates, packView } from './pack-view';
import type { PrintService } from './print-service';
import type { ShippingService } from '../shipping/shipping-service';
import { orderBarcode, orderQrPayload, resolveOrderCode } from './scan-codes';
import { recordOrderPick } from './order-stock';
import type { WeightCheck } from './weight-check';

type Done = { view: PackView; labelJob: PrintJob | null; dispatch: () => void };

/** Characters no label font has print as white squares: the packer is told which, and what to do. */
function undrawableNotice(label: RenderedLabel): string {
  if (!label.undrawable.length) return '';
  const chars = label.undrawable.slice(0, 8).join(' ');
  return `The label shows a white square for ${label.undrawable.length === 1 ? 'a character' : `${label.undrawable.length} characters`} ` +
    `no label font has (${chars}). Check the address on the parcel and write ${label.undrawable.length === 1 ? 'it' : 'them'} in by hand.`;
}

/** Closing a parcel: ledger, order status, timeline, outbox and the label job land in one transaction. */
export function createPackCompletion(
  repos: Repos, clock: Clock, actor: () => string, orders: OrdersService, print: PrintService, shipping?: ShippingService, weights?: WeightCheck,
) {
  const { outbox } = repos;
  /** catalog weight of what the parcel holds; a scale reading will replace it */
  function parcelGrams(lines: Array<{ variantId: number | null; quantity: number }>): number {
    return lines.reduce((g, l) => g + (l.variantId ? (repos.catalog.variantById(l.variantId)?.weightGrams ?? 0) * l.quantity : 0), 0);
  }

  /** the label in the printer's own language (ZPL, EPL2 or TSPL), calibrated for it */
  function labelZpl(orderId: number, parcelNo: number, parcelCount: number, weightGrams: number, printer: PrinterProfile): RenderedLabel {
    const order = repos.orders.record(orderId)!;
    const shipFrom = repos.catalog.locationAddress(order.locationId)!;
    return renderShippingLabelFor({
      orderNumber: order.number, barcodeData: orderBarcode(orderId, order.number), orderQrPayload: orderQrPayload(orderId), shipTo: order.shipTo, shipFrom, weightGrams,
      ...(parcelCount > 1 ? { parcel: { index: parcelNo, count: parcelCount } } : {}),
    }, printer);
  }

  function close(sessionId: number, split: { reason: string } | null): Done {
    // the scale's steady weight, checked against what the parcel should weigh, before anything is written
    const weighed = weights?.weigh(sessionId) ?? null;
    const jobId = repos.transaction(() => {
      const session = activeSessionOrThrow(repos, sessionId); // refuses an order that left picking
      const lines = lineStates(repos, session);
      const counted = lines.filter((l) => l.scanned > 0);
      const short = lines.filter((l) => !l.complete);
      if (!split && short.length) {
        throw new AppError('conflict', `Not finished: ${short.map((l) => `${l.sku} ${l.scanned}/${l.expected}`).join(', ')}.`,
          'Scan the rest, split the parcel (with a reason), or ask a supervisor to confirm a line.');
      }
      if (split && !counted.length) throw new AppError('conflict', 'Nothing is counted yet, so there is no parcel to close.', 'Scan the items that go in this parcel first.');
      if (split && !short.length) split = null; // everything is there: a normal completion
      const at = isoNow(clock);
      const who = actor();
      const order = repos.orders.record(session.orderId)!;
      if (weighed) {
        weights?.record(session.orderId, sessionId, weighed);
        // the steady scale weight is the parcel's weight (parcel-weight.ts, INTERFACES.md item 4) unless the packer typed one
        const choice = repos.shipping.parcelChoice(sessionId);
        if (!choice?.weightGrams) repos.shipping.setParcelChoice(sessionId, choice?.packageId ?? null, weighed.grams, at);
      }
      // a carrier parcel is bought in the background; its fulfilment is written with the bought label (INTERFACES.md item 2)
      const shipped = shipping?.parcelPacked({ order, sessionId, parcelNo: session.parcelNo, final: !split, at,
        lines: counted.map((l) => ({ sku: l.sku, variantId: l.variantId, quantity: l.scanned, lineId: l.lineId })) });
      const grams = shipped?.weight.grams ?? weighed?.grams ?? parcelGrams(counted.map((l) => ({ variantId: l.variantId, quantity: l.scanned })));
      for (const l of counted) {
        if (l.variantId === null) continue;
        try {
          recordOrderPick(repos, order, l.variantId, l.scanned, who, at);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          throw new AppError('conflict', `The stock records for ${l.sku} at ${order.locationName} do not cover this parcel: ${e.message} Nothing was recorded.`,
            `The parcel holds ${l.scanned}. Correct the count on the Inventory screen (with a reason), then complete again.`);
        }
      }
      if (shipped?.kind !== 'carrier') {
        outbox.enqueue('order.fulfilled', order.channelId, {
          orderId: order.id, externalId: order.externalId, parcelNo: session.parcelNo, final: !split,
          lines: counted.map((l) => ({ sku: l.sku, quantity: l.scanned })), tracking: shipped?.kind === 'local' ? shipped.tracking : null,
        }, at);
      }
      repos.pack.endSession(sessionId, 'completed', at, split?.reason ?? '');
      const items = counted.reduce((n, l) => n + l.scanned, 0);
      const traced = repos.pack.recentScans(sessionId, 500).filter((s) => !s.undone && (s.lot || s.serial || s.expiry))
        .map((s) => ({ sku: s.sku, lot: s.lot, expiry: s.expiry, serial: s.serial }));
      if (split) {
        repos.orders.addEvent(order.id, 'parcel_split', who, `Parcel ${session.parcelNo} closed with ${items} item(s); the rest goes in another parcel: ${split.reason}`, { sessionId, parcelNo: session.parcelNo, traced }, at);
      } else {
        repos.orders.addEvent(order.id, 'packed', who, `Parcel ${session.parcelNo} packed: ${items} item(s) verified by scan`, { sessionId, parcelNo: session.parcelNo, traced }, at);
        orders.applyTransition(order.id, 'packed', '', who, at);
      }
      if (shipped?.kind === 'carrier') return null; // its label job is made when the label is bought
      if (shipped?.kind === 'local') return shipped.labelJobId;
      const printer = print.defaultPrinter();
      const parcelCount = split ? 0 : session.parcelNo;
      let label: RenderedLabel = { zpl: '', undrawable: [] };
      let layoutError = '';
      try {
        label = labelZpl(order.id, session.parcelNo, parcelCount, grams, printer);
      } catch (e) {
        // a label that cannot be laid out must not undo the packing: the job is kept, failed, in words
        layoutError = `The label could not be laid out: ${e instanceof Error ? e.message : String(e)} The order is packed; fix the order's details and print its label again.`;
      }
      const jobId = print.createLabelJob({ orderId: order.id, sessionId, parcelNo: session.parcelNo, zpl: label.zpl, printerId: printer.id, notice: undrawableNotice(label) });
      if (layoutError) repos.print.setStatus(jobId, 'failed', layoutError, at);
      return jobId;
    });
    return {
      view: packView(repos, sessionId), labelJob: jobId === null ? null : print.publicJob(jobId),
      dispatch: () => { if (jobId !== null) void print.dispatch(jobId); shipping?.queue.kick(); },
    };
  }

  /** The label of a verified (packed or shipped) order; refused before verification. */
  function printLabel(orderId: number): PrintJob {
    const order = repos.orders.record(orderId);
    if (!order) throw new AppError('not_found', `Order ${orderId} does not exist.`);
    if ((order.status !== 'packed' && order.status !== 'shipped') || repos.pack.completedParcels(orderId) === 0) {
      throw new AppError('conflict', `Order ${order.number} is not verified yet, so its label cannot be printed.`, 'Pack it at the bench (every item scanned) or ask a supervisor to confirm the lines.');
    }
    const jobId = repos.transaction(() => {
      const printer = print.defaultPrinter();
      const parcels = Math.max(1, repos.pack.completedParcels(orderId));
      const grams = parcelGrams(repos.orders.lines(orderId));
      const label = labelZpl(orderId, parcels, parcels, grams, printer);
      // the parcel already had a label: this one is another copy and says so
      const first = repos.print.firstLabelFor(orderId, parcels);
      const zpl = first ? print.markReprint(label.zpl, first.id, printer) : label.zpl;
      return repos.print.createJob({
        printerId: printer.id, orderId, sessionId: null, parcelNo: parcels, kind: 'label', zpl, at: isoNow(clock), reprintOf: first?.id ?? null, notice: undrawableNotice(label),
      });
    });
    void print.dispatch(jobId);
    return print.publicJob(jobId);
  }

  function assignCode(input: { sessionId?: number | undefined; code: string; sku: string; reason: string }) {
    const variant = repos.catalog.variantBySku(input.sku);
    if (!variant) throw new AppError('not_found', `SKU ${input.sku} is not in the catalog.`, 'Pick the SKU from the list.');
    const raw = input.code.trim();
    const problem = assignableCodeProblem(raw);
    if (problem) throw new AppError('invalid_request', problem, 'Nothing was assigned. Scan the barcode printed on the item.');
    if (resolveOrderCode(repos, raw, '', 'any')) throw new AppError('conflict', `${raw} opens an order (it is a packing slip code), so it cannot also name a product.`, 'Nothing was assigned. Scan the barcode printed on the item.');
    const digits = /^\d{8,14}$/.test(raw) ? normaliseGtin(raw) : null;
    if (digits && !digits.ok) throw new AppError('invalid_request', digits.message);
    const code = digits?.ok ? digits.gtin14 : raw;
    const symbology: Symbology = digits?.ok ? digits.symbology : 'code128';
    const owner = repos.catalog.variantByBarcode(code) ?? repos.catalog.variantByTextNoCase(code);
    if (owner) throw new AppError('conflict', `Code ${raw} already belongs to ${owner.sku}.`, 'Each code names one SKU; check the item.');
    repos.transaction(() => {
      repos.catalog.insertBarcode(code, symbology, variant.id);
      const session = input.sessionId ? repos.pack.session(input.sessionId) : undefined;
      if (session) {
        repos.orders.addEvent(session.orderId, 'code_assigned', actor(), `Code ${raw} assigned to ${variant.sku}: ${input.reason}`, { code, sku: variant.sku }, isoNow(clock));
      }
    });
    return { code, sku: variant.sku, symbology };
  }

  function slip(orderId: number) {
    const order = repos.orders.record(orderId);
    if (!order) throw new AppError('not_found', `Order ${orderId} does not exist.`);
    const shipFrom = repos.catalog.locationAddress(order.locationId)!;
    const html = renderPackingSlipHtml({
      orderNumber: order.number, orderId: String(order.id), createdAt: order.createdAt, orderQrPayload: orderQrPayload(order.id),
      shopName: shipFrom.company || shipFrom.name, shipFrom, shipTo: order.shipTo,
      lines: repos.orders.lines(orderId).map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, bin: l.bin ?? '' })),
    });
    return { html, fileName: `packing-slip-${order.number.replace(/[^\w-]+/g, '')}.html` };
  }

  return {
    complete: (sessionId: number) => close(sessionId, null),
    split: (sessionId: number, reason: string) => close(sessionId, { reason }),
    printLabel, assignCode, slip,
  };
}
export type PackCompletion = ReturnType<typeof createPackCompletion>;
