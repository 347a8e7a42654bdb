// The Shopify emulator as a real HTTP server on 127.0.0.1: the Admin GraphQL endpoint
// (POST /admin/api/{version}/graphql.json), bulk operation results (GET /bulk/{id}.jsonl), and a small
// admin API under /_emulator/ for tests and the demo (make orders, cancel, edit or re-address them,
// set stock, inject faults, tune the rate limit, read what was applied). Tests in the same process can
// use `state`, `faults` and `bucket` directly.

import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ADMIN_API_VERSION, loadAdminSchema, type AdminSchema } from './admin-schema';
import { createBulkRunner } from './bulk';
import { createFaults, type Fault, type FaultSettings, type ScriptedFault } from './faults';
import { createGraphQLEndpoint, newEndpointStats, type GraphQLReply } from './graphql-endpoint';
import { createLeakyBucket, type BucketSettings } from './leaky-bucket';
import { createShopState, ShopStateError, type NewOrderInput, type ShopState } from './shop-state';
import { gid, parseGid, type BulkOperationRec } from './views';

export type ShopifyEmulatorOptions = {
  port?: number;
  accessToken?: string;
  shopDomain?: string;
  currency?: string;
  bucket?: BucketSettings;
  faults?: Partial<FaultSettings>;
  /** how long a bulk operation stays CREATED/RUNNING before its file is ready */
  bulkDelayMs?: number;
  /** fills the shop before the server listens */
  seed?: (state: ShopState) => void;
  /** the first order's number (Shopify starts at 1001; a demo started again later must not repeat its numbers) */
  firstOrderNumber?: number;
};

