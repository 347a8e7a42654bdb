import type { Shipment } from '../../../../shared/contract/shipping';

export const SHIPMENT_STATUS_WORDS: Record<Shipment['status'], string> = {
  pending: 'Label pending',
  buying: 'Buying…',
  bought: 'Bought',
  held: 'Needs attention',
  voiding: 'Voiding…',
  voided: 'Voided',
};

/** A shipment in one sentence a packer can act on. */
export function shipmentWords(s: Shipment): string {
  if (s.status === 'bought') return `${s.carrierName} ${s.service}: tracking ${s.trackingNumber}.`;
  if (s.words) return s.words;
  return SHIPMENT_STATUS_WORDS[s.status];
}

export const TRACKING_WORDS: Record<string, string> = {
  pre_transit: 'Label made, not handed over yet',
  in_transit: 'On its way',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  available_for_pickup: 'Waiting at a pick-up point',
  returned: 'Coming back to you',
  failure: 'Delivery problem',
  unknown: 'The carrier has no news yet',
};

/** Where the parcel is, as the carrier last said, and when it was asked. */
export function trackingWords(s: Shipment, when: (iso: string) => string): string {
  if (s.status !== 'bought') return '';
  if (!s.trackingStatus) return s.trackedAt ? `Not known yet: ${s.trackingDetail}` : 'Not asked yet';
  const detail = s.trackingDetail && s.trackingDetail.toLowerCase() !== s.trackingStatus.replace(/_/g, ' ') ? ` (${s.trackingDetail})` : '';
  return `${TRACKING_WORDS[s.trackingStatus] ?? s.trackingStatus}${detail}${s.trackedAt ? `, checked ${when(s.trackedAt)}` : ''}`;
}
