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
