// A small HTTP server on 127.0.0.1 for vendor emulators, with the faults real APIs have: latency,
// 429, 5xx, requests that never answer, connections reset, garbage JSON, and being down (connection
// refused). A fault can strike before the request is carried out or after (the work is done, the answer
// is lost), which is the case an "exactly once" client must survive.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'status' | 'timeout' | 'reset' | 'garbage';
export type Fault = {
  kind: FaultKind;
  /** before: nothing happens on the server; after: the request is carried out and its answer lost */
  when: 'before' | 'after';
  status?: number;
  /** only requests whose "METHOD /path" matches */
  match?: RegExp;
  /** how many requests it strikes (default 1) */
  times?: number;
};

export type Reply = { status: number; body: unknown; headers?: Record<string, string>; raw?: Buffer | string };
export type Route = (req: { method: string; path: string; query: URLSearchParams; body: unknown; headers: http.IncomingHttpHeaders }) => Reply | Promise<Reply>;
export type RecordedRequest = { method: string; path: string; body: unknown; at: number };

export type HttpEmulator = {
  url: string;
  port: number;
  requests: RecordedRequest[];
  setLatency(ms: number, jitterMs?: number): void;
  /** the next matching requests fail this way */
  inject(fault: Fault): void;
  /** a share (0..1) of all requests fail at random with one of these faults */
  chaos(rate: number, faults: Fault[]): void;
  clearFaults(): void;
  /** stops listening: clients get "connection refused", as with a service that is down */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
};

export async function startHttpEmulator(route: Route, options: { port?: number; name: string }): Promise<HttpEmulator> {
  const host = '127.0.0.1';
  const requests: RecordedRequest[] = [];
  let latency = 0;
  let jitter = 0;
  let faults: Fault[] = [];
  let chaosRate = 0;
  let chaosFaults: Fault[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const hanging = new Set<http.ServerResponse>();

  function takeFault(line: string): Fault | undefined {
    const i = faults.findIndex((f) => !f.match || f.match.test(line));
    if (i >= 0) {
      const f = faults[i]!;
      const left = (f.times ?? 1) - 1;
      if (left <= 0) faults.splice(i, 1); else faults[i] = { ...f, times: left };
      return f;
    }
    if (chaosRate > 0 && Math.random() < chaosRate && chaosFaults.length) {
      const candidates = chaosFaults.filter((f) => !f.match || f.match.test(line));
      return candidates[Math.floor(Math.random() * candidates.length)];
    }
    return undefined;
  }

  function fail(res: http.ServerResponse, f: Fault) {
    if (f.kind === 'timeout') { hanging.add(res); return; }
    if (f.kind === 'reset') { res.socket?.destroy(); return; }
    if (f.kind === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "shp_');
      return;
    }
    const status = f.status ?? 500;
    res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '1' } : {}) });
    res.end(JSON.stringify(status === 429 ? { error: { code: 'RATE_LIMITED', message: 'Too many requests' }, detail: 'Request was throttled.' } : { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong' }, detail: 'Server error' }));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', `http://${host}`);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = undefined;
        try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
        const line = `${req.method} ${url.pathname}`;
        requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, body, at: Date.now() });
        const wait = latency + (jitter ? Math.random() * jitter : 0);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const fault = takeFault(line);
        if (fault?.when === 'before') { fail(res, fault); return; }
        let reply: Reply;
        try {
          reply = await route({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, headers: req.headers });
        } catch (e) {
          reply = { status: 500, body: { error: { code: 'EMULATOR.BUG', message: String(e) } } };
        }
        if (fault?.when === 'after') { fail(res, fault); return; }
        if (reply.raw !== undefined) {
          res.writeHead(reply.status, reply.headers ?? {});
          res.end(reply.raw);
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
        res.end(JSON.stringify(reply.body));
      })();
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.keepAliveTimeout = 1000;

  function listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }
  function close(): Promise<void> {
    return new Promise((resolve) => {
      for (const r of hanging) r.socket?.destroy();
      hanging.clear();
      for (const s of sockets) s.destroy();
      if (!server.listening) { resolve(); return; }
      server.close(() => resolve());
    });
  }

  const port = await listen(options.port ?? 0);
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    setLatency(ms, jitterMs = 0) { latency = ms; jitter = jitterMs; },
    inject(fault) { faults.push(fault); },
    chaos(rate, list) { chaosRate = rate; chaosFaults = list; },
    clearFaults() { faults = []; chaosRate = 0; chaosFaults = []; },
    down: close,
    async up() { if (!server.listening) await listen(port); },
    stop: close,
  };
}

export function randomHex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}
