import { Shippo } from 'shippo';
import { z } from 'zod';
import type { Address } from '../../../../../shared/domain/address';
import { parseMoneyToMinor } from '../../../../../shared/domain/money';
import {
  CarrierError, httpError, trackingStatusOf, transportError,
  type Carrier, type LabelFile, type Purchase, type Quote, type Rate,
} from '../../carrier';
import { fetchLabelFile } from '../../label-fetch';

export type ShippoOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number; name?: string };

/**
 * The SDK validates answers with closed enums and throws on a value it does not know; the raw answer
 * then comes with the error and is read here instead, tolerantly, in either spelling (the SDK's
 * camelCase or the wire's snake_case).
 */
function field(o: unknown, camel: string, snake: string): unknown {
  if (!o || typeof o !== 'object') return undefined;
  const r = o as Record<string, unknown>;
  return r[camel] ?? r[snake];
}
const str = (o: unknown, camel: string, snake = camel): string => {
  const v = field(o, camel, snake);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
};

function address(a: Address) {
  return {
    name: a.name, company: a.company || undefined, street1: a.line1, street2: a.line2 || undefined, street3: a.line3 || undefined,
    city: a.city, state: a.region || undefined, zip: a.postalCode, country: a.countryCode, phone: a.phone || undefined, email: a.email || undefined,
  };
}

function toRate(raw: unknown): Rate | null {
  const id = str(raw, 'objectId', 'object_id');
  const currency = str(raw, 'currency') || 'USD';
  const priceMinor = parseMoneyToMinor(str(raw, 'amount'), currency);
  if (!id || priceMinor === null) return null;
  const level = field(raw, 'servicelevel', 'servicelevel');
  const days = field(raw, 'estimatedDays', 'estimated_days');
  return {
    id, carrier: str(raw, 'provider'), service: str(level, 'name') || str(level, 'token'), priceMinor, currency,
    days: typeof days === 'number' ? days : null, account: str(raw, 'carrierAccount', 'carrier_account'),
  };
}

function messagesOf(raw: unknown): string[] {
  const list = field(raw, 'messages', 'messages');
  return Array.isArray(list) ? list.map((m) => [str(m, 'source'), str(m, 'text')].filter(Boolean).join(': ')).filter(Boolean) : [];
}

function labelOf(raw: unknown): LabelFile {
  const url = str(raw, 'labelUrl', 'label_url');
  const type = str(raw, 'labelFileType', 'label_file_type').toUpperCase();
  // Shippo's ZPL is drawn at 203 dpi; PNG and PDF are what a carrier without ZPL offers
  const format = type.startsWith('ZPL') ? 'ZPL' : type.startsWith('PDF') || /\.pdf(\?|$)/i.test(url) ? 'PDF' : type.startsWith('PNG') || /\.png(\?|$)/i.test(url) ? 'PNG' : 'ZPL';
  return { format, url, dpi: format === 'ZPL' ? 203 : null };
}

