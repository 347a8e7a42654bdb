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

export type ConnectionState = 'connecting' | 'open' | 'closed';

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
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;
  let socket: WebSocket;
  let queue: string[] = [];
  const open = () => {
    onState('connecting');
    // the packer chosen on this screen travels with the connection, so requests queued during a drop keep their packer
    const bench = benchToken();
    socket = new WebSocket(bench ? `${base}&bench=${encodeURIComponent(bench)}` : base);
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
      onState('closed');
      setTimeout(open, 1000);
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
