import { localTrackingNumber } from '../../../../../shared/codes/tracking';
import { renderShippingLabelZpl } from '../../../labels';
import type { Carrier, ParcelRequest, Purchase } from '../../carrier';

export const LOCAL_CARRIER_NAME = 'Local courier';
export const LOCAL_SERVICE = 'Local delivery';

/** Our own 4x6 label from the label model, with our own tracking number as its barcode. */
export function localPurchase(req: ParcelRequest, sequence: number, price: { priceMinor: number; currency: string }): Purchase & { zpl: string } {
  const trackingNumber = localTrackingNumber('L', sequence);
  // the local courier has no carrier to swap a return's addresses: the label says it as it travels
  const zpl = renderShippingLabelZpl({
    orderNumber: req.orderNumber, orderQrPayload: `PB:TRACK:${trackingNumber}`, shipTo: req.isReturn ? req.from : req.to, shipFrom: req.isReturn ? req.to : req.from,
    weightGrams: req.parcel.weightGrams, carrier: LOCAL_CARRIER_NAME, service: LOCAL_SERVICE, trackingNumber,
  }, { size: req.label.size, dpi: req.label.dpi });
  return {
    remoteShipmentId: '', remoteLabelId: trackingNumber, trackingNumber, trackingUrl: '', carrier: LOCAL_CARRIER_NAME, service: LOCAL_SERVICE,
    priceMinor: price.priceMinor, currency: price.currency, label: { format: 'ZPL', url: `data:text/plain;base64,${Buffer.from(zpl).toString('base64')}`, dpi: req.label.dpi }, zpl,
  };
}

/**
 * The shop's own courier or local delivery: no account, no network, works with the internet down.
 * Its labels are made at pack time (localPurchase); this adapter gives it the same face as the others.
 */
export function createLocalCarrier(options: { priceMinor: number; currency: string; days: number; nextSequence: () => number }): Carrier {
  return {
    name: LOCAL_CARRIER_NAME,
    async quote() {
      return { remoteShipmentId: '', rates: [{ id: 'local', carrier: LOCAL_CARRIER_NAME, service: LOCAL_SERVICE, priceMinor: options.priceMinor, currency: options.currency, days: options.days, account: 'local' }], messages: [] };
    },
    async buy(req) {
      const { zpl: _zpl, ...p } = localPurchase(req, options.nextSequence(), options);
      return p;
    },
    async find() { return null; },
    async fetchLabel(label) { return Buffer.from(label.url.replace(/^data:[^,]*base64,/, ''), 'base64'); },
    async void() { return { status: 'refunded', message: 'The local courier label is cancelled.' }; },
    async manifest({ labels }) { return { remoteId: `LOCAL-${labels.length}`, documentUrl: '', barcode: '' }; },
    async track() { return { status: 'unknown', detail: 'The local courier has no tracking service.' }; },
  };
}
