import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestSchema, type ServerMessage } from '../../../shared/rpc/protocol';
import type { Core } from '../create-core';
import { contentSecurityPolicy } from './content-security';
import { createSocketFlow, DEFAULT_SOCKET_LIMITS, type FlowStats, type SocketLimits } from './socket-flow';
import { allowedHosts, checkStationToken, cookieName, readCookie, tokensEqual } from './station-access';
import { deviceAllowed, deviceCookie, deviceCookieName, fromThisComputer, PAIR_PATH, pairingRefusal } from './device-access';

type SocketFlow = ReturnType<typeof createSocketFlow>;

export type WebHostOptions = {
  core: Core;
  /** folder with the built renderer (index.html + assets) */
  staticDir: string;
  host?: string;
  port?: number;
  /** a fixed token (tests, restarts that keep their pages); a fresh random one per launch otherwise */
  token?: string;
  /** per-socket flow control; the defaults suit a bench */
  limits?: Partial<SocketLimits>;
};

export type WebHostStats = { clients: FlowStats[]; closedTooSlow: number };

export type WebHost = { url: string; origin: string; token: string; port: number; stats(): WebHostStats; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.json': 'application/json', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};

/** The path the page asks to learn whether its key still works (204) or not (401). */
export const SESSION_CHECK_PATH = '/api/session';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A page with no script that says what to do; shown for a missing or stale station key. */
function refusalPage(title: string, words: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Packbench: ${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${words.map((w) => `<p>${escapeHtml(w)}</p>`).join('')}</main></body></html>`;
}

const NO_TOKEN_WORDS = [
  'This address has no valid station key, so Packbench cannot show the station here.',
  'Open the address the station printed when it started (it ends in ?token=…). If the station was restarted, it printed a new address: use that one.',
  'If you cannot find it, restart the station (npm run serve) and open the address it prints.',
];

/**
 * The browser station: the same core as the desktop app, reached over a WebSocket on loopback.
 * Every request, page or socket, must name a host the station serves and carry the per-launch token
 * (in the URL once, swapped at once for this station's strict cookie and a clean address).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  checkStationToken(token);
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...options.limits };
  const csp = contentSecurityPolicy();
  let port = 0;
  let hosts = new Set<string>();
  const tokenFrom = (req: IncomingMessage, url: URL) => url.searchParams.get('token') ?? readCookie(req, cookieName(port));
  const hostOk = (req: IncomingMessage) => hosts.has(String(req.headers.host ?? '').toLowerCase());

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch((e) => {
      console.error('[web-host] request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Packbench could not answer this request. Reload the page.');
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const security = {
      'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-store',
    };
    if (!hostOk(req)) {
      // a page on another name (DNS rebinding) must learn nothing, not even whether a token works
      res.writeHead(421, { ...security, 'content-type': 'text/html; charset=utf-8' });
      res.end(refusalPage('Wrong address for this station', [
        `Packbench answers only at the addresses it serves (such as http://127.0.0.1:${port}/).`,
        'Open the address the station printed when it started.',
      ]));
      return;
    }
    if (url.pathname === PAIR_PATH) {
      // a phone opening the pairing address from the desk's QR code: the one-time code becomes its own token
      const paired = options.core.workspace().phones.redeem(url.searchParams.get('code') ?? '');
      if (!paired) {
        res.writeHead(403, { ...security, 'content-type': 'text/html; charset=utf-8' });
        res.end(pairingRefusal());
        return;
      }
      res.writeHead(303, { ...security, 'set-cookie': deviceCookie(port, paired.token), location: '/#picker' });
      res.end();
      return;
    }
    // the station key works only from this computer; from the network, only paired devices get in
    const stationKey = fromThisComputer(req) && tokensEqual(tokenFrom(req, url), token);
    const device = stationKey ? null : options.core.workspace().phones.check(readCookie(req, deviceCookieName(port)));
    if (!device && !stationKey) {
      res.writeHead(401, { ...security, 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : refusalPage('This station address is out of date or incomplete', NO_TOKEN_WORDS));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...security, allow: 'GET' });
      res.end();
      return;
    }
    const cookie = `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    if (url.searchParams.has('token')) {
      // the key leaves the address bar and the history at once: the cookie carries it from here on
      url.searchParams.delete('token');
      res.writeHead(303, { ...security, 'set-cookie': cookie, location: `${url.pathname}${url.search}` });
      res.end();
      return;
    }
    if (url.pathname === SESSION_CHECK_PATH) {
      res.writeHead(204, security);
      res.end();
      return;
    }
    let relative: string;
    try {
      relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      res.writeHead(400, { ...security, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Packbench could not read this address.');
      return;
    }
    const file = normalize(join(options.staticDir, relative));
    if (!file.startsWith(normalize(options.staticDir + sep))) {
      res.writeHead(404, security);
      res.end();
      return;
    }
    let body: Buffer;
    let type = TYPES[extname(file)] ?? 'application/octet-stream';
    try {
      body = await readFile(file);
    } catch {
      // a client-side route or a folder: the single page answers it
      body = await readFile(join(options.staticDir, 'index.html'));
      type = TYPES['.html']!;
    }
    const headers: Record<string, string> = { ...security, 'content-type': type };
    if (relative.startsWith('assets/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    // a browser always sends Origin: it must be this station under the very name the request used
    const sameOrigin = origin === undefined || (origin.toLowerCase() === `http://${String(req.headers.host).toLowerCase()}`);
    const stationKey = fromThisComputer(req) && tokensEqual(tokenFrom(req, url), token);
    const deviceToken = stationKey ? null : readCookie(req, deviceCookieName(port));
    const device = deviceToken && hostOk(req) && sameOrigin ? options.core.workspace().phones.check(deviceToken) : null;
    if (url.pathname !== '/api' || !hostOk(req) || !sameOrigin || (!stationKey && !device)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nPackbench refused this connection: wrong address or station key. Open the address the station printed.');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (deviceToken && device) deviceSockets.set(ws, deviceToken);
      wss.emit('connection', ws, req);
    });
  });

  const flows = new Map<WebSocket, SocketFlow>();
  /** sockets opened by a paired phone, with its token: checked on every request, closed when it is revoked */
  const deviceSockets = new Map<WebSocket, string>();
  let closedTooSlow = 0;
  wss.on('connection', (ws, req: IncomingMessage) => {
    // each tab is its own bench: the screen tells which packer it had (a reconnect keeps them)
    const connection = options.core.connect({ benchToken: new URL(req.url ?? '/', 'http://localhost').searchParams.get('bench') });
    const flow = createSocketFlow(ws, limits, (words) => {
      closedTooSlow++;
      console.warn(`[web-host] ${words}`);
    });
    flows.set(ws, flow);
    ws.on('close', () => { flow.dispose(); flows.delete(ws); deviceSockets.delete(ws); });
    ws.on('error', (e) => console.error('[web-host] socket error', e.message));
    ws.on('message', (data) => {
      flow.started();
      let parsed: unknown;
      try { parsed = JSON.parse(data.toString()); } catch { parsed = undefined; }
      const req = RequestSchema.safeParse(parsed);
      if (!req.success) {
        const id = typeof (parsed as { id?: unknown })?.id === 'number' ? (parsed as { id: number }).id : 0;
        flow.answer({ type: 'response', id, ok: false, error: { code: 'invalid_request', message: 'Packbench could not read this message; it must be a JSON request.', hint: 'Reload the page.' } } satisfies ServerMessage);
        return;
      }
      const deviceToken = deviceSockets.get(ws);
      if (deviceToken !== undefined) {
        const refusal = deviceAllowed(options.core.workspace().phones.check(deviceToken), req.data.method);
        if (refusal) {
          flow.answer({ type: 'response', id: req.data.id, ok: false, error: refusal.error } satisfies ServerMessage);
          if (refusal.close) ws.close(4401, 'This device is no longer paired.');
          return;
        }
      }
      void connection.handle(req.data.method, req.data.input).then((r) => flow.answer({ type: 'response', id: req.data.id, ...r } satisfies ServerMessage));
    });
  });
  const stopEvents = options.core.onEvent((event, payload) => {
    if (event === 'phones.changed') {
      // a revoked phone is cut off at once, not at its next request
      for (const [ws, t] of deviceSockets) if (!options.core.workspace().phones.check(t)) ws.close(4401, 'This device is no longer paired.');
    }
    for (const [ws, flow] of flows) if (!deviceSockets.has(ws) || event.startsWith('picking.') || event === 'workspace.changed') flow.event({ type: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(host, port);
  // where a phone on the shop's network can reach this station: the served names that are not this computer's own
  options.core.setNetworkAddresses(() => [...hosts].filter((h) => !/^(127\.|localhost:|\[::1\]:)/.test(h)).map((h) => `http://${h}`));
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    stats: () => ({ clients: [...flows.values()].map((f) => f.stats()), closedTooSlow }),
    async close() {
      stopEvents();
      for (const c of wss.clients) c.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // a browser keeps idle keep-alive connections open; close() alone would wait for them for ever
      server.closeAllConnections();
      await closed;
    },
  };
}
