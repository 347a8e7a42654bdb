import { ruledPackage } from '../services/rule-shipping';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { PrintJob } from '../../../shared/contract/pack';
import {
  ShippingRulesSchema, type CarrierAccount, type Manifest, type PackagePreset, type Shipment, type ShippingRules,
} from '../../../shared/contract/shipping';
import type { z } from 'zod';
import type { CarrierAccountInput, PackagePresetInput } from '../../../shared/contract/shipping';
import { isoNow, type Clock } from '../clock';
import { parcelWeight, type ParcelWeight } from '../services/parcel-weight';
import type { OrdersService } from '../services/orders-service';
import { lineStates } from '../services/pack-view';
import type { PrintService } from '../services/print-service';
import type { Repos } from '../store';
import type { OrderRecord } from '../store/orders-repo';
import { publicShipment, type CarrierRow, type ShipmentRecord } from '../store/shipping-repo';
import type { Address } from '../../../shared/domain/address';
import { addressProblems } from './address-check';
import { isCarrierError, type Carrier, type ParcelRequest } from './carrier';
import type { CarrierFactory } from './carrier-factory';
import { LOCAL_CARRIER_NAME, localPurchase } from './carriers/local/local-carrier';
import type { CredentialStore } from './credentials';
import { customsFor } from './customs';
import { createLabelQueue } from './label-queue';
import { createTrackingPoller } from './tracking-poller';
import type { LabelPrinter } from './label-bytes';
import { renderManifestZpl } from './manifest-label';
import { ruleFor } from './rate-rules';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type ShippingDeps = {
  repos: Repos; clock: Clock; actor: () => string; emit: Emit; print: PrintService; orders: OrdersService;
  credentials: CredentialStore; carrierFactory: CarrierFactory; retryDelaysMs?: number[] | undefined;
  /** a return label was bought (inside its transaction): the returns bench records it */
  returnLabelBought?: ((s: ShipmentRecord, at: string) => void) | undefined;
  /** how often a parcel's tracking status is asked again (default 30 minutes) */
  trackEveryMs?: number | undefined;
  trackPollMs?: number | undefined;
};

/** What the pack bench does with a parcel it closes (called inside its transaction). */
export type ParcelOutcome =
  | { kind: 'address-label'; weight: ParcelWeight }
  | { kind: 'local'; weight: ParcelWeight; labelJobId: number; tracking: { company: string; number: string; url: string } }
  | { kind: 'carrier'; weight: ParcelWeight; shipmentId: number };

const RULES_KEY = 'shipping.rules';
const SHIPMENT_STATE_WORDS: Record<ShipmentRecord['status'], string> = {
  pending: 'waiting to be bought', buying: 'being bought', bought: 'bought', held: 'held', voiding: 'being voided', voided: 'voided',
};

