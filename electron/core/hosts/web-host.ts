import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { RequestSchema, type ServerMessage } from '../../../shared/rpc/protocol';
import type { Core } from '../create-core';
import { contentSecurityPolicy } from './content-security';

export type WebHostOptions = {
  core: Core;
  /** folder with the built renderer (index.html + assets) */
  staticDir: string;
  host?: string;
  port?: number;
  /** a fixed token for tests; a fresh random one per launch otherwise */
  token?: string;
};

export type WebHost = { url: string; origin: string; token: string; port: number; close(): Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.json': 'application/json', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};

/**
 * The browser station: the same core as the desktop app, reached over a WebSocket on loopback.
 * Every request, page or socket, must carry the per-launch token (in the URL once, then a strict cookie).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const validToken = (t: string | null | undefined) => {
    if (!t) return false;
    const b = Buffer.from(t);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };
  const requestToken = (req: IncomingMessage, url: URL) => url.searchParams.get('token') ?? cookie(req, 'pb_token');
  const csp = contentSecurityPolicy();

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
      'x-frame-options': 'DENY', 'cross-origin-opener-policy': 'same-origin',
    };
    if (!validToken(requestToken(req, url))) {
      res.writeHead(401, { ...security, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Packbench refused this request: it has no valid station token. Open the address printed when the station started (it ends in ?token=…).');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...security, allow: 'GET' });
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
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `pb_token=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    headers['cache-control'] = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const sameOrigin = !origin || origin === `http://${req.headers.host}`;
    if (url.pathname !== '/api' || !validToken(requestToken(req, url)) || !sameOrigin) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nPackbench refused this connection: missing or wrong station token.');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, m: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  wss.on('connection', (ws, req: IncomingMessage) => {
    // each tab is its own bench: the screen tells which packer it had (a reconnect keeps them)
    const connection = options.core.connect({ benchToken: new URL(req.url ?? '/', 'http://localhost').searchParams.get('bench') });
    ws.on('error', (e) => console.error('[web-host] socket error', e.message));
    ws.on('message', (data) => {
      let parsed: unknown;
      try { parsed = JSON.parse(data.toString()); } catch { parsed = undefined; }
      const req = RequestSchema.safeParse(parsed);
      if (!req.success) {
        const id = typeof (parsed as { id?: unknown })?.id === 'number' ? (parsed as { id: number }).id : 0;
        send(ws, { type: 'response', id, ok: false, error: { code: 'invalid_request', message: 'Packbench could not read this message; it must be a JSON request.', hint: 'Reload the page.' } });
        return;
      }
      void connection.handle(req.data.method, req.data.input).then((r) => send(ws, { type: 'response', id: req.data.id, ...r }));
    });
  });
  const stopEvents = options.core.onEvent((event, payload) => {
    for (const client of wss.clients) send(client, { type: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    async close() {
      stopEvents();
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function cookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
