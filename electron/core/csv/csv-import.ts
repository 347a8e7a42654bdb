import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { ImportField, ImportSummary, RowError } from '../../../shared/contract/csv';
import type { Address } from '../../../shared/domain/address';
import { checkBarcode, checkSku, normaliseHsCode } from '../../../shared/domain/catalog-rules';
import { isoNow, type Clock } from '../clock';
import type { ImportResult, IncomingOrder } from '../services/orders-service';
import { checkIncomingOrder } from '../services/incoming-order';
import { addressProblems, countryName, lineTitle, localChannel, withoutFieldPath } from '../services/order-entry';
import type { Repos } from '../store';
import type { Symbology } from '../store/catalog-repo';
import { CATALOG_FIELDS, countryCode, ORDER_FIELDS, parseDate, parseWhole } from '../../../shared/domain/csv-fields';
import { parseAmount } from '../../../shared/domain/amount';
import { commitCatalog, type CatalogRow } from './catalog-import';

type Kind = 'orders' | 'catalog';
type OrderRow = { row: number; number: string; order: Omit<IncomingOrder, 'lines'>; line: IncomingOrder['lines'][number] };
type Staged = { row: number; value: OrderRow | CatalogRow };

type Job = {
  id: string; kind: Kind; fileName: string; createdAt: number;
  /** column index -> field key */
  columns: Array<{ index: number; key: string; header: string }>;
  headers: string[];
  good: Staged[];
  errors: RowError[];
  badRows: Set<number>;
  rows: number;
  preview: Array<Record<string, string>>;
  /** within the file: a SKU or barcode already seen (catalog), the row an order number first came on (orders) */
  seen: Map<string, number>;
  /** order number -> its rows that have errors: the whole order is held back */
  badNumbers: Map<string, number[]>;
  /** looked up once per file, not once per row */
  defaultLocationId: number | undefined;
  variants: Map<string, { id: number; sku: string; title: string } | null>;
};

const MAX_JOBS = 4;
const MAX_ROWS = 500_000;
const LISTED_ERRORS = 200;
/** as many lines as the store takes in one order (IncomingOrderSchema) */
const MAX_ORDER_LINES = 1000;
const JOB_TTL_MS = 2 * 3600_000;
const UNREADABLE = '\uFFFD';

export const FIELDS: Record<Kind, ImportField[]> = { orders: ORDER_FIELDS, catalog: CATALOG_FIELDS };

/**
 * CSV import in three steps: start (the mapping the person confirmed), rows (sent in batches as the file
 * streams, each checked and kept here, never written), commit (every good row in one transaction, after
 * the person saw the errors and confirmed). Nothing reaches the store before the commit; a bad row never
 * stops the others, and an order lands whole or not at all.
 */
