import { createClient, type ApiClient } from '../../../shared/rpc/client';
import type { ClientTransport, RpcRequest, ServerMessage } from '../../../shared/rpc/protocol';

/** What the Electron preload exposes; nothing else of Electron reaches the page. */
type PreloadBridge = {
  call(method: string, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>;
  onMessage(listener: (message: unknown) => void): () => void;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merging into the DOM's Window needs an interface
  interface Window { packbench?: PreloadBridge }
}

/**
 * 'unresponsive': the connection is up but the station has not answered for a while (its process is
 * stopped or stuck). Requests wait; the screens say so instead of looking connected.
 */
export type ConnectionState = 'connecting' | 'open' | 'unresponsive' | 'closed' | 'unauthorized';
/** unauthorized: the station answers, but not to this page's key (it was restarted, or the address had no token) */
type SocketState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** How long a request may go unanswered, with nothing else heard from the station, before the screens say so. */
export const NOT_ANSWERING_AFTER_MS = 1500;
/** With nothing else asked, the station is asked this often whether it still answers. */
const PING_EVERY_MS = 1000;
/** Request ids for pings, far from the client's own so an answer is never mistaken for another. */
const PING_ID_BASE = 2 ** 31;

function ipcTransport(bridge: PreloadBridge): ClientTransport {
  const listeners = new Set<(m: ServerMessage) => void>();
  bridge.onMessage((m) => { for (const l of listeners) l(m as ServerMessage); });
  return {
    send(request) {
      void bridge.call(request.method, request.input).then((r) => {
        const message = { type: 'response', id: request.id, ...r } as ServerMessage;
        for (const l of listeners) l(message);
      });
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The station's own cookie carries the key; a token still in the address is taken once and removed from it. */
function takeTokenFromAddress(): string {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? '';
  if (token) {
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  return token;
}

/** After a failed connection: does the station still know this page (204), not any more (401), or not answer at all? */
async function keyStillWorks(): Promise<boolean | undefined> {
  try {
    const r = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin' });
    if (r.status === 401) return false;
    return r.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

const BENCH_KEY = 'packbench.bench';
/** This screen's bench session (who is packing here): per tab, kept across reloads, never shared between tabs. */
export function benchToken(): string {
  try { return sessionStorage.getItem(BENCH_KEY) ?? ''; } catch { return ''; }
}
export function setBenchToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(BENCH_KEY, token);
    else sessionStorage.removeItem(BENCH_KEY);
  } catch { /* storage blocked: the packer chooses again after a reload */ }
}

/** The browser station: one WebSocket to 127.0.0.1 carrying the per-launch token; reconnects after a drop. */
function webSocketTransport(onState: (s: SocketState) => void): ClientTransport {
  const listeners = new Set<(m: ServerMessage) => void>();
  const token = takeTokenFromAddress();
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  let socket: WebSocket;
  let queue: RpcRequest[] = [];
  const open = () => {
    onState('connecting');
    // the packer chosen on this screen travels with the connection, so requests queued during a drop keep their packer
    const bench = benchToken();
    socket = new WebSocket(bench ? `${base}${base.includes('?') ? '&' : '?'}bench=${encodeURIComponent(bench)}` : base);
    socket.onopen = () => {
      onState('open');
      for (const m of queue) socket.send(JSON.stringify(m));
      queue = [];
    };
    socket.onmessage = (e) => {
      const m = JSON.parse(String(e.data)) as ServerMessage;
      for (const l of listeners) l(m);
    };
    socket.onclose = () => {
      void keyStillWorks().then((works) => {
        // a stale key never starts working again: say what to do instead of retrying for ever
        if (works === false) {
          onState('unauthorized');
          return;
        }
        onState('closed');
        setTimeout(open, 1000);
      });
    };
  };
  open();
  return {
    send(request) {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
      else queue.push(request);
    },
    cancel(id) {
      queue = queue.filter((r) => r.id !== id);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Watches whether the station answers. A request unanswered for NOT_ANSWERING_AFTER_MS, with nothing
 * else heard from the station meanwhile, makes the state 'unresponsive' (a stopped process keeps its
 * socket open, so the socket alone cannot tell). With nothing else asked it pings once a second, so the
 * top bar is right even before the next scan.
 */
function watchAnswers(inner: ClientTransport, onState: (s: ConnectionState) => void): { transport: ClientTransport; setSocket(s: SocketState): void } {
  let socket: SocketState = 'connecting';
  const sentAt = new Map<number, number>();
  let heardAt = performance.now();
  let pingId = PING_ID_BASE;
  let shown: ConnectionState | null = null;
  const show = (s: ConnectionState) => {
    if (s !== shown) { shown = s; onState(s); }
  };
  const check = () => {
    const now = performance.now();
    const state = socket;
    if (state !== 'open') {
      sentAt.clear();
      heardAt = now;
      show(state);
      return;
    }
    let oldest = Infinity;
    for (const t of sentAt.values()) oldest = Math.min(oldest, t);
    const late = now - oldest > NOT_ANSWERING_AFTER_MS && now - heardAt > NOT_ANSWERING_AFTER_MS;
    show(late ? 'unresponsive' : 'open');
    if (sentAt.size === 0 && now - heardAt > PING_EVERY_MS) {
      const id = ++pingId;
      sentAt.set(id, now);
      inner.send({ type: 'request', id, method: 'station.ping', input: {} });
    }
  };
  inner.onMessage((m) => {
    heardAt = performance.now();
    if (m.type === 'response') sentAt.delete(m.id);
    if (shown === 'unresponsive') check();
  });
  setInterval(check, 250);
  const transport: ClientTransport = {
    send(request) {
      sentAt.set(request.id, performance.now());
      inner.send(request);
    },
    cancel(id) {
      sentAt.delete(id);
      inner.cancel?.(id);
    },
    onMessage: (listener) => inner.onMessage((m) => {
      if (m.type === 'response' && m.id > PING_ID_BASE) return; // our own pings
      listener(m);
    }),
  };
  return {
    transport,
    setSocket(s) {
      socket = s;
      heardAt = performance.now();
      check();
    },
  };
}

export function connect(onState: (s: ConnectionState) => void = () => {}): ApiClient {
  if (window.packbench) {
    const watched = watchAnswers(ipcTransport(window.packbench), onState);
    watched.setSocket('open');
    return createClient(watched.transport);
  }
  // the socket reports its first state while being made, before the watcher exists: keep it and pass it on
  const relay: { to?: (s: SocketState) => void; last: SocketState } = { last: 'connecting' };
  const socket = webSocketTransport((s) => {
    relay.last = s;
    relay.to?.(s);
  });
  const watched = watchAnswers(socket, onState);
  relay.to = watched.setSocket;
  watched.setSocket(relay.last);
  return createClient(watched.transport);
}
