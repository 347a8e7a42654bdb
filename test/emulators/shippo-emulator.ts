// Shippo's REST API on 127.0.0.1, as its docs describe it: "Authorization: ShippoToken <token>",
// POST /shipments (rates inline with async=false), POST /transactions (buy), GET /transactions?rate=
// (look-up), POST /refunds, POST /manifests, GET /tracks/{carrier}/{number}, label files by URL.
// Scan-based return labels: extra.is_return with the outbound addresses, which Shippo swaps.

import bwipjs from 'bwip-js/node';
import { carrierPdf, carrierZpl, trackingFor } from './carrier-labels';
import { randomHex, startHttpEmulator, type HttpEmulator, type Reply } from './http-emulator';

type Addr = { name?: string; street1?: string; city?: string; zip?: string; country?: string };
type ShippoRate = Record<string, unknown> & { object_id: string; provider: string; amount: string; shipment: string; carrier_account: string; servicelevel: { name: string; token: string; terms: string } };
type ShippoShipment = Record<string, unknown> & { object_id: string; metadata: string; rates: ShippoRate[]; address_to: Addr; address_from: Addr; customs_declaration: unknown; extra: { is_return?: boolean } };
type ShippoTransaction = Record<string, unknown> & { object_id: string; rate: string; status: string; tracking_number: string; metadata: string };

export type ShippoEmulator = HttpEmulator & {
  shipments: Map<string, ShippoShipment>;
  transactions: ShippoTransaction[];
  refunds: string[];
  manifests: Array<{ id: string; transactions: string[] }>;
  /** Shippo's label_file_type values: ZPLII, PNG, PDF (the label on a US Letter sheet), PDF_4x6 */
  setLabelFileType(t: 'ZPLII' | 'PNG' | 'PDF' | 'PDF_4x6'): void;
  /** what GET /tracks reports for this number from now on, instead of its journey (Shippo statuses: PRE_TRANSIT, TRANSIT, DELIVERED, RETURNED, FAILURE, UNKNOWN) */
  setTracking(trackingNumber: string, status: string, details?: string): void;
};

const now = () => new Date().toISOString();
const owner = 'shippo-demo@example.com';

