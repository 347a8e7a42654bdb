// The WooCommerce REST API v3 routes the emulator answers, in the shapes and with the errors the real
// API uses ({code, message, data: {status}}). Paging follows WordPress: page/per_page (max 100) with the
// X-WP-Total, X-WP-TotalPages and Link headers.

import { WooError, type WooOrder, type WooStore } from './woo-store';

export type RouteResult = { status: number; body: unknown; headers?: Record<string, string> };
export type RouteRequest = { method: string; path: string; query: URLSearchParams; body: unknown; baseUrl: string };

const PREFIX = '/wp-json/wc/v3';

function intParam(q: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new WooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`);
  }
  return n;
}

function paged<T>(req: RouteRequest, items: T[], render: (t: T) => unknown): RouteResult {
  const perPage = intParam(req.query, 'per_page', 10, 1, 100);
  const page = intParam(req.query, 'page', 1, 1, 1_000_000);
  const total = items.length;
  const totalPages = Math.ceil(total / perPage);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    return `<${req.baseUrl}${req.path}?${q.toString()}>`;
  };
  const links = [];
  if (page > 1) links.push(`${link(page - 1)}; rel="prev"`);
  if (page < totalPages) links.push(`${link(page + 1)}; rel="next"`);
  return {
    status: 200, body: slice.map(render),
    headers: { 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages), ...(links.length ? { link: links.join(', ') } : {}) },
  };
}

/** A date filter: with dates_are_gmt it is UTC, otherwise the site's local time, unless it carries its own offset. */
function dateFilter(req: RouteRequest, name: string, siteOffsetMs: number): number | null {
  const raw = req.query.get(name);
  if (!raw) return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(raw);
  const t = Date.parse(hasZone ? raw : `${raw}Z`);
  if (!Number.isFinite(t)) throw new WooError(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`);
  const gmt = req.query.get('dates_are_gmt') === 'true' || req.query.get('dates_are_gmt') === '1';
  return hasZone || gmt ? t : t - siteOffsetMs;
}

const gmtMs = (s: string) => Date.parse(`${s}Z`);

function orderJson(store: WooStore, o: WooOrder, baseUrl: string): unknown {
  if (store.rawOverrides.has(o.id)) return store.rawOverrides.get(o.id);
  return { ...o, _links: { self: [{ href: `${baseUrl}${PREFIX}/orders/${o.id}` }], collection: [{ href: `${baseUrl}${PREFIX}/orders` }] } };
}

function listOrders(store: WooStore, req: RouteRequest): RouteResult {
  const q = req.query;
  const statuses = (q.get('status') ?? 'any').split(',').map((s) => s.trim()).filter(Boolean);
  const modifiedAfter = dateFilter(req, 'modified_after', store.siteOffsetMs);
  const modifiedBefore = dateFilter(req, 'modified_before', store.siteOffsetMs);
  const after = dateFilter(req, 'after', store.siteOffsetMs);
  const before = dateFilter(req, 'before', store.siteOffsetMs);
  const include = q.get('include')?.split(',').map(Number);
  const orderby = q.get('orderby') ?? 'date';
  if (!['date', 'id', 'include', 'title', 'slug', 'modified'].includes(orderby)) throw new WooError(400, 'rest_invalid_param', 'Invalid parameter(s): orderby');
  const dir = (q.get('order') ?? 'desc') === 'asc' ? 1 : -1;
  let list = [...store.orders.values()].filter((o) => {
    if (!statuses.includes('any') && !statuses.includes(o.status)) return false;
    if (statuses.includes('any') && o.status === 'trash') return false;
    const modified = gmtMs(o.date_modified_gmt);
    const created = gmtMs(o.date_created_gmt);
    if (modifiedAfter !== null && !(modified > modifiedAfter)) return false;
    if (modifiedBefore !== null && !(modified < modifiedBefore)) return false;
    if (after !== null && !(created > after)) return false;
    if (before !== null && !(created < before)) return false;
    if (include && !include.includes(o.id)) return false;
    return true;
  });
  const key = (o: WooOrder) => (orderby === 'modified' ? gmtMs(o.date_modified_gmt) : orderby === 'date' ? gmtMs(o.date_created_gmt) : o.id);
  list = list.sort((a, b) => (key(a) - key(b) || a.id - b.id) * dir);
  return paged(req, list, (o) => orderJson(store, o, req.baseUrl));
}

function numericId(s: string | undefined): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new WooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  return n;
}

function asObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WooError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
  return body as Record<string, unknown>;
}

function productJson(store: WooStore, id: number): unknown {
  const p = store.products.get(id);
  if (!p) throw new WooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  return p;
}

function updateStockItem(store: WooStore, pid: number, vid: number | null, body: Record<string, unknown>): unknown {
  const product = store.products.get(pid);
  if (!product) throw new WooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
  const variation = vid === null ? null : store.variations.get(vid);
  if (vid !== null && (!variation || variation.parent_id !== pid)) throw new WooError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
  const item = variation ?? product;
  if (typeof body.manage_stock === 'boolean') item.manage_stock = body.manage_stock;
  if (body.stock_quantity !== undefined) {
    const n = Number(body.stock_quantity);
    if (!Number.isInteger(n)) throw new WooError(400, 'rest_invalid_param', 'Invalid parameter(s): stock_quantity');
    store.setStock({ product, variation: variation ?? null }, n);
  }
  return item;
}

/**
 * POST …/batch: up to 100 updates in one request; each answers with the item as it is now, or with its own
 * error in place ({ id, error: { code, message, data: { status } } }), the others still applied.
 */
