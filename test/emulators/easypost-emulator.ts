// EasyPost's REST API (v2) on 127.0.0.1, as its docs describe it: Basic auth with the key as user,
// shipments with rates, buy, retrieve by id or reference, refund, scan forms, batches, trackers, and
// label files behind postage_label URLs. Records every purchase for "bought exactly once" checks.
// Returns as the docs describe them: is_return with the outbound addresses, which EasyPost swaps.

import bwipjs from 'bwip-js/node';
import { carrierPdf, carrierZpl, trackingFor } from './carrier-labels';
import { randomHex, startHttpEmulator, type HttpEmulator, type Reply } from './http-emulator';

type Addr = { name?: string; street1?: string; street2?: string; city?: string; zip?: string; country?: string; phone?: string };
type EpShipment = {
  id: string; object: 'Shipment'; reference: string | null; mode: 'test'; created_at: string; updated_at: string;
  to_address: Addr; from_address: Addr; parcel: Record<string, unknown>; customs_info: Record<string, unknown> | null; options: Record<string, unknown>;
  rates: EpRate[]; messages: Array<{ carrier: string; type: string; message: string }>;
  selected_rate: EpRate | null; postage_label: Record<string, unknown> | null; tracking_code: string | null; tracker: Record<string, unknown> | null;
  refund_status: string | null; scan_form: Record<string, unknown> | null; batch_id: string | null; status: string;
  is_return: boolean;
};
type EpRate = { id: string; object: 'Rate'; carrier: string; service: string; rate: string; currency: string; delivery_days: number; est_delivery_days: number; shipment_id: string; carrier_account_id: string; mode: 'test' };

export type Purchase = { shipmentId: string; reference: string | null; rateId: string; tracking: string; at: number; isReturn: boolean; toName: string };

export type EasyPostEmulator = HttpEmulator & {
  shipments: Map<string, EpShipment>;
  purchases: Purchase[];
  refunds: string[];
  scanForms: Array<{ id: string; shipmentIds: string[] }>;
  /** how far each tracked parcel has travelled (reads of its tracker so far) */
  trackingSteps(code: string): number;
  /** the label format this "carrier" offers; PNG and PDF exercise the conversion to ZPL graphics */
  setLabelFormat(format: 'ZPL' | 'PNG' | 'PDF'): void;
  setLabelResolution(dpi: 203 | 300): void;
  /** what a tracker reports for this number from now on (EasyPost statuses: pre_transit, in_transit, delivered, …) */
  setTracking(trackingCode: string, status: string, statusDetail?: string): void;
  /** tracker look-ups answered, in order */
  trackerRequests: string[];
};

const PO_BOX = /\b(p\.?\s*o\.?\s*box|post office box)\b/i;
const now = () => new Date().toISOString();

function error(status: number, code: string, message: string, errors: Array<{ field: string; message: string }> = []): Reply {
  return { status, body: { error: { code, message, errors } } };
}

function ratesFor(id: string, s: { to_address: Addr; from_address: Addr; parcel: { weight?: number } }): { rates: EpRate[]; messages: EpShipment['messages'] } {
  const oz = Number(s.parcel.weight ?? 1);
  const international = (s.to_address.country ?? 'US') !== (s.from_address.country ?? 'US');
  const table: Array<[string, string, number, number]> = international
    ? [['USPS', 'PriorityMailInternational', 2850, 8], ['UPS', 'UPSSaver', 5410, 3], ['FedEx', 'INTERNATIONAL_ECONOMY', 4620, 5]]
    : [['USPS', 'GroundAdvantage', 545, 4], ['USPS', 'Priority', 910, 2], ['UPS', 'Ground', 1180, 4], ['UPS', 'NextDayAir', 3990, 1], ['FedEx', 'FEDEX_GROUND', 1120, 5]];
  const messages: EpShipment['messages'] = [];
  const poBox = PO_BOX.test(`${s.to_address.street1 ?? ''} ${s.to_address.street2 ?? ''}`);
  const rates = table.filter(([carrier]) => {
    if (poBox && carrier !== 'USPS') { messages.push({ carrier, type: 'rate_error', message: `${carrier} does not deliver to PO boxes.` }); return false; }
    return true;
  }).map(([carrier, service, base, days]) => ({
    id: `rate_${randomHex(32)}`, object: 'Rate' as const, carrier, service, rate: ((base + Math.ceil(oz) * 12) / 100).toFixed(2), currency: 'USD',
    delivery_days: days, est_delivery_days: days, shipment_id: id, carrier_account_id: `ca_${carrier.toLowerCase()}0000000000000000000000000`, mode: 'test' as const,
  }));
  return { rates, messages };
}

