import type { ReturnRecord } from '../store/returns-repo';

/** The carrier's statuses (EasyPost lower case, Shippo upper case) folded into the few a shop cares about. */
export type Inbound = 'pre_transit' | 'in_transit' | 'delivered' | 'problem' | 'unknown';

export function foldCarrierStatus(status: string): Inbound {
  const s = status.trim().toLowerCase();
  if (s === 'pre_transit' || s === 'label_created') return 'pre_transit';
  if (s === 'in_transit' || s === 'transit' || s === 'out_for_delivery' || s === 'accepted') return 'in_transit';
  if (s === 'delivered' || s === 'available_for_pickup') return 'delivered';
  if (s === 'return_to_sender' || s === 'returned' || s === 'failure' || s === 'cancelled' || s === 'error') return 'problem';
  return 'unknown';
}

/** What the queue says about a parcel on its way back. */
export function inboundWords(r: Pick<ReturnRecord, 'status' | 'shipping' | 'trackingNumber' | 'inboundStatus' | 'inboundDetail'>): string {
  if (r.status === 'received' || r.status === 'inspected' || r.status === 'refunded' || r.status === 'closed') return '';
  const folded = r.inboundStatus ? foldCarrierStatus(r.inboundStatus) : null;
  const detail = r.inboundDetail ? ` (${r.inboundDetail})` : '';
  switch (folded) {
    case 'pre_transit': return 'Label not used yet: the customer has not sent it.';
    case 'in_transit': return `On its way back${detail}.`;
    case 'delivered': return `Delivered to the shop${detail}: scan it in.`;
    case 'problem': return `The carrier reports a problem${detail}: check the tracking.`;
    case 'unknown': return `The carrier says "${r.inboundStatus}"${detail}.`;
    default:
      if (r.trackingNumber) return 'Not looked up at the carrier yet.';
      return r.shipping === 'customer' ? 'The customer sends it; no tracking number yet.' : 'Waiting for the return label.';
  }
}
