import { ruledRates } from '../services/rule-shipping';
import { checkTrackingNumber } from '../../../shared/codes/tracking';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { ShippingRules } from '../../../shared/contract/shipping';
import { isoNow, type Clock } from '../clock';
import type { OrdersService } from '../services/orders-service';
import type { PrintService } from '../services/print-service';
import type { Repos } from '../store';
import type { CarrierRow, ShipmentRecord } from '../store/shipping-repo';
import { isCarrierError, type Carrier, type CarrierError, type ParcelRequest, type Purchase, type Rate } from './carrier';
import { addressProblems } from './address-check';
import { carrierLabelToZpl, type LabelPrinter } from './label-bytes';
import { chooseRate, ruleFor, type QuotedRate } from './rate-rules';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type LabelQueueDeps = {
  repos: Repos;
  clock: Clock;
  actor: () => string;
  emit: Emit;
  print: PrintService;
  orders: OrdersService;
  rules: () => ShippingRules;
  labelPrinter: () => LabelPrinter & { id: number };
  /** the adapter for an account, or a CarrierError in words (no key, unknown kind) */
  carrierFor: (account: CarrierRow) => Carrier;
  /** waits between tries while a carrier is unreachable; the last repeats */
  retryDelaysMs?: number[] | undefined;
  concurrency?: number | undefined;
  /** a return label was bought: called inside the transaction that records it, instead of a fulfilment */
  returnLabelBought?: ((s: ShipmentRecord, at: string) => void) | undefined;
};

/** How the timeline names a label: the parcel it goes on, or the return it brings back. */
export function labelName(s: { parcelNo: number; returnId?: number | null }): string {
  return s.returnId ? 'Return label' : `Parcel ${s.parcelNo}`;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 5000, 10_000, 15_000];

/**
 * Buys the labels the pack bench queued. Each row goes pending -> buying -> bought, and "buying" is
 * committed before the purchase request leaves, so after a crash, a timeout or a lost answer the row says
 * "this may have been bought": the carrier is asked for it by reference before anything is bought again.
 */
