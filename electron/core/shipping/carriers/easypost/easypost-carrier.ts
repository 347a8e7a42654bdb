import EasyPostClient from '@easypost/api';
import { z } from 'zod';
import { parseMoneyToMinor } from '../../../../../shared/domain/money';
import type { Address } from '../../../../../shared/domain/address';
import {
  CarrierError, gramsToOunces, httpError, isCarrierError, mmToInches, trackingStatusOf, transportError,
  type Carrier, type LabelFile, type ParcelRequest, type Purchase, type Quote, type Rate,
} from '../../carrier';
import { fetchLabelFile } from '../../label-fetch';

export type EasyPostOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number; name?: string };

// Parsers keep what Packbench uses and ignore the rest; enums stay strings so a new value never breaks a purchase.
const RateShape = z.object({
  id: z.string(), carrier: z.string().default(''), service: z.string().default(''), rate: z.union([z.string(), z.number()]),
  currency: z.string().default('USD'), delivery_days: z.number().nullish(), est_delivery_days: z.number().nullish(),
  carrier_account_id: z.string().nullish(),
});
const LabelShape = z.object({
  id: z.string().default(''), label_url: z.string().nullish(), label_zpl_url: z.string().nullish(), label_pdf_url: z.string().nullish(),
  label_resolution: z.number().nullish(), label_file_type: z.string().nullish(),
});
const ShipmentShape = z.object({
  id: z.string(),
  reference: z.string().nullish(),
  rates: z.array(z.unknown()).default([]),
  messages: z.array(z.object({ carrier: z.string().nullish(), message: z.unknown(), type: z.string().nullish() })).default([]),
  tracking_code: z.string().nullish(),
  selected_rate: RateShape.nullish(),
  postage_label: LabelShape.nullish(),
  tracker: z.object({ public_url: z.string().nullish() }).nullish(),
  refund_status: z.string().nullish(),
});
type ShipmentShape = z.infer<typeof ShipmentShape>;

function address(a: Address) {
  return {
    name: a.name, company: a.company || undefined, street1: a.line1, street2: [a.line2, a.line3].filter(Boolean).join(', ') || undefined,
    city: a.city, state: a.region || undefined, zip: a.postalCode, country: a.countryCode, phone: a.phone || undefined, email: a.email || undefined,
  };
}

function toRate(raw: unknown): Rate | null {
  const r = RateShape.safeParse(raw);
  if (!r.success) return null;
  const priceMinor = parseMoneyToMinor(String(r.data.rate), r.data.currency);
  if (priceMinor === null) return null;
  return { id: r.data.id, carrier: r.data.carrier, service: r.data.service, priceMinor, currency: r.data.currency, days: r.data.delivery_days ?? r.data.est_delivery_days ?? null, account: r.data.carrier_account_id ?? '' };
}

/** ZPL when the carrier made it; otherwise the PNG, then the PDF, which Packbench turns into ZPL graphics (label-bytes.ts). */
function labelFile(l: z.infer<typeof LabelShape>): LabelFile | null {
  if (l.label_zpl_url) return { format: 'ZPL', url: l.label_zpl_url, dpi: l.label_resolution ?? null };
  if (l.label_url && /\.png(\?|$)/i.test(l.label_url)) return { format: 'PNG', url: l.label_url, dpi: l.label_resolution ?? null };
  if (l.label_pdf_url) return { format: 'PDF', url: l.label_pdf_url, dpi: l.label_resolution ?? null };
  // label_url is the file in the format asked for; label_file_type says which when the address does not
  if (l.label_url && /pdf/i.test(l.label_file_type ?? '')) return { format: 'PDF', url: l.label_url, dpi: l.label_resolution ?? null };
  if (l.label_url) return { format: 'PNG', url: l.label_url, dpi: l.label_resolution ?? null };
  return null;
}

function purchaseOf(s: ShipmentShape, who: string): Purchase | null {
  if (!s.tracking_code || !s.postage_label) return null;
  const label = labelFile(s.postage_label);
  if (!label) throw new CarrierError('unknown', `${who} bought the label but gave no file for it.`);
  const rate = s.selected_rate ? toRate(s.selected_rate) : null;
  return {
    remoteShipmentId: s.id, remoteLabelId: s.postage_label.id, trackingNumber: s.tracking_code, trackingUrl: s.tracker?.public_url ?? '',
    carrier: rate?.carrier ?? '', service: rate?.service ?? '', priceMinor: rate?.priceMinor ?? null, currency: rate?.currency ?? '', label,
  };
}

function words(message: unknown): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(words).join(', ');
  if (message && typeof message === 'object') return Object.values(message).map(words).join(', ');
  return '';
}