export async function startEasyPostEmulator(options: { port?: number } = {}): Promise<EasyPostEmulator> {
  const shipments = new Map<string, EpShipment>();
  const purchases: Purchase[] = [];
  const refunds: string[] = [];
  const scanForms: EasyPostEmulator['scanForms'] = [];
  const batches = new Map<string, { id: string; shipments: string[] }>();
  const files = new Map<string, { type: string; data: Buffer | string }>();
  let labelFormat: 'ZPL' | 'PNG' | 'PDF' = 'ZPL';
  let resolution: 203 | 300 = 203;
  let base = '';

  const tracking = new Map<string, { status: string; detail: string }>();
  const trackerRequests: string[] = [];
  // each read of a tracker moves the parcel one step on, so a bench that polls sees it travel
  const trackers = new Map<string, { id: string; tracking_code: string; carrier: string; step: number }>();
  const JOURNEY: Array<[string, string, string]> = [
    ['pre_transit', 'label_created', 'Shipping Label Created'], ['in_transit', 'arrived_at_facility', 'Arrived at USPS Facility'],
    ['out_for_delivery', 'out_for_delivery', 'Out for Delivery'], ['delivered', 'arrived_at_destination', 'Delivered, In/At Mailbox'],
  ];
  function trackerRead(code: string, carrier: string) {
    let t = trackers.get(code);
    if (!t) { t = { id: `trk_${randomHex(32)}`, tracking_code: code, carrier, step: -1 }; trackers.set(code, t); }
    t.step = Math.min(JOURNEY.length - 1, t.step + 1);
    // a test may say where the parcel is (setTracking); otherwise it travels one step per read
    const forced = tracking.get(code);
    const [status, statusDetail] = forced ? [forced.status, forced.detail] : JOURNEY[t.step]!;
    return {
      id: t.id, object: 'Tracker', mode: 'test', tracking_code: code, carrier: t.carrier, status, status_detail: statusDetail, updated_at: now(),
      public_url: `https://track.easypost.test/${code}`,
      tracking_details: forced ? [{ object: 'TrackingDetail', status, status_detail: statusDetail, message: '', datetime: now() }]
        : JOURNEY.slice(0, t.step + 1).map(([s, d, message]) => ({ object: 'TrackingDetail', status: s, status_detail: d, message, datetime: now() })),
    };
  }

  const byIdOrReference = (key: string) => shipments.get(key) ?? [...shipments.values()].reverse().find((s) => s.reference === key);

  async function route(req: Parameters<Parameters<typeof startHttpEmulator>[0]>[0]): Promise<Reply> {
    const auth = req.headers.authorization ?? '';
    const user = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0] : '';
    if (req.path.startsWith('/labels/')) {
      const f = files.get(req.path.slice('/labels/'.length));
      return f ? { status: 200, body: null, raw: f.data, headers: { 'content-type': f.type } } : { status: 404, body: null, raw: 'not found' };
    }
    if (!user) return error(401, 'APIKEY.REQUIRED', 'No API key was provided. Use HTTP Basic auth with your API key as the username.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if (req.method === 'POST' && req.path === '/v2/shipments') {
      const s = (body.shipment ?? {}) as { reference?: string; to_address?: Addr; from_address?: Addr; parcel?: Record<string, unknown>; customs_info?: Record<string, unknown>; options?: Record<string, unknown>; is_return?: boolean };
      const errors: Array<{ field: string; message: string }> = [];
      for (const [k, a] of [['to_address', s.to_address], ['from_address', s.from_address]] as const) {
        if (!a?.street1) errors.push({ field: `${k}.street1`, message: 'cannot be blank' });
        if (!a?.country) errors.push({ field: `${k}.country`, message: 'cannot be blank' });
      }
      if (!s.parcel?.weight) errors.push({ field: 'parcel.weight', message: 'must be greater than 0' });
      if (errors.length) return error(422, 'PARAMETER.INVALID', 'Invalid parameters were passed.', errors);
      if (s.to_address!.zip === '00000') return error(422, 'ADDRESS.VERIFY.FAILURE', 'Unable to verify the destination address: the postal code 00000 does not exist.', [{ field: 'to_address.zip', message: 'does not exist' }]);
      if (s.to_address!.country !== s.from_address!.country && !s.customs_info) {
        return error(422, 'SHIPMENT.CUSTOMS_INFO.MISSING', 'Customs info is required for international shipments.', [{ field: 'customs_info', message: 'is required' }]);
      }
      const id = `shp_${randomHex(32)}`;
      // "leave the addresses the same as the initial Shipment's creation request and we switch the to_address and from_address"
      const isReturn = s.is_return === true;
      const to = isReturn ? s.from_address! : s.to_address!;
      const from = isReturn ? s.to_address! : s.from_address!;
      const { rates, messages } = ratesFor(id, { to_address: to, from_address: from, parcel: s.parcel as { weight?: number } });
      const shp: EpShipment = {
        id, object: 'Shipment', reference: s.reference ?? null, mode: 'test', created_at: now(), updated_at: now(), to_address: to, from_address: from, is_return: isReturn,
        parcel: { id: `prcl_${randomHex(32)}`, object: 'Parcel', ...s.parcel }, customs_info: s.customs_info ? { id: `cstinfo_${randomHex(32)}`, object: 'CustomsInfo', ...s.customs_info } : null,
        options: s.options ?? {}, rates, messages, selected_rate: null, postage_label: null, tracking_code: null, tracker: null, refund_status: null, scan_form: null, batch_id: null, status: 'unknown',
      };
      shipments.set(id, shp);
      return { status: 201, body: shp };
    }
    if (req.method === 'POST' && (m = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(req.path))) {
      const shp = shipments.get(m[1]!);
      if (!shp) return error(404, 'NOT_FOUND', 'The requested resource could not be found.');
      if (shp.postage_label) return error(422, 'SHIPMENT.POSTAGE.EXISTS', 'This shipment already has postage: it cannot be bought twice.');
      const rateId = ((body.rate ?? {}) as { id?: string }).id;
      const rate = shp.rates.find((r) => r.id === rateId);
      if (!rate) return error(422, 'SHIPMENT.RATE.INVALID', 'The rate does not belong to this shipment.', [{ field: 'rate.id', message: 'is invalid' }]);
      const tracking = trackingFor(rate.carrier);
      const labelId = `pl_${randomHex(32)}`;
      const zpl = carrierZpl({ carrier: rate.carrier, service: rate.service, tracking, toName: shp.to_address.name ?? '', toCity: shp.to_address.city ?? '', dpi: resolution });
      files.set(`${labelId}.zpl`, { type: 'text/plain', data: zpl });
      const png = await bwipjs.toBuffer({ bcid: 'code128', text: tracking, scale: 3, height: 25, includetext: true, paddingwidth: 30, paddingheight: 30, backgroundcolor: 'FFFFFF' });
      files.set(`${labelId}.png`, { type: 'image/png', data: png });
      if (labelFormat === 'PDF') {
        const pdf = await carrierPdf({ carrier: rate.carrier, service: rate.service, tracking, toName: shp.to_address.name ?? '', toCity: shp.to_address.city ?? '' });
        files.set(`${labelId}.pdf`, { type: 'application/pdf', data: pdf });
      }
      shp.selected_rate = rate;
      shp.tracking_code = tracking;
      shp.status = 'pre_transit';
      // label_format PDF: label_url and label_pdf_url both point at the PDF (EasyPost's PostageLabel object)
      const pdf = labelFormat === 'PDF' ? `${base}/labels/${labelId}.pdf` : null;
      shp.postage_label = {
        id: labelId, object: 'PostageLabel', label_resolution: resolution, label_size: '4x6',
        label_file_type: labelFormat === 'ZPL' ? 'application/zpl' : labelFormat === 'PDF' ? 'application/pdf' : 'image/png',
        label_url: pdf ?? `${base}/labels/${labelId}.png`, label_zpl_url: labelFormat === 'ZPL' ? `${base}/labels/${labelId}.zpl` : null, label_pdf_url: pdf, label_date: now(),
      };
      shp.tracker = { id: `trk_${randomHex(32)}`, object: 'Tracker', tracking_code: tracking, status: 'pre_transit', public_url: `https://track.easypost.test/${tracking}` };
      shp.updated_at = now();
      purchases.push({ shipmentId: shp.id, reference: shp.reference, rateId: rate.id, tracking, at: Date.now(), isReturn: shp.is_return, toName: shp.to_address.name ?? '' });
      return { status: 200, body: shp };
    }
    if (req.method === 'POST' && (m = /^\/v2\/shipments\/([^/]+)\/refund$/.exec(req.path))) {
      const shp = shipments.get(m[1]!);
      if (!shp) return error(404, 'NOT_FOUND', 'The requested resource could not be found.');
      if (!shp.postage_label) return error(422, 'SHIPMENT.REFUND.NOT_PURCHASED', 'This shipment has no postage to refund.');
      if (shp.refund_status) return error(422, 'SHIPMENT.REFUND.EXISTS', 'A refund was already requested for this shipment.');
      shp.refund_status = 'submitted';
      refunds.push(shp.id);
      return { status: 200, body: shp };
    }
    if (req.method === 'GET' && (m = /^\/v2\/shipments\/([^/]+)$/.exec(req.path))) {
      const shp = byIdOrReference(decodeURIComponent(m[1]!));
      return shp ? { status: 200, body: shp } : error(404, 'NOT_FOUND', 'The requested resource could not be found.');
    }
    if (req.method === 'POST' && req.path === '/v2/scan_forms') {
      const ids = (((body.scan_form ?? {}) as { shipments?: Array<{ id: string }> }).shipments ?? []).map((s) => s.id);
      if (!ids.length) return error(422, 'SCAN_FORM.SHIPMENTS.MISSING', 'A scan form needs at least one shipment.');
      for (const id of ids) {
        const shp = shipments.get(id);
        if (!shp?.postage_label) return error(422, 'SCAN_FORM.SHIPMENT.INVALID', `Shipment ${id} has no postage.`);
        if (shp.scan_form) return error(422, 'SCAN_FORM.SHIPMENT.EXISTS', `Shipment ${id} is already on a scan form.`);
      }
      const form = { id: `sf_${randomHex(32)}`, object: 'ScanForm', status: 'created', message: null, tracking_code: `9475711${Math.floor(Math.random() * 1e15)}`.slice(0, 22), form_url: `${base}/labels/scan-form.pdf`, form_file_type: null, created_at: now(), updated_at: now() };
      for (const id of ids) shipments.get(id)!.scan_form = form;
      scanForms.push({ id: form.id, shipmentIds: ids });
      return { status: 201, body: { ...form, shipments: ids.map((id) => shipments.get(id)) } };
    }
    if (req.method === 'POST' && req.path === '/v2/batches') {
      const ids = (((body.batch ?? {}) as { shipments?: Array<{ id: string }> }).shipments ?? []).map((s) => s.id);
      const batch = { id: `batch_${randomHex(32)}`, shipments: ids };
      batches.set(batch.id, batch);
      return { status: 201, body: { id: batch.id, object: 'Batch', state: 'created', num_shipments: ids.length, shipments: ids.map((id) => ({ id, batch_status: 'queued' })) } };
    }
    if (req.method === 'POST' && (m = /^\/v2\/batches\/([^/]+)\/scan_form$/.exec(req.path))) {
      const batch = batches.get(m[1]!);
      if (!batch) return error(404, 'NOT_FOUND', 'The requested resource could not be found.');
      const form = { id: `sf_${randomHex(32)}`, object: 'ScanForm', status: 'created', form_url: `${base}/labels/scan-form.pdf` };
      scanForms.push({ id: form.id, shipmentIds: batch.shipments });
      return { status: 200, body: { id: batch.id, object: 'Batch', state: 'purchased', scan_form: form } };
    }
    if (req.method === 'POST' && req.path === '/v2/trackers') {
      const t = (body.tracker ?? {}) as { tracking_code?: string; carrier?: string };
      if (!t.tracking_code) return error(422, 'TRACKER.TRACKING_CODE.MISSING', 'A tracking code is required.');
      trackerRequests.push(t.tracking_code);
      // EasyPost returns the existing tracker for the same code and carrier rather than a duplicate
      return { status: 200, body: trackerRead(t.tracking_code, t.carrier ?? 'USPS') };
    }
    if (req.method === 'GET' && (m = /^\/v2\/trackers\/([^/]+)$/.exec(req.path))) {
      const t = [...trackers.values()].find((x) => x.id === m![1]);
      return t ? { status: 200, body: trackerRead(t.tracking_code, t.carrier) } : error(404, 'NOT_FOUND', 'The requested resource could not be found.');
    }
    return error(404, 'NOT_FOUND', `No route for ${req.method} ${req.path}.`);
  }

  const http = await startHttpEmulator(route, { name: 'EasyPost', ...(options.port ? { port: options.port } : {}) });
  base = http.url;
  return Object.assign(http, {
    shipments, purchases, refunds, scanForms, trackerRequests,
    trackingSteps: (code: string) => (trackers.get(code)?.step ?? -1) + 1,
    setLabelFormat(f: 'ZPL' | 'PNG' | 'PDF') { labelFormat = f; },
    setLabelResolution(dpi: 203 | 300) { resolution = dpi; },
    setTracking(code: string, status: string, statusDetail = 'status_update') { tracking.set(code, { status, detail: statusDetail }); },
  });
}