/** Shippo through its official SDK; `serverURL` points it at the emulator in tests and the demo. */
export function createShippoCarrier(options: ShippoOptions): Carrier {
  const who = options.name ?? 'Shippo';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sdk = new Shippo({
    apiKeyHeader: `ShippoToken ${options.apiKey}`,
    ...(options.baseUrl ? { serverURL: options.baseUrl.replace(/\/+$/, '') } : {}),
    timeoutMs,
    retryConfig: { strategy: 'none' }, // the label queue retries, after looking up what happened
  });

  async function call(what: () => Promise<unknown>): Promise<unknown> {
    try {
      return await what();
    } catch (e) {
      const err = e as { name?: string; statusCode?: number; body?: string; rawValue?: unknown; headers?: Headers };
      if (err.name === 'ResponseValidationError' && err.rawValue !== undefined) return err.rawValue;
      if (typeof err.statusCode === 'number' && err.statusCode >= 300) {
        const retry = Number(err.headers?.get?.('retry-after'));
        throw httpError(who, err.statusCode, errorWords(err.body), Number.isFinite(retry) ? retry * 1000 : undefined);
      }
      if (err.name === 'ResponseValidationError' || err.name === 'SDKValidationError') {
        throw new CarrierError('unknown', `${who} gave an answer Packbench could not read.`, undefined, { cause: e });
      }
      throw transportError(who, e);
    }
  }

  function transaction(raw: unknown, rate: Rate | null): Purchase | null {
    const status = str(raw, 'status').toUpperCase();
    if (status !== 'SUCCESS') return null;
    const tracking = str(raw, 'trackingNumber', 'tracking_number');
    const label = labelOf(raw);
    if (!tracking || !label.url) throw new CarrierError('unknown', `${who} says the label is bought but sent no tracking number or file.`);
    // a listed transaction may carry its rate as an id only; the queue keeps the rate it chose
    const rateField = field(raw, 'rate', 'rate');
    return {
      remoteShipmentId: '', remoteLabelId: str(raw, 'objectId', 'object_id'), trackingNumber: tracking,
      trackingUrl: str(raw, 'trackingUrlProvider', 'tracking_url_provider'), carrier: rate?.carrier ?? str(rateField, 'provider'),
      service: rate?.service ?? str(field(rateField, 'servicelevel', 'servicelevel'), 'name'), priceMinor: rate?.priceMinor ?? null,
      currency: rate?.currency ?? '', label,
    };
  }

  return {
    name: who,
    async quote(req): Promise<Quote> {
      const customs = req.customs;
      const raw = await call(() => sdk.shipments.create({
        addressFrom: address(req.from), addressTo: address(req.to), async: false, metadata: req.reference.slice(0, 100),
        ...(req.isReturn ? { extra: { isReturn: true } } : {}),
        parcels: [{
          length: String(req.parcel.lengthMm / 10), width: String(req.parcel.widthMm / 10), height: String(req.parcel.heightMm / 10),
          distanceUnit: 'cm', weight: String(Math.max(1, req.parcel.weightGrams)), massUnit: 'g',
        }],
        ...(customs ? {
          customsDeclaration: {
            certify: true, certifySigner: customs.signer, contentsType: 'MERCHANDISE', nonDeliveryOption: 'RETURN', eelPfc: 'NOEEI_30_37_a',
            items: customs.lines.map((l) => ({
              description: l.description, quantity: l.quantity, netWeight: String(Math.max(1, l.weightGrams)), massUnit: 'g',
              valueAmount: (l.valueMinor / 100).toFixed(2), valueCurrency: l.currency, originCountry: l.originCountry,
              ...(l.hsCode ? { hsCode: l.hsCode, tariffNumber: l.hsCode } : {}), skuCode: l.sku,
            })),
          },
        } : {}),
      } as never));
      const id = str(raw, 'objectId', 'object_id');
      if (!id) throw new CarrierError('unknown', `${who} answered the shipment request without a shipment id.`);
      const rates = field(raw, 'rates', 'rates');
      return { remoteShipmentId: id, rates: (Array.isArray(rates) ? rates : []).map(toRate).filter((r): r is Rate => r !== null), messages: messagesOf(raw) };
    },
    async buy(req, remoteShipmentId, rate) {
      const raw = await call(() => sdk.transactions.create({ rate: rate.id, labelFileType: 'ZPLII', async: false, metadata: req.reference.slice(0, 100) } as never));
      const status = str(raw, 'status').toUpperCase();
      if (status === 'ERROR') throw new CarrierError('refused', `${who} could not buy the label: ${messagesOf(raw).join('; ') || 'no reason given'}.`);
      const p = transaction(raw, rate);
      // QUEUED: the purchase is under way; the next look-up by rate finds it
      if (!p) throw new CarrierError('unknown', `${who} is still making the label (status ${status || 'missing'}).`, 2000);
      return { ...p, remoteShipmentId };
    },
    async find({ remoteShipmentId, rateId }) {
      if (!rateId) return null;
      const raw = await call(() => sdk.transactions.list({ rate: rateId, results: 25 }));
      const results = field(raw, 'results', 'results');
      for (const t of Array.isArray(results) ? results : []) {
        const p = transaction(t, null);
        if (p) return { ...p, remoteShipmentId };
      }
      return null;
    },
    fetchLabel: (label) => fetchLabelFile(who, label.url, timeoutMs),
    async void({ remoteLabelId }) {
      const raw = await call(() => sdk.refunds.create({ transaction: remoteLabelId, async: false }));
      const status = str(raw, 'status').toUpperCase();
      return { status: status === 'SUCCESS' ? 'refunded' : status === 'ERROR' ? 'rejected' : 'submitted', message: status };
    },
    async manifest({ from, labels, shipDate }) {
      const byAccount = new Map<string, string[]>();
      for (const l of labels) byAccount.set(l.account, [...(byAccount.get(l.account) ?? []), l.remoteLabelId]);
      const made: Array<{ id: string; docs: string[] }> = [];
      for (const [account, transactions] of byAccount) {
        const raw = await call(() => sdk.manifests.create({ carrierAccount: account, shipmentDate: shipDate, transactions, addressFrom: address(from), async: false } as never));
        const status = str(raw, 'status').toUpperCase();
        if (status === 'ERROR') {
          const errors = field(raw, 'errors', 'errors');
          throw new CarrierError('refused', `${who} could not make the manifest: ${Array.isArray(errors) ? errors.join('; ') : 'no reason given'}.`);
        }
        const docs = field(raw, 'documents', 'documents');
        made.push({ id: str(raw, 'objectId', 'object_id'), docs: Array.isArray(docs) ? docs.map(String) : [] });
      }
      return { remoteId: made.map((m) => m.id).join(','), documentUrl: made.flatMap((m) => m.docs)[0] ?? '', barcode: made[0]?.id ?? '' };
    },
    async track(trackingNumber, carrier) {
      const raw = await call(() => sdk.trackingStatus.get(trackingNumber, shippoCarrierToken(carrier)));
      const status = field(raw, 'trackingStatus', 'tracking_status');
      const vendor = str(status, 'status') || 'UNKNOWN';
      return { status: trackingStatusOf(vendor), detail: str(status, 'statusDetails', 'status_details') || vendor };
    },
  };
}

/** Shippo names carriers by token in /tracks/{carrier}/{number}: "DHL Express" -> dhl_express, "USPS" -> usps. */
export function shippoCarrierToken(provider: string): string {
  return provider.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const ShippoErrorBody = z.object({ detail: z.unknown().optional(), messages: z.unknown().optional() }).passthrough();

/** Shippo's error bodies differ per endpoint: {detail}, {field: [words]}, {messages: [...]}. */
function errorWords(body: string | undefined): string {
  if (!body) return '';
  try {
    const parsed = ShippoErrorBody.safeParse(JSON.parse(body));
    if (!parsed.success) return '';
    const flat = (v: unknown): string[] => typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(flat)
      : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => flat(x).map((w) => (k === 'text' || k === 'detail' ? w : `${k}: ${w}`))) : [];
    return flat(parsed.data).join('; ').slice(0, 300);
  } catch {
    return body.slice(0, 120);
  }
}