/** EasyPost through its official Node client; `baseUrl` points it at the emulator in tests and the demo. */
export function createEasyPostCarrier(options: EasyPostOptions): Carrier {
  const who = options.name ?? 'EasyPost';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = (options.baseUrl || 'https://api.easypost.com').replace(/\/+$/, '');
  // The client takes a `timeout` option but does not apply it to requests; the middleware does.
  const client = new EasyPostClient(options.apiKey, {
    baseUrl: `${base}/v2/`,
    requestMiddleware: (request) => request.timeout({ response: timeoutMs, deadline: timeoutMs }),
  });

  async function call<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (e) {
      throw toCarrierError(e);
    }
  }

  function toCarrierError(e: unknown): CarrierError {
    if (isCarrierError(e)) return e;
    const err = e as { statusCode?: number; status?: number; message?: string; code?: string; errors?: unknown; response?: { headers?: Record<string, string> } };
    const status = err.statusCode ?? (typeof err.status === 'number' ? err.status : undefined);
    if (status && status >= 300) {
      const detail = [err.message, words(err.errors)].filter(Boolean).join(' — ');
      const retry = Number(err.response?.headers?.['retry-after']);
      return httpError(who, status, detail, Number.isFinite(retry) ? retry * 1000 : undefined);
    }
    return transportError(who, e);
  }

  function parseShipment(raw: unknown): ShipmentShape {
    const s = ShipmentShape.safeParse(raw);
    if (!s.success) throw new CarrierError('unknown', `${who} answered with a shipment Packbench could not read.`);
    return s.data;
  }

  return {
    name: who,
    async quote(req: ParcelRequest): Promise<Quote> {
      const customs = req.customs;
      const raw = await call(() => client.Shipment.create({
        reference: req.reference,
        from_address: address(req.from),
        to_address: address(req.to),
        parcel: {
          length: mmToInches(req.parcel.lengthMm), width: mmToInches(req.parcel.widthMm), height: mmToInches(req.parcel.heightMm),
          weight: Math.max(0.1, gramsToOunces(req.parcel.weightGrams)),
        },
        ...(customs ? {
          customs_info: {
            contents_type: customs.contentsType, customs_certify: true, customs_signer: customs.signer, eel_pfc: 'NOEEI 30.37(a)',
            non_delivery_option: 'return', restriction_type: 'none',
            customs_items: customs.lines.map((l) => ({
              description: l.description, quantity: l.quantity, value: (l.valueMinor / 100).toFixed(2), currency: l.currency,
              weight: Math.max(0.1, gramsToOunces(l.weightGrams)), hs_tariff_number: l.hsCode || undefined, origin_country: l.originCountry, code: l.sku,
            })),
          },
        } : {}),
        options: { label_format: 'ZPL', label_size: req.label.size, print_custom_1: req.orderNumber },
        ...(req.isReturn ? { is_return: true } : {}),
      } as never));
      const s = parseShipment(raw);
      const rates = s.rates.map(toRate).filter((r): r is Rate => r !== null);
      const messages = s.messages.map((m) => [m.carrier, words(m.message)].filter(Boolean).join(': ')).filter(Boolean);
      return { remoteShipmentId: s.id, rates, messages };
    },
    async buy(_req, remoteShipmentId, rate) {
      const s = parseShipment(await call(() => client.Shipment.buy(remoteShipmentId, rate.id)));
      const p = purchaseOf(s, who);
      if (!p) throw new CarrierError('unknown', `${who} answered the purchase without a tracking number or label.`);
      return { ...p, carrier: p.carrier || rate.carrier, service: p.service || rate.service, priceMinor: p.priceMinor ?? rate.priceMinor, currency: p.currency || rate.currency };
    },
    async find({ reference, remoteShipmentId }) {
      // EasyPost accepts a shipment's reference wherever it accepts its id
      try {
        return purchaseOf(parseShipment(await call(() => client.Shipment.retrieve(remoteShipmentId || reference))), who);
      } catch (e) {
        if (isCarrierError(e) && e.kind === 'refused') return null; // 404: never created, so never bought
        throw e;
      }
    },
    fetchLabel: (label) => fetchLabelFile(who, label.url, timeoutMs),
    async void({ remoteShipmentId }) {
      const s = parseShipment(await call(() => client.Shipment.refund(remoteShipmentId)));
      const status = s.refund_status === 'refunded' ? 'refunded' : s.refund_status === 'rejected' ? 'rejected' : 'submitted';
      return { status, message: s.refund_status ?? '' };
    },
    async manifest({ labels }) {
      const raw = await call(() => client.ScanForm.create({ shipments: labels.map((l) => ({ id: l.remoteShipmentId })) } as never));
      const form = z.object({ id: z.string(), form_url: z.string().nullish(), tracking_code: z.string().nullish(), status: z.string().nullish(), message: z.string().nullish() }).safeParse(raw);
      if (!form.success) throw new CarrierError('unknown', `${who} answered the SCAN form request with something Packbench could not read.`);
      if (form.data.status === 'failed') throw new CarrierError('refused', `${who} could not make the SCAN form: ${form.data.message ?? 'no reason given'}.`);
      return { remoteId: form.data.id, documentUrl: form.data.form_url ?? '', barcode: form.data.tracking_code ?? '' };
    },
    async track(trackingNumber, carrier) {
      const raw = await call(() => client.Tracker.create({ tracking_code: trackingNumber, carrier } as never));
      // EasyPost answers a tracker that exists for this code and carrier with that same tracker (no duplicate)
      const t = z.object({ status: z.string().default('unknown'), status_detail: z.string().nullish(), tracking_details: z.array(z.object({ message: z.string().nullish() })).nullish() }).safeParse(raw);
      if (!t.success) throw new CarrierError('unknown', `${who} answered the tracking request with something Packbench could not read.`);
      const latest = t.data.tracking_details?.at(-1)?.message;
      return { status: trackingStatusOf(t.data.status), detail: latest || t.data.status_detail || t.data.status };
    },
  };
}
