// A WooCommerce shop on 127.0.0.1 speaking REST API v3 over real HTTP: Basic auth with a consumer key and
// secret (or the consumer_key/consumer_secret query), paging headers, 429 with Retry-After from a
// request-rate limit, and fault injection. Every request is recorded (`ops`) and every change the shop
// made (`store.effects`), so tests assert "exactly once" on what the shop did, not on what the app says.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createFaultPlanner, type FaultPlan, type FaultSettings } from './woo-faults';
import { route, type RouteResult } from './woo-routes';
import { createWooStore, WooError, type WooStore } from './woo-store';

export type WooEmulatorOptions = {
  port?: number;
  consumerKey?: string;
  consumerSecret?: string;
  siteName?: string;
  /** added to every request, ms (the bench's "50 ms latency") */
  latencyMs?: number;
  /** requests a second the shop accepts before answering 429 (token bucket); null: unlimited */
  rateLimit?: { perSecond: number; burst: number } | null;
  faults?: Partial<FaultSettings>;
  now?: () => number;
  timezoneOffsetMinutes?: number;
  /** ids start here (a demo restarted later must not reuse the ids of the orders it sent before) */
  firstId?: number;
};

export type RecordedOp = {
  seq: number; at: number; method: string; path: string; query: string; status: number | 'no answer';
  fault: string | null; write: boolean;
};

export type WooEmulator = Awaited<ReturnType<typeof startWooEmulator>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startWooEmulator(options: WooEmulatorOptions = {}) {
  const consumerKey = options.consumerKey ?? 'ck_emulator_0123456789abcdef0123456789abcdef01234567';
  const consumerSecret = options.consumerSecret ?? 'cs_emulator_0123456789abcdef0123456789abcdef01234567';
  const store: WooStore = createWooStore({
    ...(options.now ? { now: options.now } : {}), ...(options.timezoneOffsetMinutes !== undefined ? { timezoneOffsetMinutes: options.timezoneOffsetMinutes } : {}),
    ...(options.firstId !== undefined ? { firstId: options.firstId } : {}),
  });
  const faults = createFaultPlanner(options.faults);
  const ops: RecordedOp[] = [];
  let latencyMs = options.latencyMs ?? 0;
  let rateLimit = options.rateLimit ?? null;
  let tokens = rateLimit?.burst ?? 0;
  let refilledAt = Date.now();
  let seq = 0;
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let server: Server | null = null;
  let port = options.port ?? 0;

  function takeToken(): number {
    if (!rateLimit) return 0;
    const now = Date.now();
    tokens = Math.min(rateLimit.burst, tokens + ((now - refilledAt) / 1000) * rateLimit.perSecond);
    refilledAt = now;
    if (tokens >= 1) { tokens -= 1; return 0; }
    return Math.ceil(((1 - tokens) / rateLimit.perSecond) * 1000);
  }

  function authorised(req: IncomingMessage, url: URL): boolean {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const [k, ...s] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      return k === consumerKey && s.join(':') === consumerSecret;
    }
    return url.searchParams.get('consumer_key') === consumerKey && url.searchParams.get('consumer_secret') === consumerSecret;
  }

  function send(res: ServerResponse, r: RouteResult) {
    const text = JSON.stringify(r.body);
    res.writeHead(r.status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text), ...r.headers });
    res.end(text);
  }

  function wooError(status: number, code: string, message: string): RouteResult {
    return { status, body: { code, message, data: { status } } };
  }

  /** Carries out a fault; true when it took over the answer. */
  function strike(plan: NonNullable<FaultPlan>, res: ServerResponse, result: RouteResult | null, op: RecordedOp): boolean {
    op.fault = `${plan.kind}:${plan.when}`;
    switch (plan.kind) {
      case '429':
        op.status = 429;
        send(res, { ...wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please try again later.'), headers: { 'retry-after': '1' } });
        return true;
      case '5xx': {
        op.status = 502;
        // what a proxy in front of WordPress says when PHP falls over
        const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
        res.end(html);
        return true;
      }
      case 'timeout':
        op.status = 'no answer';
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return true;
      case 'reset':
        op.status = 'no answer';
        res.socket?.resetAndDestroy();
        return true;
      case 'truncated': {
        op.status = 'no answer';
        const text = JSON.stringify(result?.body ?? { partial: true });
        res.writeHead(result?.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        setTimeout(() => res.socket?.destroy(), 5);
        return true;
      }
      case 'garbage': {
        op.status = 200;
        // a PHP notice printed ahead of the JSON: the classic broken WordPress plugin answer
        const text = `<br />\n<b>Warning</b>:  Undefined array key "shipping" in <b>/var/www/html/wp-content/plugins/some-plugin/hooks.php</b> on line <b>42</b><br />\n${JSON.stringify(result?.body ?? {})}`;
        res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
        res.end(text);
        return true;
      }
      case 'latency':
        return false;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const write = method !== 'GET' && method !== 'HEAD';
    const op: RecordedOp = { seq: ++seq, at: Date.now(), method, path: url.pathname, query: url.search, status: 200, fault: null, write };
    ops.push(op);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (latencyMs > 0) await sleep(latencyMs);
    const wait = takeToken();
    if (wait > 0) {
      op.status = 429;
      send(res, { ...wooError(429, 'woocommerce_rest_too_many_requests', 'Too many requests. Please try again later.'), headers: { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) } });
      return;
    }
    if (url.pathname !== '/wp-json' && url.pathname !== '/wp-json/' && !authorised(req, url)) {
      op.status = 401;
      send(res, wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'));
      return;
    }
    const plan = faults.plan(method, url.pathname);
    if (plan?.kind === 'latency') await sleep(faults.settings().slowMs);
    if (plan && plan.when === 'before' && strike(plan, res, null, op)) return;

    let body: unknown;
    const raw = Buffer.concat(chunks).toString('utf8');
    if (raw) {
      try { body = JSON.parse(raw); } catch { op.status = 400; send(res, wooError(400, 'rest_invalid_json', 'Invalid JSON body passed.')); return; }
    }
    let result: RouteResult;
    try {
      result = route(store, { method, path: url.pathname, query: url.searchParams, body, baseUrl: `http://127.0.0.1:${port}` }, { name: options.siteName ?? 'Emulated WooCommerce' });
    } catch (e) {
      const err = e instanceof WooError ? e : new WooError(500, 'internal_server_error', String(e));
      result = wooError(err.status, err.code, err.message);
    }
    if (plan && plan.when === 'after' && strike(plan, res, result, op)) return;
    op.status = result.status;
    send(res, result);
  }

  async function listen() {
    server = createServer((req, res) => {
      handle(req, res).catch((e) => {
        if (!res.headersSent) send(res, wooError(500, 'internal_server_error', String(e)));
      });
    });
    server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  }
  await listen();

  return {
    get port() { return port; },
    get url() { return `http://127.0.0.1:${port}`; },
    consumerKey, consumerSecret, store, ops, faults,
    setLatency(ms: number) { latencyMs = ms; },
    setRateLimit(limit: { perSecond: number; burst: number } | null) { rateLimit = limit; tokens = limit?.burst ?? 0; refilledAt = Date.now(); },
    /** requests that reached the shop and asked for a change */
    writes: () => ops.filter((o) => o.write),
    /** the shop goes away: the port refuses connections until start() */
    async stop() {
      if (!server) return;
      for (const r of hanging) r.socket?.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    },
    /** the shop comes back on the same port, with the same state */
    async start() { if (!server) await listen(); },
    get running() { return server !== null; },
  };
}
