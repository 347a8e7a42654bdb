import type {
  AvailablePush, AvailableResult, PullCatalogPage, PullCatalogRequest, PushContext, QuantityQuery, RemoteCatalogItem, RemoteQuantity,
} from '../../channel-types';
import { expectArray, expectObject, type WooClient } from './woo-client';

/**
 * Products and variations by SKU, and their stock. A ref is "p:<product id>" or "v:<product id>:<variation id>".
 * WooCommerce has one stock count per product or variation (no locations).
 */

type WooStockItem = { id?: unknown; sku?: unknown; name?: unknown; manage_stock?: unknown; stock_quantity?: unknown; type?: unknown; variations?: unknown; parent_id?: unknown; attributes?: unknown };

function parseRef(ref: string): { productId: number; variationId: number | null } | null {
  const m = /^p:(\d+)$/.exec(ref) ?? /^v:(\d+):(\d+)$/.exec(ref);
  if (!m) return null;
  return { productId: Number(m[1]), variationId: m[2] ? Number(m[2]) : null };
}

const itemPath = (r: { productId: number; variationId: number | null }) => (r.variationId ? `/products/${r.productId}/variations/${r.variationId}` : `/products/${r.productId}`);
/** WooCommerce takes at most 100 items in one batch request */
const BATCH = 100;
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function createWooStock(client: WooClient) {
  const { call, shop } = client;

  function toItem(p: WooStockItem, v: WooStockItem | null): RemoteCatalogItem | null {
    const src = v ?? p;
    const sku = typeof src.sku === 'string' ? src.sku.trim() : '';
    if (!sku) return null;
    const option = Array.isArray(v?.attributes) ? (v!.attributes as Array<{ option?: unknown }>).map((a) => String(a.option ?? '')).filter(Boolean).join(' / ') : '';
    return {
      sku, title: `${String(p.name ?? sku)}${option ? ` — ${option}` : ''}`, ref: v ? `v:${String(p.id)}:${String(v.id)}` : `p:${String(p.id)}`,
      tracksStock: src.manage_stock === true, available: count(src.stock_quantity), barcode: '',
    };
  }

  async function variationsOf(p: WooStockItem, signal?: AbortSignal): Promise<WooStockItem[]> {
    const out: WooStockItem[] = [];
    for (let page = 1; page < 50; page++) {
      const reply = await call({ method: 'GET', path: `/products/${String(p.id)}/variations`, query: { per_page: 100, page }, doing: `reading the variations of ${String(p.name ?? p.id)}`, signal });
      out.push(...(expectArray(reply, shop, 'the variations') as WooStockItem[]));
      if (page >= Number(reply.headers.get('x-wp-totalpages') ?? 1)) break;
    }
    return out;
  }

  async function pullCatalog(req: PullCatalogRequest): Promise<PullCatalogPage> {
    const page = req.continuation ? Number(req.continuation) : 1;
    const reply = await call({ method: 'GET', path: '/products', query: { per_page: Math.min(100, req.pageSize), page, orderby: 'id', order: 'asc' }, doing: 'reading products', signal: req.signal });
    const items: RemoteCatalogItem[] = [];
    const rejected: PullCatalogPage['rejected'] = [];
    for (const p of expectArray(reply, shop, 'the product list') as WooStockItem[]) {
      const children = p.type === 'variable' ? await variationsOf(p, req.signal) : [null];
      for (const v of children) {
        const item = toItem(p, v);
        if (item) items.push(item);
        else rejected.push({ externalId: String(v?.id ?? p.id), words: `${shop} product "${String(p.name ?? p.id)}" has no SKU, so Packbench cannot match it to the catalog. Give it a SKU in WooCommerce.`, detail: `product ${String(p.id)} variation ${String(v?.id ?? '-')}` });
      }
    }
    const totalPages = Number(reply.headers.get('x-wp-totalpages') ?? 1);
    return { items, rejected, continuation: page < totalPages ? String(page + 1) : null };
  }

  /** The ref of a SKU, found through the product list's sku filter (it may name the parent of a variation). */
  async function findRef(sku: string, signal?: AbortSignal): Promise<string | null> {
    const list = expectArray(await call({ method: 'GET', path: '/products', query: { sku }, doing: `looking up SKU ${sku}`, signal }), shop, 'the product list') as WooStockItem[];
    for (const p of list) {
      if (p.sku === sku) return `p:${String(p.id)}`;
      if (p.type === 'variable') {
        const v = (await variationsOf(p, signal)).find((x) => x.sku === sku);
        if (v) return `v:${String(p.id)}:${String(v.id)}`;
      }
    }
    return null;
  }

  /**
   * Counts in batches: the items of one list (simple products, or the variations of one product) are read in one
   * request when a compare is due, and written in one POST …/batch of up to 100, instead of two requests each.
   */
  async function pushAvailable(items: AvailablePush[], ctx: PushContext): Promise<AvailableResult[]> {
    const results = new Map<AvailablePush, AvailableResult>();
    const groups = new Map<string, Array<{ item: AvailablePush; ref: string; at: { productId: number; variationId: number | null } }>>();
    for (const item of items) {
      const ref = item.ref ?? (await findRef(item.sku, ctx.signal));
      const at = ref ? parseRef(ref) : null;
      if (!ref || !at) {
        results.set(item, { sku: item.sku, outcome: 'not_listed', remoteAvailable: null, ref: null, words: `${shop} has no product with SKU ${item.sku}; no count was sent.` });
        continue;
      }
      const list = at.variationId === null ? '/products' : `/products/${at.productId}/variations`;
      groups.set(list, [...(groups.get(list) ?? []), { item, ref, at }]);
    }
    for (const [list, members] of groups) {
      for (let i = 0; i < members.length; i += BATCH) {
        const chunk = members.slice(i, i + BATCH);
        const idOf = (m: (typeof chunk)[number]) => m.at.variationId ?? m.at.productId;
        // WooCommerce has no compare-and-set: read just before writing, to narrow the window
        const now = new Map<number, number | null>();
        if (chunk.some((m) => m.item.expectedRemote !== null)) {
          const reply = await call({ method: 'GET', path: list, query: { include: chunk.map(idOf).join(','), per_page: BATCH }, doing: `reading the stock of ${chunk.length} item(s)`, signal: ctx.signal });
          for (const r of expectArray(reply, shop, 'the product list') as WooStockItem[]) now.set(Number(r.id), count(r.stock_quantity));
        }
        const send = chunk.filter((m) => {
          const seen = now.get(idOf(m));
          if (m.item.expectedRemote === null || seen === undefined || seen === null || seen === m.item.expectedRemote) return true;
          results.set(m.item, { sku: m.item.sku, outcome: 'stale', remoteAvailable: seen, ref: m.ref, words: `${shop} shows ${seen} of ${m.item.sku}, not the ${m.item.expectedRemote} Packbench expected; the count was not overwritten.` });
          return false;
        });
        if (!send.length) continue;
        const reply = await call({
          method: 'POST', path: `${list}/batch`, signal: ctx.signal, doing: `setting the stock of ${send.length} item(s)`,
          body: { update: send.map((m) => ({ id: idOf(m), manage_stock: true, stock_quantity: m.item.available })) },
        });
        const answers = (expectObject(reply, shop, 'the batch answer').update ?? []) as Array<WooStockItem & { error?: { code?: unknown; message?: unknown } }>;
        send.forEach((m, k) => {
          const a = answers[k];
          if (a && !a.error) {
            results.set(m.item, { sku: m.item.sku, outcome: 'applied', remoteAvailable: m.item.available, ref: m.ref, words: `${shop}: ${m.item.sku} set to ${m.item.available} available.` });
            return;
          }
          const why = a?.error ? String(a.error.message ?? a.error.code ?? 'refused') : 'no answer for this item';
          // refused on its own (deleted from the shop since, or not a stock item): the others in the batch still went
          results.set(m.item, { sku: m.item.sku, outcome: 'not_listed', remoteAvailable: null, ref: m.ref, words: `${shop} did not take the count of ${m.item.sku} (${why}); check the product in WooCommerce.` });
        });
      }
    }
    return items.map((item) => results.get(item)!);
  }

  async function readQuantities(items: QuantityQuery[], signal?: AbortSignal): Promise<RemoteQuantity[]> {
    const out: RemoteQuantity[] = [];
    for (const q of items) {
      const ref = q.ref ?? (await findRef(q.sku, signal));
      const parsed = ref ? parseRef(ref) : null;
      if (!parsed) { out.push({ sku: q.sku, ref: null, available: null, onHand: null }); continue; }
      const body = expectObject(await call({ method: 'GET', path: itemPath(parsed), doing: `reading the stock of ${q.sku}`, signal }), shop, 'the product');
      const n = body.manage_stock === true ? count(body.stock_quantity) : null;
      out.push({ sku: q.sku, ref, available: n, onHand: n });
    }
    return out;
  }

  return { pullCatalog, pushAvailable, readQuantities };
}
