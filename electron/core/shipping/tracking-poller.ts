import { AppError } from '../../../shared/contract/errors';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { CarrierRow, ShipmentRecord } from '../store/shipping-repo';
import { isCarrierError, type Carrier } from './carrier';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type TrackingPollerDeps = {
  repos: Repos;
  clock: Clock;
  emit: Emit;
  carrierFor: (account: CarrierRow) => Carrier;
  /** how long a parcel's status is trusted before the carrier is asked again */
  everyMs?: number | undefined;
  /** how often the poller looks for parcels due (default: the interval, at most 5 minutes, at least 1 second) */
  pollMs?: number | undefined;
};

const DEFAULT_EVERY_MS = 30 * 60_000;
/** a parcel not delivered a month after its label was bought is not asked about any more */
const FOLLOW_FOR_MS = 30 * 86_400_000;
const PER_PASS = 40;

/**
 * Asks the carriers where bought parcels are (EasyPost trackers, Shippo track status) and keeps the answer on
 * the shipment. Offline-safe: a carrier that cannot be reached is skipped for the rest of the pass, the last
 * known status stays as it was, and the next pass asks again; nothing here ever blocks the bench.
 */
export function createTrackingPoller(deps: TrackingPollerDeps) {
  const { repos, clock } = deps;
  const everyMs = deps.everyMs ?? DEFAULT_EVERY_MS;
  const pollMs = deps.pollMs ?? Math.max(1000, Math.min(everyMs, 5 * 60_000));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<number> | null = null;

  const now = () => isoNow(clock);
  const ago = (ms: number) => new Date(clock.now().getTime() - ms).toISOString();

  /** One parcel: the carrier's answer is stored; an error is thrown up for the caller to judge. */
  async function trackOne(s: ShipmentRecord): Promise<void> {
    const account = s.carrierId ? repos.shipping.carrier(s.carrierId) : undefined;
    if (!account || !s.trackingNumber) return;
    const r = await deps.carrierFor(account).track(s.trackingNumber, s.carrierName);
    const at = now();
    const fresh = repos.shipping.shipment(s.id);
    if (!fresh || fresh.status !== 'bought') return; // voided meanwhile: its status no longer matters
    const moved = r.status !== fresh.trackingStatus;
    repos.shipping.updateShipment(s.id, { trackingStatus: r.status, trackingDetail: r.detail.slice(0, 300), trackedAt: at }, at);
    if (moved) repos.orders.addEvent(s.orderId, 'tracking', 'carrier', `Parcel ${s.parcelNo} (${s.trackingNumber}): ${r.detail || r.status}`, { shipmentId: s.id, status: r.status }, at);
    deps.emit('shipments.changed', { orderId: s.orderId, shipmentId: s.id, status: fresh.status, words: fresh.words });
  }

  /** Every parcel due; a carrier that cannot be reached is left alone for the rest of the pass (its parcels keep their last status). */
  async function pass(): Promise<number> {
    let asked = 0;
    const away = new Set<number | null>();
    for (const s of repos.shipping.trackable(ago(everyMs), ago(FOLLOW_FOR_MS), PER_PASS)) {
      if (stopped) break;
      if (away.has(s.carrierId)) continue;
      try {
        await trackOne(s);
        asked++;
      } catch (e) {
        if (!isCarrierError(e)) { console.error('[shipping] tracking failed on shipment', s.id, e); continue; }
        if (e.kind === 'unreachable' || e.kind === 'unknown' || e.kind === 'busy') { away.add(s.carrierId); continue; } // offline or busy: next pass
        // refused / auth: this parcel is not asked again until its next turn, and says why
        if (!stopped) repos.shipping.updateShipment(s.id, { trackingDetail: e.message.slice(0, 300), trackedAt: now() }, now());
      }
    }
    return asked;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running ??= pass().finally(() => { running = null; schedule(pollMs); });
    }, ms);
    timer.unref?.();
  }

  return {
    /** the first look soon after start (parcels may have moved while the station was off), then every pollMs */
    start() { schedule(deps.pollMs === undefined ? Math.min(pollMs, 10_000) : pollMs); },
    /** "Check tracking now" on one label: asks its carrier at once, and says in words when it cannot. */
    async checkNow(id: number): Promise<void> {
      const s = repos.shipping.shipment(id);
      if (!s) throw new AppError('not_found', `Shipment ${id} does not exist.`, 'Reload the Shipments screen.');
      if (s.status !== 'bought') throw new AppError('conflict', `The label for ${s.orderNumber} is not bought, so there is nothing to track.`);
      const account = s.carrierId ? repos.shipping.carrier(s.carrierId) : undefined;
      if (account?.kind === 'local') throw new AppError('conflict', `${account.name} has no tracking service; the parcel's status is what your courier tells you.`);
      try {
        await trackOne(s);
      } catch (e) {
        if (!isCarrierError(e)) throw e;
        const last = s.trackingStatus ? `The last known status (${s.trackingStatus.replace(/_/g, ' ')}) is kept.` : 'Nothing was changed.';
        throw new AppError('conflict', `${s.carrierName || 'The carrier'} could not tell where the parcel is: ${e.message} ${last}`, 'Packbench asks again by itself; try later.');
      }
    },
    /** one pass now (tests, benchmarks) */
    pass: () => (running ??= pass().finally(() => { running = null; })),
    async idle() { while (running) await running; },
    stop() { stopped = true; clearTimeout(timer); },
  };
}
export type TrackingPoller = ReturnType<typeof createTrackingPoller>;
