// Orders from Shopify: pages of orders changed since the cursor (updated_at, sorted by it, each page
// sized to what the rate-limit bucket holds), and — for the first import of a store with many open
// orders — one bulk operation whose JSONL export is read instead of hundreds of pages.

import { ChannelError } from '../../channel-error';
import type { PullOrdersPage, PullOrdersRequest, RejectedRecord, RemoteOrder } from '../../channel-types';
import type { Clock } from '../../../clock';
import { planCost } from './cost-plan';
import { BULK_RUN_QUERY, BULK_STATUS, bulkOrdersQuery, ORDER_LINES, ORDERS_COUNT, ORDERS_PAGE } from './documents';
import { COST_PLANS } from './generated/cost-plans';
import { parseBulkOrders, parseShopifyOrder } from './shopify-orders';
import type { DataOf, Reply, ShopifyTransport } from './shopify-transport';

/** Orders that still need shipping, for a channel's first pull. */
export const FIRST_IMPORT_QUERY = 'status:open AND -fulfillment_status:shipped';
/** A first import larger than this goes through a bulk operation. */
export const BULK_THRESHOLD = 250;
/** Re-read this much before a pass started: Shopify's times are whole seconds and clocks drift. */
export const CURSOR_OVERLAP_MS = 5_000;
const LINES_PER_ORDER = 10;
const FULFILLMENT_ORDERS_PER_ORDER = 3;
/** how long one pullOrders call waits for a bulk export before handing back a page with no orders */
const BULK_WAIT_PER_CALL_MS = 20_000;
const BULK_RESTARTS = 3;

type Cursor = { updatedAtMin: string };
type PagesContinuation = { mode: 'pages'; query: string; after: string | null; passStart: string };
type BulkContinuation = { mode: 'bulk'; query: string; id: string; passStart: string; offset: number; restarts: number };
type Continuation = PagesContinuation | BulkContinuation;

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
});

/** Shopify's search wants times to the second, in UTC, quoted. */
function searchTime(isoTime: string): string {
  return new Date(isoTime).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readJson<T>(text: string | null, what: string): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ChannelError('permanent', `Packbench's saved place in the Shopify ${what} could not be read; reset the channel's sync in Settings → Channels.`, { detail: `bad ${what}: ${text.slice(0, 80)}` });
  }
}