export function createShippingService(deps: ShippingDeps) {
  const { repos, clock, print, credentials } = deps;
  const now = () => isoNow(clock);

  function rules(): ShippingRules {
    return ShippingRulesSchema.parse(repos.settings.get(RULES_KEY) ?? {});
  }
  function labelPrinter(): LabelPrinter & { id: number } {
    const p = print.defaultPrinter();
    return { id: p.id, dpi: p.dpi, labelSize: p.labelSize, peel: rules().printerPeel };
  }
  function carrierFor(account: CarrierRow): Carrier {
    return deps.carrierFactory(account, account.secretName ? safeSecret(account.secretName) : undefined);
  }
  function safeSecret(name: string): string | undefined {
    try { return credentials.get(name); } catch (e) {
      console.error('[shipping] the credentials store could not be read', e instanceof Error ? e.message : 'unknown error');
      return undefined;
    }
  }

  const queue = createLabelQueue({
    repos, clock, actor: deps.actor, emit: deps.emit, print, orders: deps.orders, rules, labelPrinter, carrierFor, retryDelaysMs: deps.retryDelaysMs,
    returnLabelBought: (s, at) => deps.returnLabelBought?.(s, at),
  });

  const tracking = createTrackingPoller({ repos, clock, emit: deps.emit, carrierFor, everyMs: deps.trackEveryMs, pollMs: deps.trackPollMs });

  function publicCarrier(row: CarrierRow): CarrierAccount {
    return repos.shipping.publicCarrier(row, row.kind === 'local' || (row.secretName !== '' && safeSecret(row.secretName) !== undefined));
  }

  function saveCarrier(input: z.output<typeof CarrierAccountInput>): CarrierAccount {
    const existing = input.id ? repos.shipping.carrier(input.id) : undefined;
    if (input.id && !existing) throw new AppError('not_found', `Carrier account ${input.id} does not exist.`, 'Reload Settings.');
    if (input.kind !== 'local' && !input.apiKey && !(existing?.secretName && safeSecret(existing.secretName))) {
      throw new AppError('invalid_request', `${input.name} needs its API key to buy labels.`, 'Paste the key from the carrier\'s dashboard; it is stored encrypted, never in the database.', { apiKey: 'Paste the API key' });
    }
    const secretName = input.kind === 'local' ? '' : existing?.secretName || `carrier.${randomUUID()}`;
    if (input.apiKey) credentials.set(secretName, input.apiKey);
    const config = {
      ...(existing?.config ?? {}), baseUrl: input.baseUrl, refusesPoBox: input.refusesPoBox, voidWindowDays: input.voidWindowDays,
      localPriceMinor: input.localPriceMinor, localDays: input.localDays,
    };
    const id = repos.transaction(() => repos.shipping.saveCarrier({ id: input.id, kind: input.kind, name: input.name, enabled: input.enabled, config, secretName, at: now() }));
    queue.kick(); // labels waiting for a key may go now
    return publicCarrier(repos.shipping.carrier(id)!);
  }

  function savePreset(input: z.output<typeof PackagePresetInput>): PackagePreset {
    if (input.id && !repos.shipping.preset(input.id)) throw new AppError('not_found', `Box ${input.id} does not exist.`, 'Reload Settings.');
    const id = repos.transaction(() => repos.shipping.savePreset(input));
    return repos.shipping.preset(id)!;
  }

  /** The box for a parcel: the packer's choice, else an automation rule's, else the default box of its first SKU that has one, else the shop's default. */
  function packageFor(sessionId: number, lines: Array<{ variantId: number | null }>): PackagePreset | undefined {
    const chosen = repos.shipping.parcelChoice(sessionId)?.packageId;
    if (chosen) return repos.shipping.preset(chosen);
    const ruled = ruledPackage(repos, sessionId);
    if (ruled) return ruled;
    for (const l of lines) {
      const id = l.variantId ? repos.shipping.skuPackage(l.variantId) : null;
      if (id) { const p = repos.shipping.preset(id); if (p) return p; }
    }
    return repos.shipping.presets().find((p) => p.isDefault);
  }

  function weigh(sessionId: number, lines: Array<{ variantId: number | null; quantity: number }>): { weight: ParcelWeight; box: PackagePreset | undefined } {
    const box = packageFor(sessionId, lines);
    const weight = parcelWeight(repos, { lines, packageId: box?.id ?? null, scaleGrams: repos.shipping.parcelChoice(sessionId)?.weightGrams ?? null });
    return { weight, box };
  }

  /** A catalog weight that leaves out items the catalog cannot weigh is not bought on: the carrier would charge more later. */
  function unweighedProblem(weight: ParcelWeight): string[] {
    if (weight.source !== 'catalog' || !weight.unweighed.length) return [];
    return [`The catalog has no weight for ${weight.unweighed.join(', ')}, so the parcel's weight (${weight.grams} g) would be too low. Add the weight in the catalog, then press Buy now; or weigh the parcel at the bench before closing it.`];
  }

  /** A held parcel weighed from the catalog is weighed again from it (the owner may have added the missing weights). */
  function reweigh(s: ShipmentRecord, req: ParcelRequest): { grams: number; problems: string[] } {
    if (s.weightSource !== 'catalog') return { grams: req.parcel.weightGrams, problems: [] };
    const lines = s.lines.map((l) => ({ variantId: repos.catalog.variantBySku(l.sku)?.id ?? null, quantity: l.quantity }));
    const w = parcelWeight(repos, { lines });
    const grams = w.contentGrams + (req.parcel.boxGrams ?? 0);
    return { grams: Math.max(1, grams), problems: unweighedProblem({ ...w, grams }) };
  }

  function localAccount(order: OrderRecord, from: { countryCode: string }): CarrierRow | undefined {
    const rule = ruleFor(rules(), from.countryCode, order.shipTo.countryCode);
    const accounts = repos.shipping.carriers().filter((c) => c.enabled && rule.carrierIds.includes(c.id));
    // the local courier is used when the destination's rule names it alone: it has no rates to compare
    return accounts.length === 1 && accounts[0]!.kind === 'local' ? accounts[0] : undefined;
  }

  /**
   * Called by pack-complete inside the packing transaction. Carrier parcels get a queue row (bought in the
   * background, fulfilment written when bought); local courier parcels get their own label and tracking
   * now; everything else keeps the address label.
   */
  function parcelPacked(args: {
    order: OrderRecord; sessionId: number; parcelNo: number; final: boolean;
    lines: Array<{ sku: string; variantId: number | null; quantity: number; lineId: number }>; at: string;
  }): ParcelOutcome {
    const { order, sessionId, parcelNo, final, at } = args;
    const { weight, box } = weigh(sessionId, args.lines);
    const r = rules();
    const hasCarrier = repos.shipping.carriers().some((c) => c.enabled);
    if (!r.buyLabels || !hasCarrier) return { kind: 'address-label', weight };
    const from = repos.catalog.locationAddress(order.locationId)!;
    const printer = labelPrinter();
    const orderLines = repos.orders.lines(order.id);
    const priced = args.lines.map((l) => {
      const line = orderLines.find((ol) => ol.id === l.lineId);
      return { sku: l.sku, variantId: l.variantId, quantity: l.quantity, unitPriceMinor: line?.unitPriceMinor ?? 0, title: line?.title ?? l.sku };
    });
    const international = from.countryCode !== order.shipTo.countryCode;
    const customs = international ? customsFor(repos, { orderNumber: order.number, currency: order.currency, signer: r.customsSigner, lines: priced }) : null;
    const reference = `pb-${randomUUID()}`;
    const request: ParcelRequest = {
      reference, orderNumber: order.number, from, to: order.shipTo,
      parcel: { lengthMm: box?.lengthMm ?? 300, widthMm: box?.widthMm ?? 200, heightMm: box?.heightMm ?? 100, weightGrams: Math.max(1, weight.grams), boxGrams: weight.boxGrams },
      customs: customs?.declaration ?? null, label: { dpi: printer.dpi, size: printer.labelSize },
    };
    const base = {
      orderId: order.id, sessionId, parcelNo, final, idempotencyKey: reference, request,
      lines: args.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), weightGrams: weight.grams, weightSource: weight.source,
      packageName: box?.name ?? '', at,
    };
    const local = localAccount(order, from);
    if (local) {
      const p = localPurchase(request, repos.shipping.localSequence() + 1, { priceMinor: local.config.localPriceMinor ?? 0, currency: order.currency });
      const id = repos.shipping.insertShipment({ ...base, carrierId: local.id, status: 'bought', words: '' });
      const labelJobId = print.createLabelJob({ orderId: order.id, sessionId, parcelNo, zpl: p.zpl, printerId: printer.id });
      repos.shipping.updateShipment(id, {
        carrierName: LOCAL_CARRIER_NAME, service: p.service, trackingNumber: p.trackingNumber, remoteLabelId: p.remoteLabelId, priceMinor: p.priceMinor,
        currency: p.currency, printJobId: labelJobId, boughtAt: at, rate: null,
      }, at);
      repos.orders.addEvent(order.id, 'label_bought', deps.actor(), `Parcel ${parcelNo}: ${local.name} label made, tracking ${p.trackingNumber}`, { shipmentId: id }, at);
      return { kind: 'local', weight, labelJobId, tracking: { company: local.name, number: p.trackingNumber, url: '' } };
    }
    // what no carrier would accept is said now, at the bench, before anything is tried
    const problems = [
      ...addressProblems({ from, to: order.shipTo, orderNumber: order.number, carrierName: 'the carrier', refusesPoBox: false }).map((p) => p.words),
      ...(customs?.problems ?? []),
      ...unweighedProblem(weight),
    ];
    const words = problems.length ? problems.join(' ') : 'Label pending: waiting to be bought.';
    const id = repos.shipping.insertShipment({ ...base, carrierId: null, status: problems.length ? 'held' : 'pending', words });
    repos.orders.addEvent(order.id, problems.length ? 'label_held' : 'label_pending', deps.actor(),
      `Parcel ${parcelNo}: ${problems.length ? `the label cannot be bought yet. ${words}` : 'carrier label queued to be bought'}`, { shipmentId: id }, at);
    return { kind: 'carrier', weight, shipmentId: id };
  }

  /**
   * A return label for the items of a return, inside the caller's transaction: the same carriers and rules as
   * an outbound parcel from the same shop to the same customer, flagged as a return so the carrier swaps them.
   * The local courier makes its label at once; carrier labels are bought by the queue.
   */
  function requestReturnLabel(args: {
    order: OrderRecord; returnId: number; returnNumber: string; at: string;
    lines: Array<{ sku: string; variantId: number | null; quantity: number; unitPriceMinor: number; title: string }>;
  }): number {
    const { order, at } = args;
    const r = rules();
    const from = repos.catalog.locationAddress(order.locationId)!;
    const printer = labelPrinter();
    const box = args.lines.map((l) => (l.variantId ? repos.shipping.skuPackage(l.variantId) : null)).find((id) => id !== null);
    const preset = (box ? repos.shipping.preset(box) : undefined) ?? repos.shipping.presets().find((p) => p.isDefault);
    const weight = parcelWeight(repos, { lines: args.lines, packageId: preset?.id ?? null, scaleGrams: null });
    const customs = from.countryCode !== order.shipTo.countryCode
      ? customsFor(repos, { orderNumber: order.number, currency: order.currency, signer: r.customsSigner, lines: args.lines }) : null;
    const reference = `pb-${randomUUID()}`;
    const request: ParcelRequest = {
      reference, orderNumber: `${order.number} ${args.returnNumber}`, from, to: order.shipTo, isReturn: true,
      parcel: { lengthMm: preset?.lengthMm ?? 300, widthMm: preset?.widthMm ?? 200, heightMm: preset?.heightMm ?? 100, weightGrams: Math.max(1, weight.grams) },
      customs: customs?.declaration ?? null, label: { dpi: printer.dpi, size: printer.labelSize },
    };
    const base = {
      orderId: order.id, sessionId: null, parcelNo: 0, final: false, idempotencyKey: reference, request, returnId: args.returnId,
      lines: args.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), weightGrams: weight.grams, weightSource: weight.source,
      packageName: preset?.name ?? '', at,
    };
    const local = localAccount(order, from);
    if (local) {
      const p = localPurchase(request, repos.shipping.localSequence() + 1, { priceMinor: local.config.localPriceMinor ?? 0, currency: order.currency });
      const id = repos.shipping.insertShipment({ ...base, carrierId: local.id, status: 'bought', words: '' });
      const jobId = repos.print.createJob({ printerId: printer.id, orderId: order.id, sessionId: null, parcelNo: null, kind: 'label', zpl: p.zpl, at });
      repos.shipping.updateShipment(id, {
        carrierName: LOCAL_CARRIER_NAME, service: p.service, trackingNumber: p.trackingNumber, remoteLabelId: p.remoteLabelId, priceMinor: p.priceMinor,
        currency: p.currency, printJobId: jobId, boughtAt: at, rate: null,
      }, at);
      deps.returnLabelBought?.(repos.shipping.shipment(id)!, at);
      return id;
    }
    const problems = [
      ...addressProblems({ from, to: order.shipTo, orderNumber: order.number, carrierName: 'the carrier', refusesPoBox: false }).map((p) => p.words),
      ...(customs?.problems ?? []),
    ];
    const words = problems.length ? problems.join(' ') : 'Return label pending: waiting to be bought.';
    const id = repos.shipping.insertShipment({ ...base, carrierId: null, status: problems.length ? 'held' : 'pending', words });
    if (problems.length) repos.orders.addEvent(order.id, 'label_held', deps.actor(), `Return label for ${args.returnNumber}: it cannot be bought yet. ${words}`, { shipmentId: id }, at);
    return id;
  }

  function shipmentOrThrow(id: number) {
    const s = repos.shipping.shipment(id);
    if (!s) throw new AppError('not_found', `Shipment ${id} does not exist.`, 'Reload the Shipments screen.');
    return s;
  }

  /** Buy again: a held label after its order or carrier settings were fixed, or a waiting one right now. */
  function retry(id: number): Shipment {
    const s = shipmentOrThrow(id);
    if (s.status === 'bought' || s.status === 'voided' || s.status === 'voiding') {
      throw new AppError('conflict', `The label for ${s.orderNumber} parcel ${s.parcelNo} is ${s.status === 'bought' ? 'already bought' : 'voided'}; it is not bought again.`,
        s.status === 'bought' ? 'Use Reprint for another copy.' : 'Nothing else to do.');
    }
    repos.transaction(() => {
      if (s.status === 'held') {
        // the order may have been fixed since: the parcel is described again from it
        const order = repos.orders.record(s.orderId)!;
        const from = repos.catalog.locationAddress(order.locationId)!;
        const req = s.request as ParcelRequest;
        const problems = addressProblems({ from, to: order.shipTo, orderNumber: order.number, carrierName: 'the carrier', refusesPoBox: false }).map((p) => p.words);
        // customs are read again too: the owner may have added a missing country of origin
        let customs = req.customs;
        if (from.countryCode !== order.shipTo.countryCode) {
          const orderLines = repos.orders.lines(order.id);
          const priced = s.lines.map((l) => {
            const line = orderLines.find((ol) => ol.sku === l.sku);
            return { sku: l.sku, variantId: line?.variantId ?? null, quantity: l.quantity, unitPriceMinor: line?.unitPriceMinor ?? 0, title: line?.title ?? l.sku };
          });
          const c = customsFor(repos, { orderNumber: order.number, currency: order.currency, signer: rules().customsSigner, lines: priced });
          problems.push(...c.problems);
          customs = c.declaration;
        }
        const weighed = reweigh(s, req);
        problems.push(...weighed.problems);
        if (problems.length) throw new AppError('conflict', problems.join(' '), 'Nothing was bought.');
        const fresh = { ...req, from, to: order.shipTo, customs, parcel: { ...req.parcel, weightGrams: weighed.grams } };
        repos.shipping.updateRequest(s.id, fresh);
        if (weighed.grams !== s.weightGrams) repos.shipping.updateShipment(s.id, { weightGrams: weighed.grams }, now());
      }
      repos.shipping.updateShipment(s.id, { status: s.remoteLabelId ? 'buying' : 'pending', nextAttemptAt: null, words: 'Label pending: buying now.' }, now());
    });
    queue.kick();
    return publicShipment(shipmentOrThrow(id));
  }

  /** What the parcel is declared as today: the order's addresses and customs now (the owner may have fixed them). */
  function describeAgain(s: ShipmentRecord, order: OrderRecord): { from: Address; customs: ParcelRequest['customs']; problems: string[] } {
    const from = repos.catalog.locationAddress(order.locationId)!;
    const problems = addressProblems({ from, to: order.shipTo, orderNumber: order.number, carrierName: 'the carrier', refusesPoBox: false }).map((p) => p.words);
    let customs = (s.request as ParcelRequest).customs;
    if (from.countryCode !== order.shipTo.countryCode) {
      const orderLines = repos.orders.lines(order.id);
      const priced = s.lines.map((l) => {
        const line = orderLines.find((ol) => ol.sku === l.sku);
        return { sku: l.sku, variantId: line?.variantId ?? null, quantity: l.quantity, unitPriceMinor: line?.unitPriceMinor ?? 0, title: line?.title ?? l.sku };
      });
      const c = customsFor(repos, { orderNumber: order.number, currency: order.currency, signer: rules().customsSigner, lines: priced });
      problems.push(...c.problems);
      customs = c.declaration;
    }
    return { from, customs, problems };
  }

  /**
   * Buy again after a void: a new label for the same parcel under a new idempotency key (the voided
   * purchase's reference is never reused), chosen by today's rules. Its fulfilment carries the new tracking.
   */
  function buyAgain(id: number, change: { packageId?: number | null; weightGrams?: number | null } = {}): Shipment {
    const s = shipmentOrThrow(id);
    if (s.status !== 'voided') {
      throw new AppError('conflict', `The label for ${s.orderNumber} parcel ${s.parcelNo} is ${SHIPMENT_STATE_WORDS[s.status]}; only a voided label is bought again.`,
        s.status === 'held' || s.status === 'pending' ? 'Use Buy now instead.' : 'Void it first if it must be replaced.');
    }
    if (s.replacedById) throw new AppError('conflict', `The voided label for ${s.orderNumber} parcel ${s.parcelNo} was bought again already.`, 'See the newer label in the list.');
    const live = repos.shipping.liveShipmentForParcel(s.orderId, s.parcelNo);
    if (live) throw new AppError('conflict', `${s.orderNumber} parcel ${s.parcelNo} already has a label (${SHIPMENT_STATE_WORDS[live.status]}).`, 'Void that one first if it must be replaced.');
    const order = repos.orders.record(s.orderId)!;
    if (order.status === 'cancelled') throw new AppError('conflict', `Order ${order.number} is cancelled, so no label is bought for it.`, 'Nothing was bought.');
    const { from, customs, problems } = describeAgain(s, order);
    const voidedRequest = s.request as ParcelRequest;
    // a label is often voided because the box or the weight was wrong: the packer may give the right ones
    const box = change.packageId ? repos.shipping.preset(change.packageId) : undefined;
    if (change.packageId && !box) throw new AppError('not_found', `Box ${change.packageId} does not exist.`, 'Choose a box from the list.');
    const old: ParcelRequest = box
      ? { ...voidedRequest, parcel: { ...voidedRequest.parcel, lengthMm: box.lengthMm, widthMm: box.widthMm, heightMm: box.heightMm, boxGrams: box.emptyGrams } }
      : voidedRequest;
    const weighed = change.weightGrams ? { grams: change.weightGrams, problems: [] } : reweigh(s, old);
    problems.push(...weighed.problems);
    if (problems.length) throw new AppError('conflict', problems.join(' '), 'Nothing was bought. Fix the order, then press Buy again.');
    const printer = labelPrinter();
    const reference = `pb-${randomUUID()}`;
    const request: ParcelRequest = { ...old, reference, from, to: order.shipTo, customs, parcel: { ...old.parcel, weightGrams: weighed.grams }, label: { dpi: printer.dpi, size: printer.labelSize } };
    const at = now();
    const base = {
      orderId: s.orderId, sessionId: s.sessionId, parcelNo: s.parcelNo, final: s.final, idempotencyKey: reference, request, lines: s.lines,
      weightGrams: weighed.grams, weightSource: change.weightGrams ? 'scale' as const : s.weightSource, packageName: box?.name ?? s.packageName, at, replacesId: s.id,
    };
    const local = localAccount(order, from);
    const newId = repos.transaction(() => {
      if (local) {
        // the local courier makes its label here and now, and its fulfilment goes with it (as at pack time)
        const p = localPurchase(request, repos.shipping.localSequence() + 1, { priceMinor: local.config.localPriceMinor ?? 0, currency: order.currency });
        const nid = repos.shipping.insertShipment({ ...base, carrierId: local.id, status: 'bought', words: '' });
        const job = repos.print.createJob({ printerId: printer.id, orderId: order.id, sessionId: s.sessionId, parcelNo: s.parcelNo, kind: 'label', zpl: p.zpl, at });
        repos.shipping.updateShipment(nid, {
          carrierName: LOCAL_CARRIER_NAME, service: p.service, trackingNumber: p.trackingNumber, remoteLabelId: p.remoteLabelId, priceMinor: p.priceMinor,
          currency: p.currency, printJobId: job, boughtAt: at, rate: null,
        }, at);
        const sent = repos.shipping.fulfilmentRows(s.orderId, s.parcelNo, s.trackingNumber).sent.length > 0;
        repos.outbox.enqueue('order.fulfilled', order.channelId, {
          orderId: order.id, externalId: order.externalId, parcelNo: s.parcelNo, final: s.final, lines: s.lines,
          tracking: { company: local.name, number: p.trackingNumber, url: '' }, ...(sent ? { replacesTracking: s.trackingNumber } : {}),
        }, at);
        repos.orders.addEvent(order.id, 'label_bought', deps.actor(), `Parcel ${s.parcelNo}: ${local.name} label made again (replaces ${s.trackingNumber}), tracking ${p.trackingNumber}`, { shipmentId: nid, replaces: s.id }, at);
        return nid;
      }
      const nid = repos.shipping.insertShipment({ ...base, carrierId: null, status: 'pending', words: 'Label pending: buying again.' });
      repos.orders.addEvent(order.id, 'label_pending', deps.actor(), `Parcel ${s.parcelNo}: label to be bought again (replaces voided ${s.trackingNumber})`, { shipmentId: nid, replaces: s.id }, at);
      return nid;
    });
    const fresh = shipmentOrThrow(newId);
    deps.emit('shipments.changed', { orderId: fresh.orderId, shipmentId: fresh.id, status: fresh.status, words: fresh.words });
    deps.emit('shipments.changed', { orderId: s.orderId, shipmentId: s.id, status: s.status, words: s.words });
    deps.emit('orders.changed', { ids: [s.orderId] });
    if (fresh.printJobId) void print.dispatch(fresh.printJobId);
    queue.kick();
    return publicShipment(fresh);
  }

  function voidLabel(id: number): Shipment {
    const s = shipmentOrThrow(id);
    if (s.status !== 'bought') throw new AppError('conflict', `Only a bought label can be voided; this one is ${s.status}.`, s.status === 'pending' || s.status === 'held' ? 'It was never bought, so there is nothing to refund.' : undefined);
    if (s.voidableUntil && Date.parse(s.voidableUntil) < clock.now().getTime()) {
      throw new AppError('conflict', `The label ${s.trackingNumber} was bought on ${s.boughtAt?.slice(0, 10)}, past ${s.carrierName}'s void window (until ${s.voidableUntil.slice(0, 10)}).`, 'Ask the carrier for a refund directly.');
    }
    repos.shipping.updateShipment(id, { status: 'voiding', words: 'Asking the carrier to void the label…', nextAttemptAt: null }, now());
    queue.kick();
    return publicShipment(shipmentOrThrow(id));
  }

  function reprint(id: number): PrintJob {
    const s = shipmentOrThrow(id);
    if (!s.printJobId) throw new AppError('conflict', `The label for ${s.orderNumber} parcel ${s.parcelNo} has not been bought yet, so there is nothing to reprint.`, s.words || 'Wait for it to be bought.');
    if (s.status === 'voided') throw new AppError('conflict', `The label ${s.trackingNumber} was voided; a copy would not be valid.`);
    return print.reprint(s.printJobId);
  }

  async function createManifest(carrierId: number): Promise<Manifest> {
    const account = repos.shipping.carrier(carrierId);
    if (!account) throw new AppError('not_found', `Carrier account ${carrierId} does not exist.`, 'Reload the Shipments screen.');
    const labels = repos.shipping.unmanifested(carrierId);
    if (!labels.length) throw new AppError('conflict', `No ${account.name} labels are waiting for a manifest: every bought label is on one already.`, 'Buy labels first; the manifest collects them at the end of the day.');
    const from = repos.catalog.locationAddress(repos.orders.record(labels[0]!.orderId)!.locationId)!;
    let result;
    try {
      result = await carrierFor(account).manifest({
        from, shipDate: now(),
        labels: labels.map((l) => ({ remoteShipmentId: l.remoteShipmentId, remoteLabelId: l.remoteLabelId, trackingNumber: l.trackingNumber, account: (l.rate as { account?: string } | null)?.account ?? '' })),
      });
    } catch (e) {
      if (!isCarrierError(e)) throw e;
      throw new AppError('conflict', `${account.name} did not make the manifest: ${e.message} Nothing was changed; the labels still wait for a manifest.`, 'Try again in a minute; if it repeats, check Settings → Carriers.');
    }
    const printer = labelPrinter();
    const at = now();
    const zpl = renderManifestZpl({ carrierName: account.name, createdAt: at, remoteId: result.remoteId, barcode: result.barcode, from, labels }, printer);
    const { manifestId, jobId } = repos.transaction(() => {
      const jobId = repos.print.createJob({ printerId: printer.id, orderId: null, sessionId: null, parcelNo: null, kind: 'label', zpl, at });
      const manifestId = repos.shipping.insertManifest({ carrierId, remoteId: result.remoteId, status: 'created', words: `${labels.length} label(s) on ${account.name} manifest ${result.remoteId}.`, shipmentCount: labels.length, documentUrl: result.documentUrl, printJobId: jobId, at });
      for (const l of labels) repos.shipping.updateShipment(l.id, { manifestId }, at);
      return { manifestId, jobId };
    });
    void print.dispatch(jobId);
    for (const l of labels) deps.emit('shipments.changed', { orderId: l.orderId, shipmentId: l.id, status: l.status, words: l.words });
    return repos.shipping.manifest(manifestId)!;
  }

  function skuDefaults(sku: string) {
    const v = repos.catalog.variantBySku(sku);
    if (!v) throw new AppError('not_found', `SKU ${sku} is not in the catalog.`, 'Check the SKU.');
    const c = repos.shipping.customsOf(v.id);
    return { sku, hsCode: c.hsCode, originCountry: c.originCountry, defaultPackageId: repos.shipping.skuPackage(v.id) };
  }

  function parcelPlan(sessionId: number) {
    const session = repos.pack.session(sessionId);
    if (!session) throw new AppError('not_found', `Packing session ${sessionId} does not exist.`);
    // what this parcel is to hold (a split parcel: what is still to pack)
    const lines = lineStates(repos, session).map((l) => ({ variantId: l.variantId, quantity: l.expected }));
    const { weight, box } = weigh(sessionId, lines);
    const r = rules();
    const plan = !r.buyLabels || !repos.shipping.carriers().some((c) => c.enabled)
      ? 'An address label is printed (no carrier labels are bought: turn it on in Settings → Carriers).'
      : weight.source === 'catalog' && weight.unweighed.length
        ? `Weigh this parcel and type its weight: the catalog has no weight for ${weight.unweighed.join(', ')}, so a label bought now would declare too little and is held.`
        : `A carrier label is bought for ${(weight.grams / 1000).toFixed(3)} kg${box ? ` in the ${box.name}` : ''} and printed when it arrives.`;
    return { sessionId, packageId: box?.id ?? null, packageName: box?.name ?? '', weightGrams: weight.grams, weightSource: weight.source, plan };
  }

  return {
    queue,
    tracking,
    carrierFor,
    async checkTracking(id: number): Promise<Shipment> {
      await tracking.checkNow(id);
      return publicShipment(shipmentOrThrow(id));
    },
    rules,
    saveRules(next: ShippingRules): ShippingRules {
      const parsed = ShippingRulesSchema.parse(next);
      const known = new Set(repos.shipping.carriers().map((c) => c.id));
      const unknown = [...parsed.fallback.carrierIds, ...parsed.byDestination.flatMap((r) => r.carrierIds)].find((id) => !known.has(id));
      if (unknown) throw new AppError('invalid_request', `Carrier account ${unknown} does not exist.`, 'Reload Settings and choose the carriers again.');
      repos.settings.set(RULES_KEY, parsed);
      queue.kick();
      return parsed;
    },
    carriers: () => repos.shipping.carriers().map(publicCarrier),
    saveCarrier,
    presets: () => repos.shipping.presets(),
    savePreset,
    removePreset(id: number) {
      if (!repos.shipping.preset(id)) throw new AppError('not_found', `Box ${id} does not exist.`, 'Reload Settings.');
      repos.transaction(() => repos.shipping.removePreset(id));
      return repos.shipping.presets();
    },
    skuDefaults,
    saveSkuDefaults(input: { sku: string; hsCode: string; originCountry: string; defaultPackageId: number | null }) {
      const v = repos.catalog.variantBySku(input.sku);
      if (!v) throw new AppError('not_found', `SKU ${input.sku} is not in the catalog.`, 'Check the SKU.');
      if (input.defaultPackageId && !repos.shipping.preset(input.defaultPackageId)) throw new AppError('not_found', `Box ${input.defaultPackageId} does not exist.`, 'Choose a box from the list.');
      repos.transaction(() => repos.shipping.setSkuDefaults(v.id, input.hsCode.replace(/\./g, ''), input.originCountry, input.defaultPackageId));
      return skuDefaults(input.sku);
    },
    parcelPlan,
    chooseParcel(input: { sessionId: number; packageId?: number | null | undefined; weightGrams?: number | null | undefined }) {
      const session = repos.pack.session(input.sessionId);
      if (!session || session.status !== 'active') throw new AppError('conflict', 'This parcel is not open on the bench any more.', 'Open the order again.');
      if (input.packageId && !repos.shipping.preset(input.packageId)) throw new AppError('not_found', `Box ${input.packageId} does not exist.`, 'Choose a box from the list.');
      const current = repos.shipping.parcelChoice(input.sessionId);
      repos.shipping.setParcelChoice(input.sessionId, input.packageId === undefined ? (current?.packageId ?? null) : input.packageId,
        input.weightGrams === undefined ? (current?.weightGrams ?? null) : input.weightGrams, now());
      return parcelPlan(input.sessionId);
    },
    parcelPacked,
    requestReturnLabel,
    /** the adapter for a carrier account (tracking a parcel on its way back); throws a CarrierError in words */
    carrier(accountId: number): Carrier {
      const account = repos.shipping.carrier(accountId);
      if (!account) throw new AppError('not_found', `Carrier account ${accountId} does not exist.`);
      return carrierFor(account);
    },
    weigh,
    list: (f: Parameters<Repos['shipping']['listShipments']>[0]) => repos.shipping.listShipments(f).map(publicShipment),
    get: (id: number) => publicShipment(shipmentOrThrow(id)),
    retry, buyAgain, voidLabel, reprint, createManifest,
    manifests: (limit: number) => repos.shipping.manifests(limit),
    close() { queue.stop(); tracking.stop(); },
  };
}
export type ShippingService = ReturnType<typeof createShippingService>;