function batchUpdate(req: RouteRequest, apply: (u: Record<string, unknown>) => unknown): RouteResult {
  const body = asObject(req.body) as { update?: Array<Record<string, unknown>> };
  const update = body.update ?? [];
  if (update.length > 100) throw new WooError(413, 'woocommerce_rest_request_entity_too_large', 'Unable to accept more than 100 items for this request.');
  return {
    status: 200, body: {
      update: update.map((u) => {
        try { return apply(u); } catch (e) {
          const err = e instanceof WooError ? e : new WooError(500, 'internal', String(e));
          return { id: u.id, error: { code: err.code, message: err.message, data: { status: err.status } } };
        }
      }),
    },
  };
}

/** ?include=3,5 (or include[]=3&include[]=5): only these ids */
function included(req: RouteRequest): Set<number> | null {
  const raw = [...req.query.getAll('include'), ...req.query.getAll('include[]')].flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return raw.length ? new Set(raw.map(Number)) : null;
}

/** Answers one request against the store; throws WooError for the API's own errors. */
export function route(store: WooStore, req: RouteRequest, site: { name: string }): RouteResult {
  const { method, path } = req;
  if (path === '/wp-json' || path === '/wp-json/') {
    return { status: 200, body: { name: site.name, description: 'Emulated WooCommerce shop', url: req.baseUrl, home: req.baseUrl, gmt_offset: store.siteOffsetMs / 3_600_000, timezone_string: 'Europe/Berlin', namespaces: ['wp/v2', 'wc/v3'] } };
  }
  if (!path.startsWith(PREFIX)) throw new WooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  const parts = path.slice(PREFIX.length).split('/').filter(Boolean);
  const [res, a, sub, b] = parts;

  if (res === 'orders') {
    if (!a && method === 'GET') return listOrders(store, req);
    if (!a && method === 'POST') {
      const body = asObject(req.body) as { line_items?: Array<{ sku: string; quantity: number }>; status?: string };
      if (!Array.isArray(body.line_items)) throw new WooError(400, 'rest_missing_callback_param', 'Missing parameter(s): line_items');
      return { status: 201, body: orderJson(store, store.addOrder(body as Parameters<WooStore['addOrder']>[0]), req.baseUrl) };
    }
    if (a === 'batch' && method === 'POST') return batchUpdate(req, (u) => orderJson(store, store.updateOrder(numericId(String(u.id)), u), req.baseUrl));
    const oid = numericId(a);
    if (!sub) {
      if (method === 'GET') return { status: 200, body: orderJson(store, store.order(oid), req.baseUrl) };
      if (method === 'PUT' || method === 'POST') return { status: 200, body: orderJson(store, store.updateOrder(oid, asObject(req.body)), req.baseUrl) };
    }
    if (sub === 'notes') {
      store.order(oid);
      if (!b && method === 'GET') {
        const type = req.query.get('type') ?? 'any';
        const notes = store.notes.get(oid)!.filter((n) => type === 'any' || (type === 'customer' ? n.customer_note : !n.customer_note));
        return { status: 200, body: notes };
      }
      if (!b && method === 'POST') {
        const body = asObject(req.body);
        if (typeof body.note !== 'string' || !body.note) throw new WooError(400, 'rest_missing_callback_param', 'Missing parameter(s): note');
        return { status: 201, body: store.addNote(oid, body.note, body.customer_note === true || body.customer_note === 'true', 'WooCommerce API') };
      }
    }
    if (sub === 'refunds') {
      store.order(oid);
      if (!b && method === 'GET') return { status: 200, body: store.refunds.get(oid) };
      if (!b && method === 'POST') return { status: 201, body: store.addRefund(oid, asObject(req.body) as Parameters<WooStore['addRefund']>[1]) };
    }
  }

  if (res === 'products') {
    if (!a && method === 'GET') {
      const sku = req.query.get('sku');
      const only = included(req);
      const list = [...store.products.values()].filter((p) => sku === null || p.sku === sku || p.variations.some((v) => store.variations.get(v)?.sku === sku))
        .filter((p) => only === null || only.has(p.id))
        .sort((x, y) => x.id - y.id);
      return paged(req, list, (p) => p);
    }
    if (a === 'batch' && method === 'POST') return batchUpdate(req, (u) => updateStockItem(store, numericId(String(u.id)), null, u));
    const pid = numericId(a);
    if (!sub) {
      if (method === 'GET') return { status: 200, body: productJson(store, pid) };
      if (method === 'PUT' || method === 'POST') return { status: 200, body: updateStockItem(store, pid, null, asObject(req.body)) };
    }
    if (sub === 'variations') {
      const product = store.products.get(pid);
      if (!product) throw new WooError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
      if (!b && method === 'GET') {
        const only = included(req);
        return paged(req, product.variations.map((v) => store.variations.get(v)!).filter((v) => only === null || only.has(v.id)), (v) => v);
      }
      if (b === 'batch' && method === 'POST') return batchUpdate(req, (u) => updateStockItem(store, pid, numericId(String(u.id)), u));
      const vid = numericId(b);
      if (method === 'GET') {
        const v = store.variations.get(vid);
        if (!v || v.parent_id !== pid) throw new WooError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
        return { status: 200, body: v };
      }
      if (method === 'PUT' || method === 'POST') return { status: 200, body: updateStockItem(store, pid, vid, asObject(req.body)) };
    }
  }
  throw new WooError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}
