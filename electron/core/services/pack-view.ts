import { AppError } from '../../../shared/contract/errors';
import type { PackLine, PackView } from '../../../shared/contract/pack';
import type { Repos } from '../store';
import type { SessionRow } from '../store/pack-repo';

export type LineState = PackLine & { variantId: number | null; remaining: number };

/** What the parcel must hold and holds now: ordered minus earlier parcels, against the counted scans. */
export function lineStates(repos: Repos, session: SessionRow): LineState[] {
  const earlier = repos.pack.countedEarlier(session.orderId);
  const counted = repos.pack.countedInSession(session.id);
  return repos.orders.lines(session.orderId).map((l) => {
    const packedEarlier = earlier.get(l.id) ?? 0;
    const expected = Math.max(0, l.quantity - packedEarlier);
    const c = counted.get(l.id);
    const scanned = c?.qty ?? 0;
    return {
      lineId: l.id, sku: l.sku, title: l.title, bin: l.bin, ordered: l.quantity, packedEarlier, expected, scanned,
      overridden: c?.overridden ?? false, complete: scanned >= expected, variantId: l.variantId, remaining: expected - scanned,
      imageId: l.variantId ? repos.catalog.imageOf(l.variantId) : null,
    };
  });
}

export function sessionOrThrow(repos: Repos, sessionId: number): SessionRow {
  const s = repos.pack.session(sessionId);
  if (!s) throw new AppError('not_found', `Pack session ${sessionId} does not exist.`, 'Scan the packing slip to open the order again.');
  return s;
}

export function activeSessionOrThrow(repos: Repos, sessionId: number): SessionRow {
  const s = sessionOrThrow(repos, sessionId);
  const orderStatus = repos.orders.status(s.orderId)?.status;
  if (s.status === 'active' && orderStatus !== 'picking') {
    throw new AppError('conflict', `This order is now ${orderStatus?.replace('_', ' ')}; nothing was recorded.`, 'Put the items back and scan the next packing slip.');
  }
  if (s.status !== 'active') {
    throw new AppError('conflict', `This parcel is already ${s.status === 'completed' ? 'closed' : 'put back'}; nothing was recorded.`, 'Scan the next packing slip to start another order.');
  }
  return s;
}

export function packView(repos: Repos, sessionId: number): PackView {
  const session = sessionOrThrow(repos, sessionId);
  const order = repos.orders.record(session.orderId)!;
  const lines = lineStates(repos, session);
  return {
    sessionId: session.id,
    sessionStatus: session.status,
    orderId: order.id,
    orderNumber: order.number,
    orderStatus: order.status,
    customerName: order.customerName,
    countryCode: order.countryCode,
    shipTo: order.shipTo,
    parcelNo: session.parcelNo,
    lines: lines.map(({ variantId: _v, remaining: _r, ...line }) => line),
    verified: lines.some((l) => l.expected > 0) && lines.every((l) => l.complete),
    scans: repos.pack.recentScans(session.id),
    labelJobs: repos.print.jobsForSession(session.id),
    startedAt: session.startedAt,
    shortWords: shortWords(repos, order.id),
  };
}

/** The packer hears about a shortage where they stand: units the ledger says are not there may be in their hand. */
function shortWords(repos: Repos, orderId: number): string {
  const short = repos.stockSync.shortage(orderId);
  if (!short) return '';
  const list = short.lines.map((l) => `${l.short} × ${l.sku}`).join(', ');
  if (short.status === 'open') {
    return `Arrived short: ${list} ${short.lines.length === 1 && short.lines[0]!.short === 1 ? 'was' : 'were'} not in stock when this order came in. `
      + 'Pack it only if you have every item in hand; if not, put it back and choose Back-order, Cancel or Adjust on the order.';
  }
  return short.choice === 'backorder' ? `Back-ordered: it waits for ${list}${short.reason ? ` (${short.reason})` : ''}. Pack it only once they are here.` : '';
}