export function createShopifyPull(t: ShopifyTransport, clock: Clock) {
  /** bulk exports already downloaded, by operation id: re-reading a 10,000-order file per page would be wasteful */
  const exports = new Map<string, Array<{ order: RemoteOrder } | { rejected: RejectedRecord }>>();

  /** The largest page the bucket pays for comfortably: half of it, so a page never waits for a full bucket. */
  function pageSize(wanted: number): { first: number; lines: number } {
    const plan = COST_PLANS.OrdersPage!;
    const budget = t.gate.hasReply ? t.gate.maximum / 2 : 200;
    const cap = t.gate.hasReply ? t.gate.maximum : 1000;
    let lines = LINES_PER_ORDER;
    const cost = (first: number) => planCost(plan, { first, lines, fulfillmentOrders: FULFILLMENT_ORDERS_PER_ORDER });
    while (lines > 1 && cost(1) > cap) lines = Math.floor(lines / 2);
    let first = Math.max(1, Math.min(250, wanted));
    while (first > 1 && cost(first) > budget) first--;
    return { first, lines };
  }

  function shopNow(headers: Headers | null): number {
    const at = Date.parse(headers?.get('date') ?? '');
    return Number.isFinite(at) ? at : clock.now().getTime();
  }

  /** The rest of an order's lines, when it has more than fit on the page. */
  async function remainingLines(orderId: string, after: string, signal?: AbortSignal): Promise<unknown[]> {
    const lines: unknown[] = [];
    let cursor: string | null = after;
    while (cursor) {
      const reply: Reply<DataOf<typeof ORDER_LINES>> = await t.request(ORDER_LINES, t.sized(ORDER_LINES, { id: orderId, first: 100, after: cursor }, ['first']), { write: false, doing: 'reading the lines of a large order', signal });
      const conn = reply.data.order?.lineItems;
      if (!conn) break;
      lines.push(...conn.nodes);
      cursor = conn.pageInfo.hasNextPage ? (conn.pageInfo.endCursor ?? null) : null;
    }
    return lines;
  }

  async function pagesPass(cont: PagesContinuation, req: PullOrdersRequest): Promise<PullOrdersPage> {
    const { first, lines } = pageSize(req.pageSize);
    const reply = await t.request(ORDERS_PAGE, { first, after: cont.after, query: cont.query, lines, fulfillmentOrders: FULFILLMENT_ORDERS_PER_ORDER }, { write: false, doing: 'reading orders', signal: req.signal });
    const passStart = cont.passStart || new Date(shopNow(reply.headers) - CURSOR_OVERLAP_MS).toISOString();
    const conn = reply.data.orders as { nodes?: unknown; pageInfo?: { hasNextPage?: unknown; endCursor?: unknown } } | null | undefined;
    if (!conn || !Array.isArray(conn.nodes)) {
      throw new ChannelError('transient', `${t.shop} sent an order list Packbench could not read. It will try again.`, { detail: 'OrdersPage: orders.nodes missing' });
    }
    const orders: RemoteOrder[] = [];
    const rejected: RejectedRecord[] = [];
    for (const node of conn.nodes as Array<Record<string, unknown>>) {
      const lineConn = node?.lineItems as { nodes?: unknown[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } } | undefined;
      let rawLines = Array.isArray(lineConn?.nodes) ? lineConn.nodes : [];
      if (lineConn?.pageInfo?.hasNextPage && lineConn.pageInfo.endCursor && typeof node.id === 'string') {
        rawLines = [...rawLines, ...(await remainingLines(node.id, lineConn.pageInfo.endCursor, req.signal))];
      }
      const fos = (node?.fulfillmentOrders as { nodes?: unknown[] } | undefined)?.nodes ?? [];
      const r = parseShopifyOrder(node, rawLines, fos);
      if ('order' in r) orders.push(r.order); else rejected.push(r.rejected);
    }
    const more = conn.pageInfo?.hasNextPage === true && typeof conn.pageInfo.endCursor === 'string';
    return {
      orders, rejected,
      continuation: more ? JSON.stringify({ ...cont, after: conn.pageInfo!.endCursor as string, passStart } satisfies PagesContinuation) : null,
      nextCursor: JSON.stringify({ updatedAtMin: passStart } satisfies Cursor),
    };
  }

  async function startBulk(query: string, restarts: number, signal?: AbortSignal): Promise<BulkContinuation> {
    const reply = await t.request(BULK_RUN_QUERY, { query: bulkOrdersQuery(query) }, { write: true, doing: 'starting the export of open orders', signal });
    const payload = reply.data.bulkOperationRunQuery;
    const op = payload?.bulkOperation;
    if (!op || payload?.userErrors.length) {
      const why = payload?.userErrors.map((e) => e.message).join(' ') || 'no operation was started';
      throw new ChannelError('transient', `${t.shop} did not start the export of open orders (${why}). Packbench will try again.`, { detail: `bulkOperationRunQuery: ${why}` });
    }
    const created = Date.parse(String(op.createdAt ?? ''));
    const passStart = new Date((Number.isFinite(created) ? created : shopNow(reply.headers)) - CURSOR_OVERLAP_MS).toISOString();
    return { mode: 'bulk', query, id: op.id, passStart, offset: 0, restarts };
  }

  async function bulkPass(cont: BulkContinuation, req: PullOrdersRequest): Promise<PullOrdersPage> {
    const cursor = JSON.stringify({ updatedAtMin: cont.passStart } satisfies Cursor);
    let rows = exports.get(cont.id);
    if (!rows) {
      const deadline = performance.now() + BULK_WAIT_PER_CALL_MS;
      for (let pause = 250; ; pause = Math.min(pause * 2, 2000)) {
        const reply = await t.request(BULK_STATUS, { id: cont.id }, { write: false, doing: 'waiting for the export of open orders', signal: req.signal });
        const op = reply.data.node as { status?: string; errorCode?: string | null; url?: unknown } | null | undefined;
        const status = op?.status ?? 'MISSING';
        if (status === 'COMPLETED') {
          rows = typeof op?.url === 'string' ? parseBulkOrders(await t.download(op.url, 'downloading the export of open orders', req.signal)) : [];
          exports.set(cont.id, rows);
          break;
        }
        if (status !== 'CREATED' && status !== 'RUNNING') {
          if (cont.restarts >= BULK_RESTARTS) {
            throw new ChannelError('transient', `${t.shop} could not export the open orders (${status.toLowerCase()}${op?.errorCode ? `, ${op.errorCode}` : ''}). Packbench will try again later.`, { detail: `bulk ${cont.id} ${status}` });
          }
          const again = await startBulk(cont.query, cont.restarts + 1, req.signal);
          return { orders: [], rejected: [], continuation: JSON.stringify(again), nextCursor: cursor };
        }
        if (performance.now() + pause > deadline) return { orders: [], rejected: [], continuation: JSON.stringify(cont), nextCursor: cursor };
        await sleep(pause, req.signal);
      }
    }
    const size = Math.max(1, req.pageSize);
    const slice = rows.slice(cont.offset, cont.offset + size);
    const more = cont.offset + size < rows.length;
    if (!more) exports.delete(cont.id);
    return {
      orders: slice.flatMap((r) => ('order' in r ? [r.order] : [])),
      rejected: slice.flatMap((r) => ('rejected' in r ? [r.rejected] : [])),
      continuation: more ? JSON.stringify({ ...cont, offset: cont.offset + size } satisfies BulkContinuation) : null,
      nextCursor: cursor,
    };
  }

  async function pullOrders(req: PullOrdersRequest): Promise<PullOrdersPage> {
    let cont = readJson<Continuation>(req.continuation, 'order list');
    if (!cont) {
      const since = readJson<Cursor>(req.since, 'order cursor');
      if (since?.updatedAtMin) {
        cont = { mode: 'pages', query: `updated_at:>='${searchTime(since.updatedAtMin)}'`, after: null, passStart: '' };
      } else {
        const counted = await t.request(ORDERS_COUNT, { query: FIRST_IMPORT_QUERY, limit: BULK_THRESHOLD + 1 }, { write: false, doing: 'counting open orders', signal: req.signal });
        const count = counted.data.ordersCount?.count ?? 0;
        cont = count > BULK_THRESHOLD
          ? await startBulk(FIRST_IMPORT_QUERY, 0, req.signal)
          : { mode: 'pages', query: FIRST_IMPORT_QUERY, after: null, passStart: new Date(shopNow(counted.headers) - CURSOR_OVERLAP_MS).toISOString() };
      }
    }
    return cont.mode === 'bulk' ? bulkPass(cont, req) : pagesPass(cont, req);
  }

  return { pullOrders, pageSize };
}
