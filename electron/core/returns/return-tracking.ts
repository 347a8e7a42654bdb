import type { EventName, EventPayload } from '../../../shared/contract/events';
import { isoNow } from '../clock';
import { isCarrierError, type Carrier } from '../shipping/carrier';
import type { ReturnRecord } from '../store/returns-repo';
import type { ReturnsDeps } from './return-deps';
import { readReturnRules } from './return-rules';
import { foldCarrierStatus } from '../../../shared/domain/return-state';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
const TICK_MS = 60_000;

/**
 * Looks up parcels on their way back at the carrier, every few minutes (Settings → Returns), so the queue
 * can say "on its way back" or "delivered, scan it in". Offline it waits and asks again; it never receives a
 * parcel by itself: receiving is scanning it at the bench.
 */
export function createReturnTracking(deps: ReturnsDeps & { emit: Emit }) {
  const { repos, clock } = deps;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running: Promise<{ checked: number; words: string }> | null = null;

  /** The label's own carrier account; for a customer's tracking number, any account that can track. */
  function carrierFor(r: ReturnRecord): { carrier: Carrier; name: string } | null {
    const labelId = repos.returns.labelShipmentId(r.id);
    const label = labelId ? repos.shipping.shipment(labelId) : undefined;
    const accounts = repos.shipping.carriers().filter((c) => c.enabled && c.kind !== 'local');
    const account = (label?.carrierId ? accounts.find((c) => c.id === label.carrierId) : undefined) ?? accounts[0];
    if (!account) return null;
    try {
      return { carrier: deps.shipping.carrier(account.id), name: account.name };
    } catch {
      return null;
    }
  }

  async function checkOne(r: ReturnRecord): Promise<boolean> {
    const found = carrierFor(r);
    const at = isoNow(clock);
    if (!found) {
      repos.returns.update(r.id, { inboundCheckedAt: at }, at);
      return false;
    }
    let status: string;
    let detail: string;
    try {
      const t = await found.carrier.track(r.trackingNumber, r.trackingCarrier);
      status = t.status;
      detail = t.detail;
    } catch (e) {
      if (!isCarrierError(e)) throw e;
      // asked again at the next slot; what the queue shows stays as it was
      repos.returns.update(r.id, { inboundCheckedAt: at }, at);
      return false;
    }
    if (stopped) return false;
    repos.transaction(() => {
      const fresh = repos.returns.get(r.id);
      if (!fresh || (fresh.status !== 'requested' && fresh.status !== 'label_sent' && fresh.status !== 'in_transit')) return;
      const before = fresh.inboundStatus ? foldCarrierStatus(fresh.inboundStatus) : null;
      const now = foldCarrierStatus(status);
      const moving = now === 'in_transit' || now === 'delivered';
      repos.returns.update(r.id, { inboundStatus: status, inboundDetail: detail.slice(0, 200), inboundCheckedAt: at, ...(moving && fresh.status !== 'in_transit' ? { status: 'in_transit' } : {}) }, at);
      if (now !== before && (moving || now === 'problem')) {
        const words = now === 'delivered' ? `Return ${fresh.number} was delivered to the shop (${found.name}); scan it in at the returns bench.`
          : now === 'problem' ? `The carrier reports a problem with return ${fresh.number}: ${status}${detail ? ` (${detail})` : ''}.`
            : `Return ${fresh.number} is on its way back (${found.name}: ${status}${detail ? `, ${detail}` : ''}).`;
        repos.orders.addEvent(fresh.orderId, 'return_tracking', deps.actor(), words, { returnId: fresh.id, status }, at);
      }
    });
    deps.emit('returns.changed', { returnId: r.id, orderId: r.orderId });
    return true;
  }

  async function run(force: boolean): Promise<{ checked: number; words: string }> {
    const every = readReturnRules(repos).trackEveryMinutes * 60_000;
    const now = clock.now().getTime();
    const due = repos.returns.toTrack().filter((r) => force || !r.inboundCheckedAt || now - Date.parse(r.inboundCheckedAt) >= every);
    let checked = 0;
    for (const r of due) {
      if (stopped) break;
      try {
        if (await checkOne(r)) checked++;
      } catch (e) {
        console.error('[returns] tracking look-up failed for return', r.id, e);
      }
    }
    const words = due.length === 0 ? 'No parcel on its way back has a tracking number to look up.'
      : checked === due.length ? `Looked up ${checked} parcel(s) on their way back.`
        : `Looked up ${checked} of ${due.length} parcel(s); the others could not be reached and are asked again later.`;
    return { checked, words };
  }

  function check(force = false): Promise<{ checked: number; words: string }> {
    running ??= run(force).finally(() => { running = null; });
    return running;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => { void check().finally(() => schedule(TICK_MS)); }, ms);
    timer.unref?.();
  }

  return {
    start: () => schedule(5_000),
    check,
    stop() { stopped = true; clearTimeout(timer); },
  };
}
