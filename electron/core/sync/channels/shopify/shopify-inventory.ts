// Stock on Shopify: SKU → variant → inventory item, counted per location. Available counts are set
// with inventorySetQuantities and compare-and-set (changeFromQuantity = the count we last saw); a
// stale count is re-read and reported, never overwritten. Every set carries @idempotent(key:): one key
// per distinct request, derived from the outbox key and the request, so a retry reuses it and a
// changed request (new counts after a re-read) gets a new one, as Shopify's idempotency rules ask.

import { createHash } from 'node:crypto';
import { ChannelError } from '../../channel-error';
import type { AvailablePush, AvailableResult, PullCatalogPage, PullCatalogRequest, PushContext, QuantityQuery, RemoteCatalogItem, RemoteQuantity } from '../../channel-types';
import { INVENTORY_ITEMS, LOCATIONS, SET_AVAILABLE, VARIANTS_PAGE } from './documents';
import type { ShopifyTransport } from './shopify-transport';

const MAX_LOCATIONS = 10;

type Level = { location: string; available: number | null; onHand: number | null };
type Item = { sku: string; ref: string; tracked: boolean; levels: Level[]; title: string; barcode: string };

/** A stable key for one request: the same change sends the same key, a different one another. */
export function requestKey(outboxKey: string, what: string, input: unknown): string {
  const h = createHash('sha256').update(`${outboxKey}\n${what}\n${JSON.stringify(input)}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function levelsOf(raw: unknown): Level[] {
  const nodes = (raw as { nodes?: unknown[] } | null | undefined)?.nodes ?? [];
  return nodes.flatMap((n) => {
    const location = (n as { location?: { id?: unknown } }).location?.id;
    if (typeof location !== 'string') return [];
    const qs = ((n as { quantities?: Array<{ name?: unknown; quantity?: unknown }> }).quantities ?? []);
    const q = (name: string) => { const v = qs.find((x) => x.name === name)?.quantity; return typeof v === 'number' ? v : null; };
    return [{ location, available: q('available'), onHand: q('on_hand') }];
  });
}

export function createShopifyInventory(t: ShopifyTransport) {
  const { shop } = t;
  let defaultLocation: string | null = null;

  async function locationFor(remoteLocationId: string | null, signal?: AbortSignal): Promise<string> {
    if (remoteLocationId) return remoteLocationId;
    if (!defaultLocation) {
      const reply = await t.request(LOCATIONS, { first: MAX_LOCATIONS }, { write: false, doing: 'reading the store\'s locations', signal });
      const active = reply.data.locations.nodes.filter((l) => l.isActive);
      if (!active.length) throw new ChannelError('permanent', `${shop} has no active location to keep stock at. Add one in Shopify.`, { detail: 'no active location' });
      defaultLocation = active[0]!.id;
    }
    return defaultLocation;
  }

  function toItem(v: unknown): Item | null {
    const variant = v as { sku?: unknown; title?: unknown; barcode?: unknown; product?: { title?: unknown }; inventoryItem?: { id?: unknown; tracked?: unknown; inventoryLevels?: unknown } } | null;
    const ref = variant?.inventoryItem?.id;
    if (typeof variant?.sku !== 'string' || !variant.sku.trim() || typeof ref !== 'string') return null;
    const productTitle = typeof variant.product?.title === 'string' ? variant.product.title : '';
    const variantTitle = typeof variant.title === 'string' && variant.title !== 'Default Title' ? variant.title : '';
    return {
      sku: variant.sku.trim(), ref, tracked: variant.inventoryItem?.tracked !== false, levels: levelsOf(variant.inventoryItem?.inventoryLevels),
      title: [productTitle, variantTitle].filter(Boolean).join(' - ') || variant.sku, barcode: typeof variant.barcode === 'string' ? variant.barcode : '',
    };
  }

  /** Variants by SKU, in one query per 50 SKUs. Shopify's search is a prefix-tolerant match: keep exact SKUs only. */
  async function bySku(skus: string[], signal?: AbortSignal): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    const unique = [...new Set(skus)];
    for (let i = 0; i < unique.length; i += 50) {
      const chunk = unique.slice(i, i + 50);
      const query = chunk.map((s) => `sku:${JSON.stringify(s)}`).join(' OR ');
      const reply = await t.request(VARIANTS_PAGE, t.sized(VARIANTS_PAGE, { first: chunk.length * 2, after: null, query, locations: MAX_LOCATIONS }, ['locations']), { write: false, doing: 'looking up products by SKU', signal });
      for (const v of reply.data.productVariants.nodes) {
        const item = toItem(v);
        if (item && chunk.includes(item.sku) && !found.has(item.sku)) found.set(item.sku, item);
      }
    }
    return found;
  }

  async function byRef(refs: string[], signal?: AbortSignal): Promise<Map<string, Level[]>> {
    const levels = new Map<string, Level[]>();
    for (let i = 0; i < refs.length; i += 50) {
      const reply = await t.request(INVENTORY_ITEMS, t.sized(INVENTORY_ITEMS, { ids: refs.slice(i, i + 50), locations: MAX_LOCATIONS }, ['locations']), { write: false, doing: 'reading stock counts', signal });
      for (const node of reply.data.nodes) {
        const id = (node as { id?: unknown } | null)?.id;
        if (typeof id === 'string') levels.set(id, levelsOf((node as { inventoryLevels?: unknown }).inventoryLevels));
      }
    }
    return levels;
  }

  async function pullCatalog(req: PullCatalogRequest): Promise<PullCatalogPage> {
    const first = Math.max(1, Math.min(100, req.pageSize));
    const reply = await t.request(VARIANTS_PAGE, t.sized(VARIANTS_PAGE, { first, after: req.continuation, query: null, locations: MAX_LOCATIONS }, ['first', 'locations']), { write: false, doing: 'reading products', signal: req.signal });
    const conn = reply.data.productVariants;
    const items: RemoteCatalogItem[] = [];
    const rejected: PullCatalogPage['rejected'] = [];
    for (const v of conn.nodes) {
      const item = toItem(v);
      if (!item) {
        rejected.push({ externalId: typeof v?.id === 'string' ? v.id : null, words: `A product variant on ${shop} has no SKU, so Packbench cannot match it; give it a SKU in Shopify to sync its stock.`, detail: `variant ${String(v?.id)} without sku` });
        continue;
      }
      items.push({ sku: item.sku, title: item.title, ref: item.ref, tracksStock: item.tracked, available: item.levels.length === 1 ? item.levels[0]!.available : null, barcode: item.barcode });
    }
    return { items, rejected, continuation: conn.pageInfo.hasNextPage ? (conn.pageInfo.endCursor ?? null) : null };
  }

  async function readQuantities(items: QuantityQuery[], signal?: AbortSignal): Promise<RemoteQuantity[]> {
    const missing = items.filter((i) => !i.ref).map((i) => i.sku);
    const looked = missing.length ? await bySku(missing, signal) : new Map<string, Item>();
    const refs = items.map((i) => i.ref ?? looked.get(i.sku)?.ref ?? null);
    const levels = await byRef(refs.filter((r): r is string => r !== null), signal);
    const out: RemoteQuantity[] = [];
    for (const [i, q] of items.entries()) {
      const ref = refs[i]!;
      const at = ref ? levels.get(ref) : undefined;
      const location = q.remoteLocationId ?? (at && at.length ? await locationFor(null, signal) : null);
      const level = at?.find((l) => l.location === location);
      out.push({ sku: q.sku, ref, available: level?.available ?? null, onHand: level?.onHand ?? null });
    }
    return out;
  }

  async function pushAvailable(pushes: AvailablePush[], ctx: PushContext): Promise<AvailableResult[]> {
    const results: Array<AvailableResult | null> = pushes.map(() => null);
    const needLookup = pushes.filter((p) => !p.ref).map((p) => p.sku);
    const looked = needLookup.length ? await bySku(needLookup, ctx.signal) : new Map<string, Item>();
    const targets: Array<{ i: number; ref: string; location: string }> = [];
    for (const [i, p] of pushes.entries()) {
      const item = p.ref ? null : looked.get(p.sku);
      if (!p.ref && (!item || !item.tracked)) {
        results[i] = { sku: p.sku, outcome: 'not_listed', remoteAvailable: null, ref: item?.ref ?? null, words: item ? `${shop} does not track stock for ${p.sku}; its count was not sent.` : `${shop} has no product with SKU ${p.sku}; its count was not sent.` };
        continue;
      }
      targets.push({ i, ref: p.ref ?? item!.ref, location: await locationFor(p.remoteLocationId, ctx.signal) });
    }
    let pending = targets;
    // a stale count takes its item out of the request; the others are sent again under a new key
    for (let round = 0; pending.length && round < 3; round++) {
      const input = {
        name: 'available', reason: 'correction', referenceDocumentUri: `gid://packbench/AvailableSync/${encodeURIComponent(ctx.idempotencyKey)}`,
        quantities: pending.map((p) => ({ inventoryItemId: p.ref, locationId: p.location, quantity: pushes[p.i]!.available, changeFromQuantity: pushes[p.i]!.expectedRemote })),
      };
      const reply = await t.request(SET_AVAILABLE, { input, key: requestKey(ctx.idempotencyKey, 'inventorySetQuantities', input) }, { write: true, doing: 'sending stock counts', signal: ctx.signal });
      const payload = reply.data.inventorySetQuantities;
      const errors = payload?.userErrors ?? [];
      if (!errors.length && payload?.inventoryAdjustmentGroup) {
        for (const p of pending) {
          results[p.i] = { sku: pushes[p.i]!.sku, outcome: 'applied', remoteAvailable: pushes[p.i]!.available, ref: p.ref, words: `${shop}: ${pushes[p.i]!.sku} now shows ${pushes[p.i]!.available} available.` };
        }
        break;
      }
      const stale = new Set<number>();
      for (const e of errors) {
        const at = Number(e.field?.[2]);
        if (e.code === 'CHANGE_FROM_QUANTITY_STALE' && Number.isInteger(at)) stale.add(at);
        else if ((e.code === 'INVALID_INVENTORY_ITEM' || e.code === 'NON_MUTABLE_INVENTORY_ITEM') && Number.isInteger(at)) {
          const p = pending[at]!;
          results[p.i] = { sku: pushes[p.i]!.sku, outcome: 'not_listed', remoteAvailable: null, ref: p.ref, words: `${shop} no longer has stock item ${pushes[p.i]!.sku} (or does not let it be set); its count was not sent.` };
          stale.add(at);
        } else {
          throw new ChannelError('permanent', `${shop} refused the stock counts: ${e.message}`, { detail: `inventorySetQuantities ${e.code ?? ''} ${JSON.stringify(e.field ?? null)}` });
        }
      }
      const staleTargets = [...stale].map((k) => pending[k]!).filter((p) => results[p.i] === null);
      if (staleTargets.length) {
        // somebody changed the count on Shopify since we last saw it: re-read and report, never overwrite
        const now = await byRef(staleTargets.map((p) => p.ref), ctx.signal);
        for (const p of staleTargets) {
          const level = now.get(p.ref)?.find((l) => l.location === p.location);
          results[p.i] = { sku: pushes[p.i]!.sku, outcome: 'stale', remoteAvailable: level?.available ?? null, ref: p.ref, words: `${shop} shows ${level?.available ?? 'another'} available for ${pushes[p.i]!.sku}, not the ${pushes[p.i]!.expectedRemote} Packbench last saw; the count was not overwritten.` };
        }
      }
      pending = pending.filter((_, k) => !stale.has(k));
    }
    return results.map((r, i) => r ?? { sku: pushes[i]!.sku, outcome: 'stale', remoteAvailable: null, ref: pushes[i]!.ref, words: `${shop} kept changing the count of ${pushes[i]!.sku}; Packbench will try again.` });
  }

  return { pullCatalog, readQuantities, pushAvailable, bySku };
}