export const DEFAULT_ACCESS_TOKEN = 'shpat_packbench_emulator_token';

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error('body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startShopifyEmulator(options: ShopifyEmulatorOptions = {}) {
  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const state = createShopState({ domain: options.shopDomain ?? 'packbench-demo.myshopify.com', currency: options.currency ?? 'EUR', firstOrderNumber: options.firstOrderNumber });
  if (!state.locations.size) state.addLocation('Main warehouse');
  options.seed?.(state);
  const bucket = createLeakyBucket(options.bucket ?? { maximumAvailable: 2000, restoreRate: 100 });
  const faults = createFaults(options.faults);
  const stats = newEndpointStats();
  const bulkOps = new Map<number, BulkOperationRec>();
  const bulkFiles = new Map<number, Buffer>();
  const schemas = new Map<string, AdminSchema | null>();
  let port = options.port ?? 0;
  const baseUrl = () => `http://127.0.0.1:${port}`;

  const adminFor = (version: string) => {
    if (!schemas.has(version)) {
      try { schemas.set(version, loadAdminSchema(version)); } catch { schemas.set(version, null); }
    }
    return schemas.get(version)!;
  };
  adminFor(ADMIN_API_VERSION);
  // the bulk runner needs the endpoint's field resolver; the endpoint needs the runner
  let resolver: Parameters<typeof createBulkRunner>[0]['fieldResolver'] = () => null;
  const bulk = createBulkRunner({
    schema: adminFor(ADMIN_API_VERSION)!.schema, state, ops: bulkOps, files: bulkFiles, fileUrl: (id) => `${baseUrl()}/bulk/${id}.jsonl`,
    fieldResolver: (...args) => resolver(...args), delayMs: () => options.bulkDelayMs ?? 200,
  });
  const endpoint = createGraphQLEndpoint({ admin: adminFor, state, accessToken, bucket, bulk, bulkOps, stats });
  resolver = endpoint.fieldResolver;

  const sockets = new Set<Socket>();
  const held = new Set<http.ServerResponse>();

  function send(res: http.ServerResponse, reply: GraphQLReply) {
    res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  async function sabotage(req: http.IncomingMessage, res: http.ServerResponse, fault: Fault, reply: GraphQLReply | null) {
    switch (fault.kind) {
      case 'latency':
        await sleep(faults.settings.latencyMs);
        if (reply) send(res, reply);
        return;
      case 'http429':
        res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
        res.end('Too Many Requests');
        return;
      case 'http5xx': {
        const status = [500, 502, 503, 504][Math.floor(Math.random() * 4)]!;
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html><body><h1>${status}</h1><p>There was a problem loading this website.</p></body></html>`);
        return;
      }
      case 'timeout':
        // accepted, never answered: the client must give up on its own
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'truncated': {
        const whole = reply?.body ?? '{"data":{"orders":{"nodes":[{"id":"gid://shopify/Order/1","name":"#1001","lineItems":{"nodes":[{"sku":"A';
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(whole.slice(0, Math.max(1, Math.floor(whole.length / 2))));
        return;
      }
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('<html><body>upstream connect error or disconnect/reset before headers</body></html>\u0000{"data":');
        return;
    }
  }

  async function graphql(req: http.IncomingMessage, res: http.ServerResponse, version: string) {
    const body = await readBody(req);
    let operation = '';
    let query = '';
    try {
      const parsed = JSON.parse(body) as { operationName?: unknown; query?: unknown };
      operation = typeof parsed.operationName === 'string' ? parsed.operationName : '';
      query = typeof parsed.query === 'string' ? parsed.query : '';
    } catch { /* the endpoint answers a body that is not JSON */ }
    if (faults.settings.baseLatencyMs > 0) await sleep(faults.settings.baseLatencyMs);
    const fault = faults.pick(operation, query);
    const token = req.headers['x-shopify-access-token'];
    const run = () => endpoint.handle({ version, token: Array.isArray(token) ? token[0] : token, body });
    if (!fault) return send(res, run());
    if (fault.kind === 'latency') return sabotage(req, res, fault, run());
    return sabotage(req, res, fault, fault.after ? run() : null);
  }

  function adminJson(res: http.ServerResponse, status: number, payload: unknown) {
    const body = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  /** An order named by gid, numeric id or name (#1001). */
  function orderId(ref: unknown): number {
    const g = parseGid(ref, 'Order');
    if (g) return g.id;
    if (typeof ref === 'number') return ref;
    const byName = [...state.orders.values()].find((o) => o.name === ref || String(o.number) === String(ref).replace(/^#/, ''));
    if (byName) return byName.id;
    throw new ShopStateError(`No order ${String(ref)} in the emulated shop.`);
  }

  function locationId(ref: unknown): number {
    const g = parseGid(ref, 'Location');
    if (g) return g.id;
    const byName = [...state.locations.values()].find((l) => l.name === ref);
    return byName?.id ?? state.defaultLocation().id;
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const body = req.method === 'POST' ? ((JSON.parse((await readBody(req)) || '{}')) as Record<string, unknown>) : {};
    const summary = (id: number) => { const o = state.orders.get(id)!; return { id: gid('Order', o.id), name: o.name, updatedAt: o.updatedAt }; };
    switch (`${req.method} ${path}`) {
      case 'POST /_emulator/locations': { const l = state.addLocation(String(body.name ?? 'Location')); return adminJson(res, 200, { id: gid('Location', l.id), name: l.name }); }
      case 'POST /_emulator/products': {
        const p = state.addProduct(body as never);
        return adminJson(res, 200, { id: gid('Product', p.id), variants: p.variantIds.map((v) => { const r = state.variants.get(v)!; return { id: gid('ProductVariant', r.id), sku: r.sku, inventoryItemId: gid('InventoryItem', r.inventoryItemId) }; }) });
      }
      case 'POST /_emulator/orders': return adminJson(res, 200, summary(state.createOrder(body as NewOrderInput).id));
      case 'POST /_emulator/orders/cancel': return adminJson(res, 200, summary(state.cancelOrder(orderId(body.id), String(body.reason ?? 'CUSTOMER')).id));
      case 'POST /_emulator/orders/edit': return adminJson(res, 200, summary(state.editOrderLine(orderId(body.id), String(body.sku), Number(body.quantity)).id));
      case 'POST /_emulator/orders/address': return adminJson(res, 200, summary(state.readdressOrder(orderId(body.id), body.address as never).id));
      case 'POST /_emulator/inventory': {
        const v = state.variantForSku(String(body.sku));
        if (!v) throw new ShopStateError(`No SKU ${String(body.sku)} in the emulated shop.`);
        const loc = locationId(body.location);
        state.setQuantity(v.inventoryItemId, loc, body.name === 'on_hand' ? 'on_hand' : 'available', Number(body.quantity));
        return adminJson(res, 200, { sku: v.sku, location: gid('Location', loc), available: state.quantity(state.level(v.inventoryItemId, loc)!, 'available') });
      }
      case 'POST /_emulator/faults': {
        if (body.clear) faults.clear();
        faults.configure(body as Partial<FaultSettings>);
        if (Array.isArray(body.script)) faults.script(...(body.script as ScriptedFault[]));
        return adminJson(res, 200, faults.settings);
      }
      case 'POST /_emulator/throttle': bucket.configure(body as never); return adminJson(res, 200, bucket.status());
      case 'GET /_emulator/applied': return adminJson(res, 200, state.applied);
      case 'GET /_emulator/emails': return adminJson(res, 200, state.emails);
      case 'GET /_emulator/stats': return adminJson(res, 200, { ...stats, byOperation: Object.fromEntries(stats.byOperation), throttleStatus: bucket.status(), faults: faults.injected.length });
      default: return adminJson(res, 404, { error: `No emulator admin route ${req.method} ${path}.` });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl());
    const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
    const handle = async () => {
      if (graphqlPath && req.method === 'POST') return graphql(req, res, graphqlPath[1]!);
      const file = /^\/bulk\/(\d+)\.jsonl$/.exec(url.pathname);
      if (file && req.method === 'GET') {
        const bytes = bulkFiles.get(Number(file[1]));
        if (!bytes) return adminJson(res, 404, { error: 'No such bulk operation result.' });
        res.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': bytes.length });
        return res.end(bytes);
      }
      if (url.pathname.startsWith('/_emulator/')) return admin(req, res, url.pathname);
      return adminJson(res, 404, { errors: 'Not Found' });
    };
    handle().catch((err: unknown) => {
      if (res.headersSent) { res.destroy(); return; }
      adminJson(res, err instanceof ShopStateError ? 422 : 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  // like Shopify's edge, keep idle connections well beyond a client's pause between polls
  server.keepAliveTimeout = 30_000;
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });

  const listen = () => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); port = (server.address() as AddressInfo).port; resolve(); });
  });
  await listen();

  async function stop() {
    bulk.stop();
    for (const res of held) res.destroy();
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  return {
    get url() { return baseUrl(); },
    get port() { return port; },
    graphqlUrl: (version = ADMIN_API_VERSION) => `${baseUrl()}/admin/api/${version}/graphql.json`,
    domain: state.shop.domain,
    accessToken,
    state,
    stats,
    faults,
    bucket,
    bulkOps,
    stop,
    /** Listens again on the same port, like a shop coming back after an outage; the data is kept. */
    restart: listen,
  };
}

export type ShopifyEmulator = Awaited<ReturnType<typeof startShopifyEmulator>>;