export function createCsvImport(repos: Repos, clock: Clock, deps: { importOrders(o: IncomingOrder[], source: string): ImportResult }) {
  const jobs = new Map<string, Job>();

  function expire() {
    const now = Date.now();
    for (const [id, j] of jobs) if (now - j.createdAt > JOB_TTL_MS) jobs.delete(id);
  }

  function start(input: { kind: Kind; fileName: string; mapping: Record<string, string>; headers: string[] }) {
    expire();
    if (jobs.size >= MAX_JOBS) {
      const oldest = [...jobs.values()].sort((a, b) => a.createdAt - b.createdAt)[0]!;
      jobs.delete(oldest.id);
    }
    const fields = FIELDS[input.kind];
    const columns: Job['columns'] = [];
    const mappedKeys = new Set<string>();
    input.headers.forEach((header, index) => {
      const key = input.mapping[header];
      if (!key) return;
      if (!fields.some((f) => f.key === key)) throw new AppError('invalid_request', `"${key}" is not something Packbench reads from a ${input.kind} file.`, 'Choose the column\'s meaning from the list.');
      if (mappedKeys.has(key)) {
        const label = fields.find((f) => f.key === key)!.label;
        throw new AppError('invalid_request', `Two columns are both set to "${label}".`, 'Set one of them to "Do not import".', { [header]: 'Chosen twice.' });
      }
      mappedKeys.add(key);
      columns.push({ index, key, header });
    });
    const missing = fields.filter((f) => f.required && !mappedKeys.has(f.key));
    if (missing.length) {
      throw new AppError('invalid_request', `Choose the column for ${missing.map((f) => `"${f.label}"`).join(', ')}: Packbench cannot import ${input.kind} without ${missing.length === 1 ? 'it' : 'them'}.`,
        'Pick the column on the mapping screen, or add it to the file.');
    }
    if (input.kind === 'orders' && repos.catalog.defaultLocationId() === undefined) {
      throw new AppError('conflict', 'Orders ship from a location, and this workspace has none yet.', 'Add a location on the Warehouse screen, then import again.');
    }
    const id = randomUUID();
    jobs.set(id, { id, kind: input.kind, fileName: input.fileName, createdAt: Date.now(), columns, headers: input.headers, good: [], errors: [], badRows: new Set(), rows: 0, preview: [], seen: new Map(), badNumbers: new Map(), defaultLocationId: repos.catalog.defaultLocationId(), variants: new Map() });
    return { importId: id, fields };
  }

  function job(id: string): Job {
    const j = jobs.get(id);
    if (!j) throw new AppError('not_found', 'This import is no longer open (it was imported, cancelled, or Packbench restarted). Nothing was imported from it.', 'Load the file again.');
    return j;
  }

  function addError(j: Job, row: number, column: string, message: string) {
    j.badRows.add(row);
    j.errors.push({ row, column, message });
  }

  function markBadOrder(j: Job, cells: string[], row: number) {
    if (j.kind !== 'orders') return;
    const col = j.columns.find((c) => c.key === 'number');
    const number = col ? (cells[col.index] ?? '').trim() : '';
    if (number) j.badNumbers.set(number, [...(j.badNumbers.get(number) ?? []), row]);
  }

  function rows(input: { importId: string; rows: Array<{ row: number; cells: string[] }>; parseErrors: Array<{ row: number; message: string; cells?: string[] | undefined }>; done: boolean }): ImportSummary {
    const j = job(input.importId);
    if (j.rows + input.rows.length > MAX_ROWS) {
      jobs.delete(j.id);
      throw new AppError('invalid_request', `The file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows; Packbench imports at most that many at once. Nothing was imported.`, 'Split the file into smaller files and import them one after another.');
    }
    for (const e of input.parseErrors) {
      j.rows++;
      addError(j, e.row, '', e.message);
      if (e.cells) markBadOrder(j, e.cells, e.row);
    }
    for (const r of input.rows) {
      j.rows++;
      const cells: Record<string, string> = {};
      const headerOf: Record<string, string> = {};
      for (const c of j.columns) { cells[c.key] = (r.cells[c.index] ?? '').trim(); headerOf[c.key] = c.header; }
      if (j.preview.length < 20) j.preview.push(Object.fromEntries(j.columns.map((c) => [c.header, r.cells[c.index] ?? ''])));
      if (r.cells.every((c) => c.trim() === '')) { j.rows--; continue; } // a blank line is not a row
      const broken = j.columns.find((c) => (r.cells[c.index] ?? '').includes(UNREADABLE));
      if (broken) {
        addError(j, r.row, broken.header, 'has characters that could not be read: the file is not UTF-8 all through. Save it again as "CSV UTF-8", or choose its encoding before loading it.');
        markBadOrder(j, r.cells, r.row);
        continue;
      }
      const problems: Array<[string, string]> = [];
      const fail = (key: string, message: string) => problems.push([headerOf[key] ?? key, message]);
      const value = j.kind === 'orders' ? orderRow(j, r.row, cells, fail) : catalogRow(j, r.row, cells, fail);
      if (problems.length || !value) {
        for (const [column, message] of problems) addError(j, r.row, column, message);
        markBadOrder(j, r.cells, r.row);
        continue;
      }
      j.good.push({ row: r.row, value });
    }
    // while the file streams, only the counts so far: planning every batch would cost the square of the rows
    return input.done ? summary(j) : progress(j);
  }

  function progress(j: Job): ImportSummary {
    return {
      importId: j.id, kind: j.kind, rows: j.rows, goodRows: j.good.length, badRows: j.badRows.size, heldRows: 0, records: 0, duplicates: 0,
      errors: j.errors.slice(0, LISTED_ERRORS), moreErrors: Math.max(0, j.errors.length - LISTED_ERRORS), preview: j.preview,
    };
  }

  function orderRow(j: Job, row: number, c: Record<string, string>, fail: (key: string, m: string) => void): OrderRow | null {
    const number = c.number ?? '';
    if (!number) fail('number', 'is empty: every row needs its order number.');
    const country = countryCode(c.shipCountry ?? '');
    if (!country) fail('shipCountry', `"${c.shipCountry ?? ''}" is not a country: use a two-letter code (DE) or the English name (Germany).`);
    const currency = (c.currency ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) fail('currency', `"${c.currency ?? ''}" is not a currency code: use three letters such as EUR or GBP.`);
    let variant = c.sku ? j.variants.get(c.sku) : undefined;
    if (c.sku && variant === undefined) {
      const v = repos.catalog.variantBySku(c.sku);
      variant = v ? { id: v.id, sku: v.sku, title: lineTitle(repos, v.id) } : null;
      j.variants.set(c.sku, variant);
    }
    if (!c.sku) fail('sku', 'is empty: every row needs the SKU of what was ordered.');
    else if (!variant) fail('sku', `${c.sku} is not in the catalog: import the catalog first, or correct the SKU.`);
    const quantity = parseWhole(c.quantity ?? '');
    if (quantity === null || quantity < 1 || quantity > 9999) fail('quantity', `"${c.quantity ?? ''}" is not a quantity: use a whole number from 1 to 9999.`);
    const money = (key: string) => {
      const text = c[key] ?? '';
      if (!text) return 0;
      const v = /^[A-Z]{3}$/.test(currency) ? parseAmount(text, currency) : 0;
      if (v === null || v < 0) { fail(key, `"${text}" is not an amount: write it like 12.50.`); return 0; }
      return v;
    };
    const unitPriceMinor = money('unitPrice');
    const shippingMinor = money('shipping');
    const createdAt = c.createdAt ? parseDate(c.createdAt) : isoNow(clock);
    if (!createdAt) fail('createdAt', `"${c.createdAt}" is not a date Packbench can read for sure: write it as year-month-day, e.g. 2026-11-27.`);
    const shipBy = c.shipBy ? parseDate(c.shipBy) : null;
    if (c.shipBy && !shipBy) fail('shipBy', `"${c.shipBy}" is not a date Packbench can read for sure: write it as year-month-day, e.g. 2026-11-30.`);
    let locationId = j.defaultLocationId!;
    if (c.location) {
      const loc = repos.warehouse.locationByCode(c.location);
      if (!loc) fail('location', `"${c.location}" is not one of your location codes.`);
      else locationId = loc.id;
    }
    const shipTo: Address = {
      name: c.shipName ?? '', company: c.shipCompany ?? '', line1: c.shipLine1 ?? '', line2: c.shipLine2 ?? '', line3: '',
      city: c.shipCity ?? '', region: c.shipRegion ?? '', postalCode: c.shipPostcode ?? '', countryCode: country ?? '', phone: c.shipPhone ?? '', email: c.email ?? '',
    };
    // the limits of an address as the store keeps it (AddressSchema), said per column
    const limits: Array<[string, string, number]> = [
      ['shipName', shipTo.name, 200], ['shipCompany', shipTo.company, 200], ['shipLine1', shipTo.line1, 200], ['shipLine2', shipTo.line2, 200],
      ['shipCity', shipTo.city, 120], ['shipRegion', shipTo.region, 120], ['shipPostcode', shipTo.postalCode, 32], ['shipPhone', shipTo.phone, 40],
      ['email', shipTo.email, 200], ['customerName', c.customerName ?? '', 200],
    ];
    for (const [key, value, max] of limits) if (value.length > max) fail(key, `is longer than ${max} characters: shorten it.`);
    if (country) {
      const map: Record<string, string> = { name: 'shipName', line1: 'shipLine1', city: 'shipCity', region: 'shipRegion', postalCode: 'shipPostcode', countryCode: 'shipCountry' };
      for (const [field, message] of Object.entries(addressProblems(shipTo))) {
        const key = map[field] ?? field;
        const mapped = j.columns.some((col) => col.key === key);
        fail(key, mapped ? message.replace(/^An address/, 'is empty, but an address') : `${message} (no column is mapped to it)`);
      }
    }
    if (!number || !country || !variant || quantity === null || !createdAt) return null;
    return {
      row, number,
      order: {
        channelId: 0, externalId: number, number, locationId, customerName: c.customerName || shipTo.name, shipTo, currency,
        subtotalMinor: 0, shippingMinor, taxMinor: 0, totalMinor: 0, createdAt, shipBy,
      },
      line: { sku: variant.sku, title: c.title || variant.title, quantity, unitPriceMinor },
    };
  }

  function catalogRow(j: Job, row: number, c: Record<string, string>, fail: (key: string, m: string) => void): CatalogRow | null {
    const title = c.productTitle ?? '';
    if (!title) fail('productTitle', 'is empty: every row needs the product name.');
    if (title.length > 200) fail('productTitle', 'is longer than 200 characters: shorten it.');
    const sku = checkSku(c.sku ?? '');
    if (!sku.ok) fail('sku', sku.message.replace(/^Every variant needs a SKU\.$/, 'is empty: every row needs a SKU.'));
    else {
      const firstRow = j.seen.get(sku.sku.toUpperCase());
      if (firstRow !== undefined) fail('sku', `${sku.sku} is also on row ${firstRow}: each SKU once per file.`);
      else j.seen.set(sku.sku.toUpperCase(), row);
    }
    const whole = (key: string, max: number) => {
      const text = c[key] ?? '';
      if (!text) return 0;
      const v = parseWhole(text);
      if (v === null || v < 0 || v > max) { fail(key, `"${text}" is not a whole number from 0 to ${max.toLocaleString('en-GB')}.`); return 0; }
      return v;
    };
    const codes: Array<{ code: string; symbology: Symbology; units: number }> = [];
    const addCode = (key: string, text: string, units: number) => {
      const checked = checkBarcode(text);
      if (!checked.ok) { fail(key, checked.message); return; }
      const owner = repos.products.barcodeOwner(checked.code);
      if (owner && sku.ok && owner.sku.toUpperCase() !== sku.sku.toUpperCase()) { fail(key, `${text} already belongs to ${owner.sku}.`); return; }
      const inFile = j.seen.get(`code:${checked.code}`);
      if (inFile !== undefined && inFile !== row) { fail(key, `${text} is also on row ${inFile}: a barcode names one SKU.`); return; }
      j.seen.set(`code:${checked.code}`, row);
      codes.push({ code: checked.code, symbology: checked.symbology, units });
    };
    for (const text of (c.barcodes ?? '').split(/[|;,\s]+/).filter(Boolean)) addCode('barcodes', text, 1);
    const caseUnits = c.caseUnits ? whole('caseUnits', 10_000) : 0;
    if (c.caseBarcode) {
      if (caseUnits < 2) fail('caseUnits', c.caseUnits ? 'must be at least 2 for a case barcode.' : 'is empty: say how many units one scan of the case barcode counts.');
      else addCode('caseBarcode', c.caseBarcode, caseUnits);
    }
    const hs = normaliseHsCode(c.hsCode ?? '');
    if (!hs.ok) fail('hsCode', hs.message);
    let origin = '';
    if (c.originCountry) {
      const code = countryCode(c.originCountry);
      if (!code) fail('originCountry', `"${c.originCountry}" is not a country: use a two-letter code (CN) or the English name (China).`);
      else origin = code;
    }
    const price = c.price ? parseAmount(c.price, 'EUR') : 0;
    if (price === null || price < 0) fail('price', `"${c.price}" is not a price: write it like 12.50.`);
    let defaultBin: { locationId: number; binId: number } | null = null;
    if (c.defaultBin) {
      const [a, b] = c.defaultBin.includes(':') ? c.defaultBin.split(':', 2) as [string, string] : [null, c.defaultBin];
      const loc = a ? repos.warehouse.locationByCode(a) : (repos.catalog.defaultLocationId() !== undefined ? { id: repos.catalog.defaultLocationId()! } : undefined);
      const bin = loc ? repos.warehouse.binByCode(loc.id, b) : undefined;
      if (!loc || !bin) fail('defaultBin', `"${c.defaultBin}" is not one of your bins: add it on the Warehouse screen, or write LOCATION:BIN.`);
      else defaultBin = { locationId: loc.id, binId: bin.id };
    }
    if (!title || !sku.ok || !hs.ok || price === null) return null;
    return {
      productTitle: title, sku: sku.sku, variantTitle: c.variantTitle ?? '', codes, replaceCodes: c.barcodes !== undefined || c.caseBarcode !== undefined,
      weightGrams: whole('weightGrams', 1_000_000), lengthMm: whole('lengthMm', 10_000), widthMm: whole('widthMm', 10_000), heightMm: whole('heightMm', 10_000),
      hsCode: hs.code, originCountry: origin, priceMinor: price, defaultBin, columns: new Set(j.columns.map((col) => col.key)),
    };
  }

  /** Orders grouped by number: a bad row holds back its whole order (never half an order), and numbers already imported are skipped. */
  function plan(j: Job) {
    if (j.kind === 'catalog') {
      const good = j.good.filter((g) => !j.badRows.has(g.row));
      const existing = good.filter((g) => repos.catalog.variantBySku((g.value as CatalogRow).sku) !== undefined).length;
      return { goodRows: good.length, heldRows: 0, records: good.length, duplicates: 0, existing, orders: [] as IncomingOrder[], catalog: good.map((g) => g.value as CatalogRow), held: [] as RowError[] };
    }
    const byNumber = new Map<string, OrderRow[]>();
    for (const g of j.good) {
      const r = g.value as OrderRow;
      const list = byNumber.get(r.number) ?? [];
      list.push(r);
      byNumber.set(r.number, list);
    }
    const channelId = repos.catalog.channels().find((ch) => ch.kind === 'csv')?.id;
    const held: RowError[] = [];
    const orders: IncomingOrder[] = [];
    let duplicates = 0;
    let heldRows = 0;
    let goodRows = 0;
    for (const [number, list] of byNumber) {
      const bad = j.badNumbers.get(number);
      if (bad && bad.length) {
        heldRows += list.length;
        for (const r of list) held.push({ row: r.row, column: '', message: `held back: row ${bad.join(', ')} of the same order ${number} has an error, and an order is imported whole or not at all.` });
        continue;
      }
      if (channelId !== undefined && repos.orders.idByChannelExternal(channelId, number) !== undefined) { duplicates++; continue; }
      if (list.length > MAX_ORDER_LINES) {
        heldRows += list.length;
        const words = `held back: order ${number} has ${list.length.toLocaleString('en-GB')} rows, and an order can have at most ${MAX_ORDER_LINES.toLocaleString('en-GB')} lines. Split it into two orders in the file.`;
        for (const r of list) held.push({ row: r.row, column: '', message: words });
        continue;
      }
      const first = list[0]!;
      const lines = list.map((r) => r.line);
      const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
      const order: IncomingOrder = { ...first.order, channelId: channelId ?? 1, lines, subtotalMinor: subtotal, totalMinor: subtotal + first.order.shippingMinor };
      // the store boundary's own check, here, so its refusals are named by row before anyone confirms
      const check = checkIncomingOrder(order);
      if (!check.ok) {
        heldRows += list.length;
        console.warn(`[csv] order ${number} refused at the store boundary: ${check.field}`);
        for (const r of list) held.push({ row: r.row, column: '', message: `held back: ${withoutFieldPath(check.words)}` });
        continue;
      }
      goodRows += list.length;
      orders.push(order);
    }
    return { goodRows, heldRows, records: orders.length, duplicates, existing: 0, orders, catalog: [] as CatalogRow[], held };
  }

  function summary(j: Job): ImportSummary {
    const p = plan(j);
    const errors = [...j.errors].sort((a, b) => a.row - b.row);
    const all = [...errors, ...p.held];
    return {
      importId: j.id, kind: j.kind, rows: j.rows, goodRows: p.goodRows, badRows: j.badRows.size, heldRows: p.heldRows, records: p.records,
      duplicates: p.duplicates, errors: all.slice(0, LISTED_ERRORS), moreErrors: Math.max(0, all.length - LISTED_ERRORS), preview: j.preview,
    };
  }

  function commit(importId: string) {
    const j = job(importId);
    const p = plan(j);
    const source = `the CSV file ${j.fileName || '(no name)'}`.slice(0, 200);
    const result = repos.transaction(() => {
      if (j.kind === 'orders') {
        const channelId = localChannel(repos, 'csv');
        const r = deps.importOrders(p.orders.map((o) => ({ ...o, channelId })), source);
        // checked in the plan already; should the store still refuse one, nothing lands (never half a file)
        if (r.rejected.length) {
          throw new AppError('invalid_request', `Nothing was imported: ${withoutFieldPath(r.rejected[0]!.words)}`, 'Fix that order in the file and import it again.');
        }
        return { created: r.imported.length, updated: 0, skipped: r.duplicates + p.duplicates, rows: p.goodRows };
      }
      return { ...commitCatalog(repos, clock, p.catalog), skipped: 0, rows: p.goodRows };
    });
    jobs.delete(importId);
    const what = j.kind === 'orders' ? 'order' : 'product row';
    const left = j.badRows.size + p.heldRows;
    const message = `${result.created} ${what}(s) imported${result.updated ? `, ${result.updated} updated` : ''}${result.skipped ? `, ${result.skipped} already here and skipped` : ''}.`
      + (left ? ` ${left} row(s) were not imported: fix them in the file and import it again (rows already imported are skipped).` : '');
    return { ...result, message };
  }

  return {
    start, rows, commit,
    cancel(importId: string) { jobs.delete(importId); },
  };
}
export type CsvImport = ReturnType<typeof createCsvImport>;
export { countryName };
