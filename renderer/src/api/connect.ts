import { createClient, type ApiClient } from '../../../shared/rpc/client';
import type { ClientTransport, ServerMessage } from '../../../shared/rpc/protocol';

/** What the Electron preload exposes; nothing else of Electron reaches the page. */
type PreloadBridge = {
  call(method: string, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>;
  onMessage(listener: (message: unknown) => void): () => void;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merging into the DOM's Window needs an interface
  interface Window { packbench?: PreloadBridge }
}

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

/** unauthorized: the station answers, but not to this page's key (it was restarted, or the address had no token) */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

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
function webSocketTransport(onState: (s: ConnectionState) => void): ClientTransport {
  const listeners = new Set<(m: ServerMessage) => void>();
  const token = takeTokenFromAddress();
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  let socket: WebSocket;
  let queue: string[] = [];
  const open = () => {
    onState('connecting');
    // the packer chosen on this screen travels with the connection, so requests queued during a drop keep their packer
    const bench = benchToken();
    socket = new WebSocket(bench ? `${base}${base.includes('?') ? '&' : '?'}bench=${encodeURIComponent(bench)}` : base);
    socket.onopen = () => {
      onState('open');
      for (const m of queue) socket.send(m);
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
      const text = JSON.stringify(request);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push(text);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function connect(onState: (s: ConnectionState) => void = () => {}): ApiClient {
  if (window.packbench) {
    onState('open');
    return createClient(ipcTransport(window.packbench));
  }
  return createClient(webSocketTransport(onState));
}
