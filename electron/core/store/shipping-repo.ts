import type { CarrierAccount, CarrierKind, Manifest, PackagePreset, Shipment, ShipmentStatus } from '../../../shared/contract/shipping';
import type { Db } from './db';

export type CarrierConfig = {
  baseUrl?: string;
  refusesPoBox?: boolean;
  voidWindowDays?: number;
  localPriceMinor?: number;
  localDays?: number;
};
export type CarrierRow = { id: number; kind: CarrierKind; name: string; enabled: boolean; config: CarrierConfig; secretName: string };

/** Everything the queue needs to buy a label without reading anything else. */
export type ShipmentRecord = Shipment & {
  sessionId: number | null;
  final: boolean;
  idempotencyKey: string;
  request: unknown;
  lines: Array<{ sku: string; quantity: number }>;
  remoteShipmentId: string;
  rate: unknown;
  remoteLabelId: string;
  nextAttemptAt: string | null;
  voidedAt: string | null;
};

export type NewShipment = {
  orderId: number; sessionId: number | null; parcelNo: number; final: boolean; carrierId: number | null;
  status: ShipmentStatus; idempotencyKey: string; request: unknown; lines: Array<{ sku: string; quantity: number }>;
  weightGrams: number; weightSource: 'scale' | 'catalog'; packageName: string; words: string; at: string;
  /** a return label (parcel_no 0) */
  returnId?: number | null;
  /** the voided label this one replaces (bought again) */
  replacesId?: number | null;
};

const shipmentColumns = `s.id, s.order_id AS orderId, o.number AS orderNumber, s.parcel_no AS parcelNo, s.carrier_id AS carrierId,
  coalesce(nullif(s.carrier_name, ''), ca.name, '') AS carrierName, s.status, s.words, s.service, s.tracking_number AS trackingNumber,
  s.tracking_url AS trackingUrl, s.price_minor AS priceMinor, s.currency, s.weight_grams AS weightGrams, s.weight_source AS weightSource,
  s.package_name AS packageName, s.attempts, s.print_job_id AS printJobId, s.manifest_id AS manifestId, s.created_at AS createdAt,
  s.bought_at AS boughtAt, s.updated_at AS updatedAt, s.session_id AS sessionId, s.final, s.idempotency_key AS idempotencyKey,
  s.request, s.lines, s.remote_shipment_id AS remoteShipmentId, s.rate, s.remote_label_id AS remoteLabelId,
  s.next_attempt_at AS nextAttemptAt, s.voided_at AS voidedAt, s.return_id AS returnId, ca.config AS carrierConfig, s.replaces_id AS replacesId,
  (SELECT r.id FROM shipments r WHERE r.replaces_id = s.id) AS replacedById, s.tracking_status AS trackingStatus,
  s.tracking_detail AS trackingDetail, s.tracked_at AS trackedAt`;
const shipmentFrom = 'shipments s JOIN orders o ON o.id = s.order_id LEFT JOIN carrier_accounts ca ON ca.id = s.carrier_id';

type RawShipment = Omit<ShipmentRecord, 'final' | 'request' | 'lines' | 'rate' | 'voidableUntil'> & {
  final: number; request: string; lines: string; rate: string; carrierConfig: string | null;
};

const DAY_MS = 86_400_000;

function toShipment(r: RawShipment): ShipmentRecord {
  const { carrierConfig, ...rest } = r;
  const windowDays = (JSON.parse(carrierConfig ?? '{}') as CarrierConfig).voidWindowDays ?? 30;
  const voidableUntil = r.boughtAt && r.status === 'bought' ? new Date(Date.parse(r.boughtAt) + windowDays * DAY_MS).toISOString() : null;
  return {
    ...rest, final: r.final === 1, request: JSON.parse(r.request) as unknown, lines: JSON.parse(r.lines) as ShipmentRecord['lines'],
    rate: JSON.parse(r.rate) as unknown, voidableUntil,
  };
}