export function createLabelQueue(deps: LabelQueueDeps) {
  const { repos, clock, emit } = deps;
  const delays = deps.retryDelaysMs?.length ? deps.retryDelaysMs : DEFAULT_DELAYS;
  const concurrency = deps.concurrency ?? 4;
  const running = new Map<number, Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let pumping = false;
  let again = false;

  const now = () => isoNow(clock);
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  function changed(s: ShipmentRecord | undefined) {
    if (!s) return;
    emit('shipments.changed', { orderId: s.orderId, shipmentId: s.id, status: s.status, words: s.words });
    emit('orders.changed', { ids: [s.orderId] });
  }

  function update(id: number, patch: Parameters<Repos['shipping']['updateShipment']>[1]) {
    repos.shipping.updateShipment(id, patch, now());
    const s = repos.shipping.shipment(id);
    changed(s);
    return s;
  }

  /** Waits and says why, in words; the attempt counter sets the wait. */
  function waitAgain(s: ShipmentRecord, words: string, status: 'pending' | 'buying' | 'voiding', retryAfterMs?: number) {
    const delay = retryAfterMs ?? delays[Math.min(s.attempts, delays.length - 1)]!;
    update(s.id, { status, words, nextAttemptAt: later(delay) });
    schedule();
  }

  function hold(s: ShipmentRecord, words: string) {
    repos.transaction(() => {
      repos.shipping.updateShipment(s.id, { status: 'held', words, nextAttemptAt: null }, now());
      repos.orders.addEvent(s.orderId, 'label_held', deps.actor(), `${labelName(s)}: the label was not bought. ${words}`, { shipmentId: s.id }, now());
    });
    changed(repos.shipping.shipment(s.id));
  }

  function waitingWords(e: CarrierError, stage: 'quote' | 'buy' | 'label'): string {
    const kept = stage === 'quote' ? 'Nothing was bought yet.' : stage === 'buy' ? 'Packbench will check whether it was bought before trying again, so it is never bought twice.' : 'The label is bought; Packbench fetches it again.';
    return `Label pending: ${e.message} ${kept} It is tried again by itself; you can go on packing.`;
  }

  function candidates(s: ShipmentRecord, req: ParcelRequest): { accounts: CarrierRow[]; refused: string[] } {
    const rule = ruleFor(deps.rules(), req.from.countryCode, req.to.countryCode);
    const enabled = repos.shipping.carriers().filter((c) => c.enabled && c.kind !== 'local');
    const allowed = rule.carrierIds.length ? enabled.filter((c) => rule.carrierIds.includes(c.id)) : enabled;
    const refused: string[] = [];
    const accounts = allowed.filter((c) => {
      const problems = addressProblems({ from: req.from, to: req.to, orderNumber: req.orderNumber, carrierName: c.name, refusesPoBox: c.config.refusesPoBox ?? false });
      if (problems.length) refused.push(...problems.map((p) => p.words));
      return problems.length === 0;
    });
    void s;
    return { accounts, refused: [...new Set(refused)] };
  }

  async function quoteAndChoose(s: ShipmentRecord, req: ParcelRequest): Promise<ShipmentRecord | null> {
    const { accounts, refused } = candidates(s, req);
    if (!accounts.length) {
      hold(s, refused[0] ?? 'No carrier account is set up for this destination. Add one in Settings → Carriers, or change the shipping rule, then press Buy again.');
      return null;
    }
    const rule = ruleFor(deps.rules(), req.from.countryCode, req.to.countryCode);
    const rates: Array<QuotedRate & { remoteShipmentId: string }> = [];
    const failures: CarrierError[] = [];
    const messages: string[] = [];
    await Promise.all(accounts.map(async (account) => {
      try {
        const quote = await deps.carrierFor(account).quote(req);
        messages.push(...quote.messages.map((m) => `${account.name}: ${m}`));
        for (const r of quote.rates) rates.push({ ...r, carrierId: account.id, remoteShipmentId: quote.remoteShipmentId });
      } catch (e) {
        if (!isCarrierError(e)) throw e;
        failures.push(e);
      }
    }));
    if (!rates.length) {
      const retryable = failures.find((f) => f.kind === 'unreachable' || f.kind === 'unknown' || f.kind === 'busy');
      if (retryable) {
        update(s.id, { countAttempt: true });
        waitAgain(repos.shipping.shipment(s.id)!, waitingWords(retryable, 'quote'), 'pending', retryable.retryAfterMs);
      } else {
        const why = failures.map((f) => f.message).concat(messages).join(' ') || 'No carrier offered a rate for this parcel.';
        hold(s, `${why} Fix the order or the carrier settings, then press Buy again.`);
      }
      return null;
    }
    // a rule on the order may name the carrier (and service) to use
    const ruled = ruledRates(repos, s.orderId, rates);
    if (!ruled.rates.length) {
      hold(s, ruled.why);
      return null;
    }
    const choice = chooseRate(rule, ruled.rates);
    if (!choice.rate) {
      hold(s, choice.why);
      return null;
    }
    const chosen = choice.rate as QuotedRate & { remoteShipmentId: string };
    const { remoteShipmentId, carrierId, ...rate } = chosen;
    return update(s.id, {
      carrierId, remoteShipmentId, rate, carrierName: rate.carrier, service: rate.service, priceMinor: rate.priceMinor, currency: rate.currency,
      words: `Buying ${rate.carrier} ${rate.service} (${choice.why}).`,
    }) ?? null;
  }

  /** Records a purchase, fetches and normalises its label, then commits label job, fulfilment and timeline together. */
  async function complete(s: ShipmentRecord, carrier: Carrier, purchase: Purchase, rate: Rate | null) {
    const carrierName = purchase.carrier || rate?.carrier || s.carrierName;
    const check = checkTrackingNumber(purchase.trackingNumber, carrierName);
    // kept first: from here on this parcel is never bought again, whatever happens next
    update(s.id, {
      remoteLabelId: purchase.remoteLabelId, trackingNumber: check.ok ? check.number : purchase.trackingNumber, trackingUrl: purchase.trackingUrl,
      ...(purchase.remoteShipmentId ? { remoteShipmentId: purchase.remoteShipmentId } : {}),
      carrierName, service: purchase.service || rate?.service || s.service,
      priceMinor: purchase.priceMinor ?? rate?.priceMinor ?? s.priceMinor, currency: purchase.currency || rate?.currency || s.currency,
    });
    if (!check.ok) {
      hold(repos.shipping.shipment(s.id)!, `${carrierName} sold a label whose tracking number does not check out: ${check.message} It was not sent to the shop. Void it on the Shipments screen and buy again, or ask the carrier.`);
      return;
    }
    const printer = deps.labelPrinter();
    let bytes: Buffer;
    try {
      bytes = await carrier.fetchLabel(purchase.label);
    } catch (e) {
      if (!isCarrierError(e)) throw e;
      waitAgain(repos.shipping.shipment(s.id)!, waitingWords(e, 'label'), 'buying', e.retryAfterMs);
      return;
    }
    let zpl: string;
    try {
      zpl = (await carrierLabelToZpl(purchase.label, bytes, printer)).zpl;
    } catch (e) {
      const words = e instanceof Error ? e.message : String(e);
      hold(repos.shipping.shipment(s.id)!, `The label was bought (tracking ${check.number}) but cannot be printed here: ${words}`);
      return;
    }
    const at = now();
    const jobId = repos.transaction(() => {
      const fresh = repos.shipping.shipment(s.id)!;
      if (fresh.status === 'bought') return null; // another pass got here first
      const order = repos.orders.record(fresh.orderId)!;
      const job = repos.print.createJob({ printerId: printer.id, orderId: fresh.orderId, sessionId: fresh.sessionId, parcelNo: fresh.parcelNo, kind: 'label', zpl, at });
      repos.shipping.updateShipment(fresh.id, { status: 'bought', words: '', printJobId: job, boughtAt: at, nextAttemptAt: null }, at);
      if (fresh.returnId) {
        // a return label brings the parcel back: no fulfilment, the order keeps its status
        deps.returnLabelBought?.(repos.shipping.shipment(fresh.id)!, at);
        return job;
      }
      // INTERFACES.md item 2: the fulfilment of a carrier parcel is written with its bought label and tracking.
      // A label bought again after a void: the voided one's fulfilment never left (withheld at the void) or the
      // shop has it already, and then this row says which tracking number it replaces.
      const replaced = fresh.replacesId ? repos.shipping.shipment(fresh.replacesId) : undefined;
      const replacesTracking = replaced && repos.shipping.fulfilmentRows(replaced.orderId, replaced.parcelNo, replaced.trackingNumber).sent.length ? replaced.trackingNumber : null;
      repos.outbox.enqueue('order.fulfilled', order.channelId, {
        orderId: order.id, externalId: order.externalId, parcelNo: fresh.parcelNo, final: fresh.final, lines: fresh.lines,
        tracking: { company: fresh.carrierName, number: fresh.trackingNumber, url: fresh.trackingUrl },
        ...(replacesTracking ? { replacesTracking } : {}),
      }, at);
      const price = fresh.priceMinor !== null ? ` for ${(fresh.priceMinor / 100).toFixed(2)} ${fresh.currency}` : '';
      repos.orders.addEvent(order.id, 'label_bought', deps.actor(), `Parcel ${fresh.parcelNo}: ${fresh.carrierName} ${fresh.service} label bought${price}, tracking ${fresh.trackingNumber}`,
        { shipmentId: fresh.id, trackingNumber: fresh.trackingNumber }, at);
      if (fresh.final && order.status === 'packed') deps.orders.applyTransition(order.id, 'shipped', '', deps.actor(), at);
      return job;
    });
    changed(repos.shipping.shipment(s.id));
    if (jobId) void deps.print.dispatch(jobId);
    // the carrier answers again: everything waiting for it goes now rather than at its next slot
    releaseWaiting(s.carrierId);
  }

  function releaseWaiting(carrierId: number | null) {
    for (const w of repos.shipping.listShipments({ status: 'pending', limit: 500 }).concat(repos.shipping.listShipments({ status: 'buying', limit: 500 }))) {
      if (w.nextAttemptAt && (w.carrierId === carrierId || w.carrierId === null)) repos.shipping.updateShipment(w.id, { nextAttemptAt: null }, now());
    }
    schedule(0);
  }

  async function buyOne(id: number) {
    let s = repos.shipping.shipment(id);
    if (!s || (s.status !== 'pending' && s.status !== 'buying')) return;
    const req = s.request as ParcelRequest;

    if (s.status === 'buying' || s.remoteLabelId) {
      // the last purchase request may have been carried out: ask before buying again
      const account = s.carrierId ? repos.shipping.carrier(s.carrierId) : undefined;
      if (!account) { hold(s, 'The carrier account of this label was removed. Add it back, or press Buy again to choose another.'); return; }
      let carrier: Carrier;
      try { carrier = deps.carrierFor(account); } catch (e) { hold(s, (e as Error).message); return; }
      const rate = s.rate as Rate | null;
      let found: Purchase | null;
      try {
        found = await carrier.find({ reference: s.idempotencyKey, remoteShipmentId: s.remoteShipmentId, rateId: rate?.id ?? '' });
      } catch (e) {
        if (!isCarrierError(e)) throw e;
        if (e.kind === 'auth') { hold(s, `${e.message} Fix the key in Settings → Carriers, then press Buy again.`); return; }
        waitAgain(s, waitingWords(e, 'buy'), 'buying', e.retryAfterMs);
        return;
      }
      if (found) { await complete(s, carrier, found, rate); return; }
      if (s.remoteLabelId) { hold(s, `${account.name} no longer finds the label it sold (tracking ${s.trackingNumber}). Check the carrier's dashboard before buying another.`); return; }
      s = update(s.id, { status: 'pending' })!; // the carrier has no purchase for it: buying is safe
    }

    // an order its shop changed after packing is held until someone decides (sync conflicts): no label before that
    const order = repos.orders.status(s.orderId);
    if (order?.status === 'cancelled') { hold(s, 'The order was cancelled, so no label was bought.'); return; }
    if (order?.status === 'on_hold') { waitAgain(s, 'Label waits: the order is on hold (its banner on the order screen says why); it is bought once the order is released.', 'pending', 15_000); return; }

    if (!s.remoteShipmentId || !s.rate) {
      const chosen = await quoteAndChoose(s, req);
      if (!chosen) return;
      s = chosen;
    }
    const account = repos.shipping.carrier(s.carrierId!);
    if (!account) { hold(s, 'The carrier account chosen for this label was removed. Press Buy again to choose another.'); return; }
    let carrier: Carrier;
    try { carrier = deps.carrierFor(account); } catch (e) { hold(s, (e as Error).message); return; }
    const rate = s.rate as Rate;
    s = update(s.id, { status: 'buying', countAttempt: true, words: `Buying ${rate.carrier} ${rate.service}…` })!;
    let purchase: Purchase;
    try {
      purchase = await carrier.buy(req, s.remoteShipmentId, rate);
    } catch (e) {
      if (!isCarrierError(e)) throw e;
      if (e.kind === 'unreachable') { waitAgain(s, waitingWords(e, 'quote'), 'pending', e.retryAfterMs); return; }
      if (e.kind === 'unknown' || e.kind === 'busy') { waitAgain(s, waitingWords(e, 'buy'), 'buying', e.retryAfterMs); return; }
      // refused: perhaps because it was bought already (an earlier answer lost); only a look-up can tell
      try {
        const found = await carrier.find({ reference: s.idempotencyKey, remoteShipmentId: s.remoteShipmentId, rateId: rate.id });
        if (found) { await complete(s, carrier, found, rate); return; }
      } catch { /* the refusal below says what to do */ }
      const fix = e.kind === 'auth' ? 'Fix the key in Settings → Carriers' : 'Fix the order (address, weight, customs) or the carrier settings';
      update(s.id, { status: 'pending', remoteShipmentId: '', rate: null });
      hold(repos.shipping.shipment(s.id)!, `${e.message} ${fix}, then press Buy again.`);
      return;
    }
    await complete(s, carrier, purchase, rate);
  }

  async function voidOne(id: number) {
    const s = repos.shipping.shipment(id);
    if (!s || s.status !== 'voiding') return;
    const account = s.carrierId ? repos.shipping.carrier(s.carrierId) : undefined;
    const finish = (words: string) => {
      repos.transaction(() => {
        const at = now();
        repos.shipping.updateShipment(s.id, { status: 'voided', words, voidedAt: at, nextAttemptAt: null }, at);
        // a voided label's tracking must not reach the shop: its fulfilment, if it never left, is withheld;
        // the label bought again brings its own (never both)
        const { unsent } = repos.shipping.fulfilmentRows(s.orderId, s.parcelNo, s.trackingNumber);
        for (const id of unsent) repos.outboxDrain.skip(id, `Not sent: label ${s.trackingNumber} was voided before the shop heard of it; a label bought again sends its own tracking.`, at);
        repos.orders.addEvent(s.orderId, 'label_voided', deps.actor(), `${labelName(s)}: label ${s.trackingNumber} voided. ${words}`, { shipmentId: s.id, withheldFulfilments: unsent.length }, at);
      });
      changed(repos.shipping.shipment(s.id));
    };
    if (!account) { finish('Its carrier account was removed; the label was voided here only.'); return; }
    try {
      const r = await deps.carrierFor(account).void({ remoteShipmentId: s.remoteShipmentId, remoteLabelId: s.remoteLabelId });
      if (r.status === 'rejected') {
        update(s.id, { status: 'bought', words: `${account.name} refused to void the label: ${r.message || 'no reason given'}. It stays valid.`, nextAttemptAt: null });
        return;
      }
      finish(r.status === 'refunded' ? `${account.name} refunded the postage.` : `${account.name} accepted the void; the refund follows.`);
    } catch (e) {
      if (!isCarrierError(e)) throw e;
      if (e.kind === 'refused') {
        update(s.id, { status: 'bought', words: `${e.message} The label stays valid.`, nextAttemptAt: null });
        return;
      }
      waitAgain(s, `Voiding: ${e.message} Packbench asks again by itself.`, 'voiding', e.retryAfterMs);
    }
  }

  async function work(id: number) {
    try {
      const s = repos.shipping.shipment(id);
      if (s?.status === 'voiding') await voidOne(id);
      else await buyOne(id);
    } catch (e) {
      // a bug must not stop the queue or take the station down; the row keeps its state and says so
      console.error('[shipping] label queue failed on shipment', id, e);
      if (stopped) return; // the workspace was closed under it (reset demo): the row is read again on the next start
      try {
        const s = repos.shipping.shipment(id);
        if (s && (s.status === 'pending' || s.status === 'buying')) waitAgain(s, `Label pending: something went wrong inside Packbench (${e instanceof Error ? e.message : String(e)}). It is tried again by itself.`, s.status);
      } catch (inner) {
        console.error('[shipping] the label queue could not record the failure', inner);
      }
    }
  }

  function pump() {
    if (stopped) return;
    if (pumping) { again = true; return; }
    pumping = true;
    try {
      do {
        again = false;
        const free = concurrency - running.size;
        if (free <= 0) break;
        for (const id of repos.shipping.dueShipments(now(), free + running.size)) {
          if (running.has(id) || running.size >= concurrency) continue;
          const p = work(id).finally(() => { running.delete(id); pump(); });
          running.set(id, p);
        }
      } while (again);
    } finally {
      pumping = false;
    }
    schedule();
  }

  function schedule(ms?: number) {
    if (stopped) return;
    clearTimeout(timer);
    let wait = ms;
    if (wait === undefined) {
      // rows being worked on now are not "due": counting them would spin
      const waiting = repos.shipping.waiting().filter((w) => !running.has(w.id));
      if (!waiting.length) return;
      const at = Math.min(...waiting.map((w) => (w.nextAttemptAt ? Date.parse(w.nextAttemptAt) : 0)));
      wait = Math.max(0, at - clock.now().getTime());
    }
    timer = setTimeout(pump, Math.min(wait, 60_000));
    timer.unref?.();
  }

  return {
    kick: () => schedule(0),
    /** resolves when nothing is being bought right now (tests, benchmarks, shutdown) */
    async idle(): Promise<void> {
      while (running.size) await Promise.all([...running.values()]);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
export type LabelQueue = ReturnType<typeof createLabelQueue>;
