import type { Address } from '../../../shared/domain/address';
import { foldForSearch } from '../../../shared/domain/search-text';
import type { OrderStatus } from '../../../shared/domain/order-state';
import type { OrderEvent, OrderLine, OrderRow } from '../../../shared/contract/orders';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/** How many search matches are counted exactly; a search is for finding an order, not for reports. */
export const SEARCH_COUNT_CAP = 1000;

export type NewOrderLine = { sku: string; title: string; quantity: number; unitPriceMinor: number; variantId: number | null };
export type NewOrder = {
  channelId: number;
  externalId: string;
  number: string;
  locationId: number;
  status: OrderStatus;
  customerName: string;
  shipTo: Address;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  createdAt: string;
  /** must leave by (UTC ISO), when the source gives one */
  shipBy?: string | null;
  lines: NewOrderLine[];
};

export type OrderSearch = {
  q: string;
  /** SKUs the query names directly or through a barcode */
  skus: string[];
  status?: OrderStatus | undefined;
  channelId?: number | undefined;
  offset: number;
  limit: number;
};

export type OrderRecord = OrderRow & {
  externalId: string; locationId: number; locationName: string; shipTo: Address;
  subtotalMinor: number; shippingMinor: number; taxMinor: number; shipBy: string | null;
};

const rowColumns = `o.id, o.number, o.channel_id AS channelId, ch.name AS channelName, o.customer_name AS customerName,
  o.ship_country_code AS countryCode, o.status, o.currency, o.total_minor AS totalMinor, o.item_count AS itemCount,
  o.created_at AS createdAt`;

/** Bump when searchBody or the folding changes: the index is rebuilt on the next start. */
export const SEARCH_INDEX_VERSION = 2;

const NOT_A_LETTER = /[^\p{L}\p{N}]+/u;

/**
 * What an order can be found by, folded so "zoe muller" finds "Zoë Müller" and "lodz" finds "Łódź":
 * its number (also written without punctuation, so "mp1060" finds MP-1060), the customer and address
 * words, and each line's SKU and product title (so "mug" finds the orders with a mug in them).
 */