/** Strips what only the core may see (request, lines, keys) for screens. */
export function publicShipment(s: ShipmentRecord): Shipment {
  const {
    sessionId: _s, final: _f, idempotencyKey: _k, request: _r, lines: _l, remoteShipmentId: _rs, rate: _rate, remoteLabelId: _rl,
    nextAttemptAt: _n, voidedAt: _v, ...pub
  } = s;
  return pub;
}

export function createShippingRepo(db: Db) {
  const c = db.$client;
  const carrierSelect = 'SELECT id, kind, name, enabled, config, secret_name AS secretName FROM carrier_accounts';
  type RawCarrier = Omit<CarrierRow, 'enabled' | 'config'> & { enabled: number; config: string };
  const toCarrier = (r: RawCarrier): CarrierRow => ({ ...r, enabled: r.enabled === 1, config: JSON.parse(r.config) as CarrierConfig });
  const presetSelect = `SELECT id, name, length_mm AS lengthMm, width_mm AS widthMm, height_mm AS heightMm, empty_grams AS emptyGrams,
    is_default AS isDefault FROM package_presets`;
  type RawPreset = Omit<PackagePreset, 'isDefault'> & { isDefault: number };
  const toPreset = (r: RawPreset): PackagePreset => ({ ...r, isDefault: r.isDefault === 1 });
  const byId = c.prepare(`SELECT ${shipmentColumns} FROM ${shipmentFrom} WHERE s.id = ?`);

  return {
    carriers(): CarrierRow[] {
      return (c.prepare(`${carrierSelect} ORDER BY id`).all() as RawCarrier[]).map(toCarrier);
    },
    carrier(id: number): CarrierRow | undefined {
      const r = c.prepare(`${carrierSelect} WHERE id = ?`).get(id) as RawCarrier | undefined;
      return r ? toCarrier(r) : undefined;
    },
    saveCarrier(a: { id?: number | undefined; kind: CarrierKind; name: string; enabled: boolean; config: CarrierConfig; secretName: string; at: string }): number {
      const row = { ...a, enabled: a.enabled ? 1 : 0, config: JSON.stringify(a.config) };
      if (a.id) {
        c.prepare('UPDATE carrier_accounts SET kind = @kind, name = @name, enabled = @enabled, config = @config, secret_name = @secretName WHERE id = @id').run(row);
        return a.id;
      }
      return Number(c.prepare(`INSERT INTO carrier_accounts (kind, name, enabled, config, secret_name, created_at)
        VALUES (@kind, @name, @enabled, @config, @secretName, @at)`).run(row).lastInsertRowid);
    },
    publicCarrier(r: CarrierRow, hasKey: boolean): CarrierAccount {
      return {
        id: r.id, kind: r.kind, name: r.name, enabled: r.enabled, hasKey, baseUrl: r.config.baseUrl ?? '',
        refusesPoBox: r.config.refusesPoBox ?? false, voidWindowDays: r.config.voidWindowDays ?? 30,
        localPriceMinor: r.config.localPriceMinor ?? 0, localDays: r.config.localDays ?? 1,
      };
    },

    presets(): PackagePreset[] {
      return (c.prepare(`${presetSelect} WHERE removed = 0 ORDER BY is_default DESC, name`).all() as RawPreset[]).map(toPreset);
    },
    preset(id: number): PackagePreset | undefined {
      const r = c.prepare(`${presetSelect} WHERE id = ? AND removed = 0`).get(id) as RawPreset | undefined;
      return r ? toPreset(r) : undefined;
    },
    savePreset(p: Omit<PackagePreset, 'id'> & { id?: number | undefined }): number {
      const row = { ...p, isDefault: p.isDefault ? 1 : 0 };
      if (p.isDefault) c.prepare('UPDATE package_presets SET is_default = 0').run();
      if (p.id) {
        c.prepare(`UPDATE package_presets SET name = @name, length_mm = @lengthMm, width_mm = @widthMm, height_mm = @heightMm,
          empty_grams = @emptyGrams, is_default = @isDefault WHERE id = @id`).run(row);
        return p.id;
      }
      return Number(c.prepare(`INSERT INTO package_presets (name, length_mm, width_mm, height_mm, empty_grams, is_default)
        VALUES (@name, @lengthMm, @widthMm, @heightMm, @emptyGrams, @isDefault)`).run(row).lastInsertRowid);
    },
    /** kept as a row (old shipments name it), hidden from choice */
    removePreset(id: number) {
      c.prepare('UPDATE package_presets SET removed = 1, is_default = 0 WHERE id = ?').run(id);
      c.prepare('DELETE FROM sku_packages WHERE package_id = ?').run(id);
    },
    skuPackage(variantId: number): number | null {
      return (c.prepare('SELECT package_id AS id FROM sku_packages WHERE variant_id = ?').get(variantId) as { id: number } | undefined)?.id ?? null;
    },
    setSkuDefaults(variantId: number, hsCode: string, originCountry: string, packageId: number | null) {
      c.prepare('UPDATE variants SET hs_code = ?, origin_country = ? WHERE id = ?').run(hsCode, originCountry, variantId);
      if (packageId === null) c.prepare('DELETE FROM sku_packages WHERE variant_id = ?').run(variantId);
      else c.prepare('INSERT INTO sku_packages (variant_id, package_id) VALUES (?, ?) ON CONFLICT (variant_id) DO UPDATE SET package_id = excluded.package_id').run(variantId, packageId);
    },
    customsOf(variantId: number): { hsCode: string; originCountry: string } {
      return (c.prepare('SELECT hs_code AS hsCode, origin_country AS originCountry FROM variants WHERE id = ?').get(variantId) as { hsCode: string; originCountry: string } | undefined)
        ?? { hsCode: '', originCountry: '' };
    },

    parcelChoice(sessionId: number): { packageId: number | null; weightGrams: number | null } | undefined {
      return c.prepare('SELECT package_id AS packageId, weight_grams AS weightGrams FROM parcel_choices WHERE session_id = ?').get(sessionId) as
        { packageId: number | null; weightGrams: number | null } | undefined;
    },
    setParcelChoice(sessionId: number, packageId: number | null, weightGrams: number | null, at: string) {
      c.prepare(`INSERT INTO parcel_choices (session_id, package_id, weight_grams, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (session_id) DO UPDATE SET package_id = excluded.package_id, weight_grams = excluded.weight_grams, updated_at = excluded.updated_at`)
        .run(sessionId, packageId, weightGrams, at);
    },

    insertShipment(s: NewShipment): number {
      return Number(c.prepare(`INSERT INTO shipments (order_id, session_id, parcel_no, final, carrier_id, status, idempotency_key, request, lines,
          weight_grams, weight_source, package_name, words, created_at, updated_at, replaces_id, return_id)
        VALUES (@orderId, @sessionId, @parcelNo, @final, @carrierId, @status, @idempotencyKey, @request, @lines, @weightGrams, @weightSource,
          @packageName, @words, @at, @at, @replacesId, @returnId)`)
        .run({ returnId: null, ...s, replacesId: s.replacesId ?? null, final: s.final ? 1 : 0, request: JSON.stringify(s.request), lines: JSON.stringify(s.lines) }).lastInsertRowid);
    },
    shipment(id: number): ShipmentRecord | undefined {
      const r = byId.get(id) as RawShipment | undefined;
      return r ? toShipment(r) : undefined;
    },
    /** Only the named fields change; updated_at always. */
    updateShipment(id: number, patch: Partial<{
      status: ShipmentStatus; words: string; remoteShipmentId: string; rate: unknown; carrierId: number; carrierName: string; service: string;
      trackingNumber: string; trackingUrl: string; priceMinor: number | null; currency: string; remoteLabelId: string; printJobId: number;
      manifestId: number; nextAttemptAt: string | null; boughtAt: string; voidedAt: string; countAttempt: boolean;
      trackingStatus: string; trackingDetail: string; trackedAt: string; weightGrams: number;
    }>, at: string) {
      const columns: Record<string, string> = {
        status: 'status', words: 'words', remoteShipmentId: 'remote_shipment_id', rate: 'rate', carrierId: 'carrier_id', carrierName: 'carrier_name',
        service: 'service', trackingNumber: 'tracking_number', trackingUrl: 'tracking_url', priceMinor: 'price_minor', currency: 'currency',
        remoteLabelId: 'remote_label_id', printJobId: 'print_job_id', manifestId: 'manifest_id', nextAttemptAt: 'next_attempt_at',
        boughtAt: 'bought_at', voidedAt: 'voided_at', trackingStatus: 'tracking_status', trackingDetail: 'tracking_detail', trackedAt: 'tracked_at',
        weightGrams: 'weight_grams',
      };
      const sets = ['updated_at = @at'];
      const params: Record<string, unknown> = { id, at };
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'countAttempt') { if (value) sets.push('attempts = attempts + 1'); continue; }
        const col = columns[key];
        if (!col || value === undefined) continue;
        sets.push(`${col} = @${key}`);
        params[key] = key === 'rate' ? JSON.stringify(value) : value;
      }
      c.prepare(`UPDATE shipments SET ${sets.join(', ')} WHERE id = @id`).run(params);
    },
    updateRequest(id: number, request: unknown) {
      c.prepare('UPDATE shipments SET request = ? WHERE id = ?').run(JSON.stringify(request), id);
    },
    /** Waiting labels whose next try is due, oldest first. */
    dueShipments(now: string, limit: number): number[] {
      return (c.prepare(`SELECT id FROM shipments WHERE status IN ('pending', 'buying', 'voiding')
          AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?`).all(now, limit) as Array<{ id: number }>).map((r) => r.id);
    },
    waiting(): Array<{ id: number; nextAttemptAt: string | null }> {
      return c.prepare(`SELECT id, next_attempt_at AS nextAttemptAt FROM shipments WHERE status IN ('pending', 'buying', 'voiding')`).all() as Array<{ id: number; nextAttemptAt: string | null }>;
    },
    listShipments(f: { day?: string | undefined; carrierId?: number | undefined; status?: ShipmentStatus | undefined; orderId?: number | undefined; limit: number }): ShipmentRecord[] {
      const where: string[] = [];
      if (f.day) where.push(`s.created_at >= @dayStart AND s.created_at < @dayEnd`);
      if (f.carrierId) where.push('s.carrier_id = @carrierId');
      if (f.status) where.push('s.status = @status');
      if (f.orderId) where.push('s.order_id = @orderId');
      const dayStart = f.day ? `${f.day}T00:00:00.000Z` : undefined;
      const dayEnd = f.day ? new Date(Date.parse(`${f.day}T00:00:00.000Z`) + DAY_MS).toISOString() : undefined;
      return (c.prepare(`SELECT ${shipmentColumns} FROM ${shipmentFrom} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id DESC LIMIT @limit`)
        .all({ ...f, dayStart, dayEnd }) as RawShipment[]).map(toShipment);
    },
    liveShipmentForParcel(orderId: number, parcelNo: number): ShipmentRecord | undefined {
      const r = c.prepare(`SELECT ${shipmentColumns} FROM ${shipmentFrom} WHERE s.order_id = ? AND s.parcel_no = ? AND s.status <> 'voided' AND s.return_id IS NULL`).get(orderId, parcelNo) as RawShipment | undefined;
      return r ? toShipment(r) : undefined;
    },
    /**
     * The parcel's fulfilment rows for the channel that carry this tracking number: `unsent` ones never
     * reached the shop (pending, and the sync engine's delivery state says nothing of it went out: no attempt
     * yet, or only attempts that never connected), `sent` ones did or may have.
     */
    fulfilmentRows(orderId: number, parcelNo: number, trackingNumber: string): { unsent: number[]; sent: number[] } {
      const rows = c.prepare(`SELECT o.id, o.status, o.attempts, coalesce(d.state, 'waiting') AS state FROM outbox o
          LEFT JOIN outbox_delivery d ON d.outbox_id = o.id WHERE o.topic = 'order.fulfilled'
          AND json_extract(o.payload, '$.orderId') = ? AND json_extract(o.payload, '$.parcelNo') = ? AND json_extract(o.payload, '$.tracking.number') = ?`)
        .all(orderId, parcelNo, trackingNumber) as Array<{ id: number; status: string; attempts: number; state: string }>;
      const unsent = (r: { status: string; attempts: number; state: string }) => r.status === 'pending' && (r.attempts === 0 || r.state === 'waiting');
      return {
        unsent: rows.filter(unsent).map((r) => r.id),
        // skipped rows are marked 'sent' by the drain with state 'skipped': they never reached the shop
        sent: rows.filter((r) => !unsent(r) && r.state !== 'skipped').map((r) => r.id),
      };
    },
    /** Bought labels of carriers with a tracking service whose parcel is still on its way and was not asked about since `checkedBefore`. */
    trackable(checkedBefore: string, boughtSince: string, limit: number): ShipmentRecord[] {
      return (c.prepare(`SELECT ${shipmentColumns} FROM ${shipmentFrom} WHERE s.status = 'bought' AND ca.kind <> 'local'
          AND s.return_id IS NULL AND s.tracking_status NOT IN ('delivered', 'returned') AND s.bought_at >= ? AND (s.tracked_at IS NULL OR s.tracked_at <= ?)
          ORDER BY coalesce(s.tracked_at, ''), s.id LIMIT ?`).all(boughtSince, checkedBefore, limit) as RawShipment[]).map(toShipment);
    },
    /** outbound labels bought and on no manifest yet (return labels travel the other way: they are on none) */
    unmanifested(carrierId: number): ShipmentRecord[] {
      return (c.prepare(`SELECT ${shipmentColumns} FROM ${shipmentFrom} WHERE s.carrier_id = ? AND s.status = 'bought' AND s.manifest_id IS NULL AND s.return_id IS NULL ORDER BY s.id`)
        .all(carrierId) as RawShipment[]).map(toShipment);
    },
    localSequence(): number {
      return (c.prepare(`SELECT count(*) AS n FROM shipments s JOIN carrier_accounts ca ON ca.id = s.carrier_id WHERE ca.kind = 'local'`).get() as { n: number }).n;
    },

    insertManifest(m: { carrierId: number; remoteId: string; status: 'created' | 'failed'; words: string; shipmentCount: number; documentUrl: string; printJobId: number | null; at: string }): number {
      return Number(c.prepare(`INSERT INTO manifests (carrier_id, remote_id, status, words, shipment_count, document_url, print_job_id, created_at)
        VALUES (@carrierId, @remoteId, @status, @words, @shipmentCount, @documentUrl, @printJobId, @at)`).run(m).lastInsertRowid);
    },
    setManifestJob(id: number, printJobId: number) {
      c.prepare('UPDATE manifests SET print_job_id = ? WHERE id = ?').run(printJobId, id);
    },
    manifests(limit: number): Manifest[] {
      return c.prepare(`SELECT m.id, m.carrier_id AS carrierId, ca.name AS carrierName, m.status, m.words, m.shipment_count AS shipmentCount,
          m.print_job_id AS printJobId, m.created_at AS createdAt FROM manifests m JOIN carrier_accounts ca ON ca.id = m.carrier_id
        ORDER BY m.id DESC LIMIT ?`).all(limit) as Manifest[];
    },
    manifest(id: number): Manifest | undefined {
      return c.prepare(`SELECT m.id, m.carrier_id AS carrierId, ca.name AS carrierName, m.status, m.words, m.shipment_count AS shipmentCount,
          m.print_job_id AS printJobId, m.created_at AS createdAt FROM manifests m JOIN carrier_accounts ca ON ca.id = m.carrier_id
        WHERE m.id = ?`).get(id) as Manifest | undefined;
    },
  };
}
export type ShippingRepo = ReturnType<typeof createShippingRepo>;