export async function startShippoEmulator(options: { port?: number } = {}): Promise<ShippoEmulator> {
  const shipments = new Map<string, ShippoShipment>();
  const rates = new Map<string, ShippoRate>();
  const transactions: ShippoTransaction[] = [];
  const refunds: string[] = [];
  const manifests: ShippoEmulator['manifests'] = [];
  const files = new Map<string, { type: string; data: Buffer | string }>();
  const steps = new Map<string, number>();
  const JOURNEY: Array<[string, string]> = [
    ['PRE_TRANSIT', 'The shipping label was created.'], ['TRANSIT', 'Arrived at the sorting facility.'], ['TRANSIT', 'Out for delivery.'], ['DELIVERED', 'Delivered to the front door.'],
  ];
  let fileType: 'ZPLII' | 'PNG' | 'PDF' | 'PDF_4x6' = 'ZPLII';
  const tracking = new Map<string, { status: string; details: string }>();
  let base = '';

  async function route(req: Parameters<Parameters<typeof startHttpEmulator>[0]>[0]): Promise<Reply> {
    if (req.path.startsWith('/files/')) {
      const f = files.get(req.path.slice('/files/'.length));
      return f ? { status: 200, body: null, raw: f.data, headers: { 'content-type': f.type } } : { status: 404, body: null, raw: 'not found' };
    }
    if (!/^ShippoToken \S+/.test(String(req.headers.authorization ?? ''))) return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
    const body = (req.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if (req.method === 'POST' && req.path === '/shipments') {
      // "do not swap the addresses yourself -- the Shippo API will take care of this for you"
      const extra = (body.extra ?? {}) as { is_return?: boolean };
      const to = (extra.is_return ? body.address_from : body.address_to) as Addr | undefined;
      const from = (extra.is_return ? body.address_to : body.address_from) as Addr | undefined;
      const parcels = body.parcels as Array<{ weight?: string; mass_unit?: string }> | undefined;
      const problems: Record<string, string[]> = {};
      if (!to?.country) problems.address_to = ['This field is required.'];
      if (!from?.country) problems.address_from = ['This field is required.'];
      if (!parcels?.length) problems.parcels = ['This field is required.'];
      if (Object.keys(problems).length) return { status: 400, body: problems };
      const international = to!.country !== from!.country;
      if (international && !body.customs_declaration) return { status: 400, body: { customs_declaration: ['A customs declaration is required for international shipments.'] } };
      const id = randomHex(32);
      const grams = Number(parcels![0]!.weight ?? 1) * (parcels![0]!.mass_unit === 'kg' ? 1000 : parcels![0]!.mass_unit === 'lb' ? 453.6 : parcels![0]!.mass_unit === 'oz' ? 28.35 : 1);
      const table: Array<[string, string, string, number, number]> = international
        ? [['USPS', 'Priority Mail International', 'usps_priority_mail_international', 3100, 8], ['DHL Express', 'Express Worldwide', 'dhl_express_worldwide', 4700, 3]]
        : [['USPS', 'Ground Advantage', 'usps_ground_advantage', 560, 4], ['UPS', 'Ground', 'ups_ground', 1210, 4], ['UPS', '2nd Day Air', 'ups_second_day_air', 2490, 2]];
      const list = table.map(([provider, name, token, cents, days]) => {
        const rate: ShippoRate = {
          object_id: randomHex(32), object_created: now(), object_owner: owner, shipment: id, attributes: [], amount: ((cents + Math.ceil(grams / 100) * 9) / 100).toFixed(2),
          currency: 'USD', amount_local: '', currency_local: 'USD', provider, servicelevel: { name, token, terms: '' }, estimated_days: days, duration_terms: '',
          carrier_account: `${provider.toLowerCase().replace(/\s+/g, '')}-account-0001`, test: true, messages: [],
        };
        rate.amount_local = rate.amount;
        rates.set(rate.object_id, rate);
        return rate;
      });
      const shp: ShippoShipment = {
        object_id: id, object_created: now(), object_updated: now(), object_owner: owner, status: 'SUCCESS', metadata: String(body.metadata ?? ''),
        address_to: to!, address_from: from!, parcels: parcels!, customs_declaration: body.customs_declaration ?? null, rates: list, messages: [], test: true, shipment_date: now(), extra,
      };
      shipments.set(id, shp);
      return { status: 201, body: shp };
    }
    if (req.method === 'POST' && req.path === '/transactions') {
      const rate = rates.get(String(body.rate ?? ''));
      if (!rate) return { status: 400, body: { rate: ['Rate not found.'] } };
      const tracking = trackingFor(rate.provider);
      const id = randomHex(32);
      const shp = shipments.get(rate.shipment)!;
      if (fileType === 'ZPLII') {
        files.set(`${id}.zpl`, { type: 'text/plain', data: carrierZpl({ carrier: rate.provider, service: rate.servicelevel.name, tracking, toName: shp.address_to.name ?? '', toCity: shp.address_to.city ?? '' }) });
      } else {
        const png = await bwipjs.toBuffer({ bcid: 'code128', text: tracking, scale: 3, height: 25, includetext: true, paddingwidth: 30, paddingheight: 30, backgroundcolor: 'FFFFFF' });
        files.set(`${id}.png`, { type: 'image/png', data: png });
        files.set(`${id}.pdf`, { type: 'application/pdf', data: await carrierPdf({ carrier: rate.provider, service: rate.servicelevel.name, tracking, toName: shp.address_to.name ?? '', toCity: shp.address_to.city ?? '', sheet: fileType === 'PDF' ? 'letter' : 'label' }) });
      }
      const ext = fileType === 'ZPLII' ? 'zpl' : fileType === 'PNG' ? 'png' : 'pdf';
      const t: ShippoTransaction = {
        object_id: id, object_state: 'VALID', object_created: now(), object_updated: now(), object_owner: owner, status: 'SUCCESS', rate: rate.object_id,
        tracking_number: tracking, tracking_status: 'UNKNOWN', tracking_url_provider: `https://tools.usps.test/go/TrackConfirmAction?tLabels=${tracking}`,
        label_url: `${base}/files/${id}.${ext}`, label_file_type: fileType, commercial_invoice_url: '', messages: [], metadata: String(body.metadata ?? ''), test: true, parcel: randomHex(32),
      };
      transactions.push(t);
      return { status: 201, body: t };
    }
    if (req.method === 'GET' && req.path === '/transactions') {
      const rate = req.query.get('rate');
      const results = transactions.filter((t) => !rate || t.rate === rate);
      return { status: 200, body: { next: null, previous: null, results } };
    }
    if (req.method === 'GET' && (m = /^\/transactions\/([^/]+)$/.exec(req.path))) {
      const t = transactions.find((x) => x.object_id === m![1]);
      return t ? { status: 200, body: t } : { status: 404, body: { detail: 'Not found.' } };
    }
    if (req.method === 'POST' && req.path === '/refunds') {
      const t = transactions.find((x) => x.object_id === body.transaction);
      if (!t) return { status: 400, body: { transaction: ['Transaction not found.'] } };
      if (refunds.includes(t.object_id)) return { status: 400, body: { transaction: ['A refund for this transaction already exists.'] } };
      refunds.push(t.object_id);
      t.object_state = 'INVALID';
      return { status: 201, body: { object_id: randomHex(32), object_created: now(), object_updated: now(), object_owner: owner, status: 'QUEUED', transaction: t.object_id, test: true } };
    }
    if (req.method === 'POST' && req.path === '/manifests') {
      const ids = (body.transactions as string[] | undefined) ?? [];
      if (!body.carrier_account) return { status: 400, body: { carrier_account: ['This field is required.'] } };
      const id = randomHex(32);
      manifests.push({ id, transactions: ids });
      return { status: 201, body: { object_id: id, object_created: now(), object_updated: now(), object_owner: owner, status: 'SUCCESS', carrier_account: body.carrier_account, shipment_date: body.shipment_date, transactions: ids, address_from: randomHex(32), documents: [`${base}/files/manifest-${id}.pdf`], errors: [] } };
    }
    if (req.method === 'GET' && (m = /^\/tracks\/([^/]+)\/([^/]+)$/.exec(req.path))) {
      const number = decodeURIComponent(m[2]!);
      if (!transactions.some((t) => t.tracking_number === number)) return { status: 404, body: { detail: 'Not found.' } };
      // each read moves the parcel one step on, so a bench that polls sees it travel
      const step = Math.min(JOURNEY.length - 1, (steps.get(number) ?? -1) + 1);
      steps.set(number, step);
      const history = JOURNEY.slice(0, step + 1).map(([status, details]) => ({ status, status_details: details, status_date: now(), substatus: null, location: null }));
      const forced = tracking.get(number);
      if (forced) history.push({ status: forced.status, status_details: forced.details, status_date: now(), substatus: null, location: null });
      return { status: 200, body: { carrier: m[1], tracking_number: number, servicelevel: null, tracking_status: history.at(-1), tracking_history: history, metadata: null, test: true } };
    }
    return { status: 404, body: { detail: `No route for ${req.method} ${req.path}.` } };
  }

  const http = await startHttpEmulator(route, { name: 'Shippo', ...(options.port ? { port: options.port } : {}) });
  base = http.url;
  return Object.assign(http, {
    shipments, transactions, refunds, manifests, setLabelFileType(t: 'ZPLII' | 'PNG' | 'PDF' | 'PDF_4x6') { fileType = t; },
    setTracking(number: string, status: string, details = '') { tracking.set(number, { status, details }); },
  });
}