export function searchBody(number: string, customerName: string, shipTo: Pick<Address, 'name' | 'company' | 'email' | 'city' | 'postalCode'>, items = ''): string {
  const compact = number.split(NOT_A_LETTER).join('');
  return foldForSearch([number, number.replace(/^#/, ''), compact, customerName, shipTo.name, shipTo.company, shipTo.email,
    shipTo.city, shipTo.postalCode, items].join(' '));
}

/** An order's lines as search words: "MUG-ENM-BLUE Enamel Camp Mug — Blue …". */
export function itemWords(lines: Array<{ sku: string; title: string }>): string {
  return lines.map((l) => `${l.sku} ${l.title}`).join(' ');
}

/**
 * The query as FTS terms, all of which must match. A word written with punctuation ("MP-1060") is a
 * phrase: its parts must follow each other, so MP-1060 does not also find MP-1033 shipped to Vienna
 * 1060. The last part of each term matches as a prefix. No term at all (only emoji or symbols): null.
 */
export function searchTerms(q: string): string | null {
  const terms = foldForSearch(q).split(/\s+/).map((chunk) => chunk.split(NOT_A_LETTER).filter(Boolean)).filter((parts) => parts.length > 0).slice(0, 8);
  if (terms.length === 0) return null;
  return terms.map((parts) => `"${parts.join(' ').replaceAll('"', '""')}"*`).join(' ');
}

export function createOrdersRepo(db: Db) {
  const c = db.$client;
  const insertOrder = c.prepare(`INSERT INTO orders (channel_id, external_id, number, location_id, status, customer_name,
      ship_name, ship_company, ship_line1, ship_line2, ship_line3, ship_city, ship_region, ship_postal_code, ship_country_code,
      ship_phone, ship_email, currency, subtotal_minor, shipping_minor, tax_minor, total_minor, item_count, created_at, updated_at, ship_by)
    VALUES (@channelId, @externalId, @number, @locationId, @status, @customerName, @name, @company, @line1, @line2, @line3,
      @city, @region, @postalCode, @countryCode, @phone, @email, @currency, @subtotalMinor, @shippingMinor, @taxMinor,
      @totalMinor, @itemCount, @createdAt, @createdAt, @shipBy)`);
  // a look first, not ON CONFLICT DO NOTHING: an upsert clause makes every insert open a statement journal
  const orderExists = c.prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE channel_id = ? AND external_id = ?');
  const insertLine = c.prepare(`INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price_minor)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const insertSearch = c.prepare('INSERT INTO order_search (rowid, body) VALUES (?, ?)');
  const insertEvent = c.prepare(`INSERT INTO order_events (order_id, kind, actor, message, details, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const getStatus = c.prepare<[number], { status: OrderStatus; location_id: number }>('SELECT status, location_id FROM orders WHERE id = ?');
  const setStatus = c.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?');
  const getRecord = c.prepare(`SELECT ${rowColumns}, o.external_id AS externalId, o.location_id AS locationId, l.name AS locationName,
      o.subtotal_minor AS subtotalMinor, o.shipping_minor AS shippingMinor, o.tax_minor AS taxMinor,
      o.ship_name AS name, o.ship_company AS company, o.ship_line1 AS line1, o.ship_line2 AS line2, o.ship_line3 AS line3,
      o.ship_city AS city, o.ship_region AS region, o.ship_postal_code AS postalCode, o.ship_country_code AS shipCountry,
      o.ship_phone AS phone, o.ship_email AS email, o.ship_by AS shipBy
    FROM orders o JOIN channels ch ON ch.id = o.channel_id JOIN locations l ON l.id = o.location_id WHERE o.id = ?`);
  const getLines = c.prepare(`SELECT ol.id, ol.sku, ol.title, ol.quantity, ol.unit_price_minor AS unitPriceMinor, ol.variant_id AS variantId,
      CASE WHEN ol.variant_id IS NULL THEN NULL ELSE coalesce(b.on_hand - b.committed, 0) END AS available, bn.code AS bin
    FROM order_lines ol JOIN orders o ON o.id = ol.order_id
    LEFT JOIN inventory_balances b ON b.variant_id = ol.variant_id AND b.location_id = o.location_id
    LEFT JOIN bins bn ON bn.id = b.bin_id
    WHERE ol.order_id = ? ORDER BY ol.id`);
  const getEvents = c.prepare(`SELECT id, kind, actor, message, details, created_at AS createdAt FROM order_events WHERE order_id = ? ORDER BY id`);
  // typed by hand in another case ("mp-1060") it is found too; two shops may both count from #1001
  const allByNumber = c.prepare<[string, string], { id: number }>('SELECT id FROM orders WHERE number = ? OR number = ? ORDER BY id DESC LIMIT 6');
  const allByNumberNoCase = c.prepare<[string, string], { id: number }>('SELECT id FROM orders WHERE number COLLATE NOCASE = ? OR number COLLATE NOCASE = ? ORDER BY id DESC LIMIT 6');

  /**
   * Picks how to find matching ids. Every plan walks ids newest first and stops after one page
   * (CROSS JOIN pins the join order: SQLite otherwise may probe the search index once per order).
   */
  function matchSource(s: OrderSearch): { from: string; order: string; where: string[]; group?: string; params: Record<string, unknown> } {
    const terms = searchTerms(s.q);
    if (s.skus.length) {
      // the query names a SKU, directly or through a barcode
      const list = s.skus.map((_, i) => `@sku${i}`).join(', ');
      return {
        from: 'order_lines l CROSS JOIN orders o ON o.id = l.order_id', order: 'l.order_id DESC', group: 'GROUP BY l.order_id',
        where: [`l.sku IN (${list})`], params: Object.fromEntries(s.skus.map((sku, i) => [`sku${i}`, sku])),
      };
    }
    if (terms) {
      return {
        from: 'order_search f CROSS JOIN orders o ON o.id = f.rowid', order: 'f.rowid DESC',
        where: ['order_search MATCH @match'], params: { match: terms },
      };
    }
    // something was typed but nothing in it can be searched for (emoji, symbols): nothing matches
    if (s.q.trim() !== '') return { from: 'orders o', order: 'o.id DESC', where: ['0'], params: {} };
    return { from: 'orders o', order: 'o.id DESC', where: [], params: {} };
  }

  const statements = new Map<string, Statement>();
  const prepared = (sqlText: string) => {
    let st = statements.get(sqlText);
    if (!st) { st = c.prepare(sqlText); statements.set(sqlText, st); }
    return st;
  };

  /** The order's search text again from what is stored now, its items included (a channel changed it). */
  function reindex(orderId: number): void {
    const o = c.prepare(`SELECT number, customer_name AS customerName, ship_name AS name, ship_company AS company, ship_email AS email,
      ship_city AS city, ship_postal_code AS postalCode FROM orders WHERE id = ?`).get(orderId) as
      { number: string; customerName: string; name: string; company: string; email: string; city: string; postalCode: string } | undefined;
    if (!o) return;
    const items = itemWords((getLines.all(orderId) as OrderLine[]).filter((l) => l.quantity > 0));
    c.prepare('UPDATE order_search SET body = ? WHERE rowid = ?').run(searchBody(o.number, o.customerName, o, items), orderId);
  }

  return {
    /** Returns the new id, or null when the channel already sent this order (a duplicate delivery). */
    insert(o: NewOrder): number | null {
      const itemCount = o.lines.reduce((n, l) => n + l.quantity, 0);
      if (orderExists.get(o.channelId, o.externalId)) return null;
      const r = insertOrder.run({ ...o, ...o.shipTo, itemCount, shipBy: o.shipBy ?? null });
      const id = Number(r.lastInsertRowid);
      insertSearch.run(id, searchBody(o.number, o.customerName, o.shipTo, itemWords(o.lines)));
      for (const l of o.lines) insertLine.run(id, l.variantId, l.sku, l.title, l.quantity, l.unitPriceMinor);
      return id;
    },
    /** A channel changed the order before the bench started on it: new ship-to, customer and money, re-indexed for search. */
    updateFromChannel(orderId: number, o: Pick<NewOrder, 'number' | 'customerName' | 'shipTo' | 'currency' | 'subtotalMinor' | 'shippingMinor' | 'taxMinor' | 'totalMinor'>, at: string) {
      c.prepare(`UPDATE orders SET number = @number, customer_name = @customerName, ship_name = @name, ship_company = @company,
          ship_line1 = @line1, ship_line2 = @line2, ship_line3 = @line3, ship_city = @city, ship_region = @region,
          ship_postal_code = @postalCode, ship_country_code = @countryCode, ship_phone = @phone, ship_email = @email, currency = @currency,
          subtotal_minor = @subtotalMinor, shipping_minor = @shippingMinor, tax_minor = @taxMinor, total_minor = @totalMinor, updated_at = @at
        WHERE id = @orderId`).run({ ...o, ...o.shipTo, orderId, at });
      reindex(orderId);
    },
    /**
     * The channel changed the lines: quantities follow it by SKU, new SKUs are added, dropped ones go. A line
     * that a bench scan points at is kept with quantity 0 (scans are history and are never rewritten).
     */
    replaceLines(orderId: number, lines: NewOrderLine[]) {
      const current = getLines.all(orderId) as OrderLine[];
      const scanned = new Set((c.prepare(`SELECT DISTINCT s.order_line_id AS id FROM pack_scans s JOIN pack_sessions ps ON ps.id = s.session_id
        WHERE ps.order_id = ? AND s.order_line_id IS NOT NULL`).all(orderId) as Array<{ id: number }>).map((r) => r.id));
      const wanted = new Map<string, NewOrderLine>();
      for (const l of lines) {
        const w = wanted.get(l.sku);
        wanted.set(l.sku, w ? { ...w, quantity: w.quantity + l.quantity } : { ...l });
      }
      for (const line of current) {
        const w = wanted.get(line.sku);
        if (w) {
          c.prepare('UPDATE order_lines SET quantity = ?, title = ?, unit_price_minor = ? WHERE id = ?').run(w.quantity, w.title, w.unitPriceMinor, line.id);
          wanted.delete(line.sku);
        } else if (scanned.has(line.id)) {
          c.prepare('UPDATE order_lines SET quantity = 0 WHERE id = ?').run(line.id);
        } else {
          c.prepare('DELETE FROM order_lines WHERE id = ?').run(line.id);
        }
      }
      for (const l of wanted.values()) insertLine.run(orderId, l.variantId, l.sku, l.title, l.quantity, l.unitPriceMinor);
      c.prepare('UPDATE orders SET item_count = ? WHERE id = ?').run(lines.reduce((n, l) => n + l.quantity, 0), orderId);
      reindex(orderId);
    },
    addEvent(orderId: number, kind: string, actor: string, message: string, details: Record<string, unknown>, at: string) {
      insertEvent.run(orderId, kind, actor, message, JSON.stringify(details), at);
    },
    status(orderId: number) {
      return getStatus.get(orderId);
    },
    setStatus(orderId: number, status: OrderStatus, at: string) {
      setStatus.run(status, at, orderId);
    },
    idByChannelExternal(channelId: number, externalId: string): number | undefined {
      return (c.prepare('SELECT id FROM orders WHERE channel_id = ? AND external_id = ?').get(channelId, externalId) as { id: number } | undefined)?.id;
    },
    idByExternalId(externalId: string): number | undefined {
      return (c.prepare('SELECT id FROM orders WHERE external_id = ? ORDER BY id LIMIT 1').get(externalId) as { id: number } | undefined)?.id;
    },
    /** every order (up to 6) with this number, newest first: more than one when two channels share a numbering */
    idsByNumber(number: string): number[] {
      const n = number.trim();
      const other = n.startsWith('#') ? n.slice(1) : `#${n}`;
      const exact = allByNumber.all(n, other);
      return (exact.length ? exact : allByNumberNoCase.all(n, other)).map((r) => r.id);
    },
    record(orderId: number): OrderRecord | undefined {
      const r = getRecord.get(orderId) as (Record<string, unknown> & OrderRecord) | undefined;
      if (!r) return undefined;
      const shipTo: Address = {
        name: r.name as string, company: r.company as string, line1: r.line1 as string, line2: r.line2 as string,
        line3: r.line3 as string, city: r.city as string, region: r.region as string, postalCode: r.postalCode as string,
        countryCode: r.shipCountry as string, phone: r.phone as string, email: r.email as string,
      };
      return {
        id: r.id, number: r.number, channelId: r.channelId, channelName: r.channelName, customerName: r.customerName,
        countryCode: r.countryCode, status: r.status, currency: r.currency, totalMinor: r.totalMinor, itemCount: r.itemCount,
        createdAt: r.createdAt, externalId: r.externalId, locationId: r.locationId, locationName: r.locationName,
        subtotalMinor: r.subtotalMinor, shippingMinor: r.shippingMinor, taxMinor: r.taxMinor, shipTo, shipBy: r.shipBy ?? null,
      };
    },
    lines(orderId: number): OrderLine[] {
      return getLines.all(orderId) as OrderLine[];
    },
    events(orderId: number): OrderEvent[] {
      return (getEvents.all(orderId) as Array<Omit<OrderEvent, 'details'> & { details: string }>)
        .map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
    },
    /**
     * Newest first (by arrival). A search counts at most SEARCH_COUNT_CAP matches: past that the
     * screen says "more than N, refine the search" instead of paying to count them all.
     */
    search(s: OrderSearch): { total: number; capped: boolean; rows: OrderRow[] } {
      const { from, order, where: parts, group = '', params } = matchSource(s);
      if (s.status) { parts.push('o.status = @status'); params.status = s.status; }
      if (s.channelId) { parts.push('o.channel_id = @channelId'); params.channelId = s.channelId; }
      const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
      const searching = s.q.trim() !== '';
      const total = searching
        ? (prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${where} ${group} LIMIT ${SEARCH_COUNT_CAP + 1})`).get(params) as { n: number }).n
        : (prepared(`SELECT count(*) AS n FROM orders o ${where}`).get(params) as { n: number }).n;
      const rows = prepared(`SELECT ${rowColumns} FROM ${from} JOIN channels ch ON ch.id = o.channel_id ${where} ${group}
        ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: s.limit, offset: s.offset }) as OrderRow[];
      return { total: Math.min(total, searching ? SEARCH_COUNT_CAP : total), capped: searching && total > SEARCH_COUNT_CAP, rows };
    },
    /** Orders still to pack (open or picking) holding this SKU, oldest first, and how many there are. */
    openOrdersWithSku(sku: string, limit: number): { total: number; rows: OrderRow[] } {
      const where = `o.id IN (SELECT order_id FROM order_lines WHERE sku = @sku) AND o.status IN ('open', 'picking')`;
      const total = (prepared(`SELECT count(*) AS n FROM orders o WHERE ${where}`).get({ sku }) as { n: number }).n;
      const rows = prepared(`SELECT ${rowColumns} FROM orders o JOIN channels ch ON ch.id = o.channel_id WHERE ${where} ORDER BY o.id LIMIT @limit`).all({ sku, limit }) as OrderRow[];
      return { total, rows };
    },
    /** Re-indexes every order for search; run at start-up when SEARCH_INDEX_VERSION changed. */
    rebuildSearchIndex() {
      c.prepare('DELETE FROM order_search').run();
      // in pages: better-sqlite3 cannot write while a read is still iterating
      const page = c.prepare(`SELECT id, number, customer_name AS customerName, ship_name AS name, ship_company AS company,
        ship_email AS email, ship_city AS city, ship_postal_code AS postalCode,
        (SELECT group_concat(sku || ' ' || title, ' ') FROM order_lines WHERE order_id = orders.id) AS items
        FROM orders WHERE id > ? ORDER BY id LIMIT 5000`);
      type Row = { id: number; number: string; customerName: string; name: string; company: string; email: string; city: string; postalCode: string; items: string | null };
      for (let last = 0, rows = page.all(0) as Row[]; rows.length; last = rows.at(-1)!.id, rows = page.all(last) as Row[]) {
        for (const o of rows) insertSearch.run(o.id, searchBody(o.number, o.customerName, o, o.items ?? ''));
      }
    },
    counts() {
      return c.prepare(`SELECT count(*) AS orders, coalesce(sum(status IN ('open','picking','on_hold','short')),0) AS openOrders FROM orders`).get() as { orders: number; openOrders: number };
    },
  };
}
export type OrdersRepo = ReturnType<typeof createOrdersRepo>;
