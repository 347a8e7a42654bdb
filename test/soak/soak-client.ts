import WebSocket from 'ws';

/** What a call came back with: an answer (ok or refused), or nothing because the station went away mid-call. */
export type Outcome<T = unknown> =
  | { kind: 'ok'; result: T }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'lost' };

type Pending = { resolve: (o: Outcome) => void; timer: NodeJS.Timeout };

/**
 * The packer's page, reduced to its wire: one WebSocket with the station's token, answers matched by id.
 * A call in flight when the station dies is "lost": it may or may not have been applied, and the
 * harness never retries it (a person would look first).
 */
export function createSoakClient(url: () => string, origin: () => string) {
  let ws: WebSocket | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(): void {
    for (const [id, p] of pending) { clearTimeout(p.timer); p.resolve({ kind: 'lost' }); pending.delete(id); }
  }

  async function connect(deadlineMs = 30_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    for (;;) {
      try {
        ws = await new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(url(), { headers: { origin: origin() } });
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
          socket.once('unexpected-response', () => reject(new Error('refused')));
        });
        ws.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string; id?: number; ok?: boolean; result?: unknown; error?: { code: string; message: string } };
          if (m.type !== 'response' || m.id === undefined) return;
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          clearTimeout(p.timer);
          p.resolve(m.ok ? { kind: 'ok', result: m.result } : { kind: 'refused', code: m.error!.code, message: m.error!.message });
        });
        ws.on('close', failAll);
        ws.on('error', () => undefined);
        return;
      } catch {
        if (Date.now() > until) throw new Error(`the station did not accept a connection within ${deadlineMs / 1000} s`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  return {
    connect,
    async call<T = unknown>(method: string, input: unknown, timeoutMs = 20_000): Promise<Outcome<T>> {
      if (!ws || ws.readyState !== WebSocket.OPEN) await connect();
      const id = nextId++;
      return new Promise<Outcome<T>>((resolve) => {
        const timer = setTimeout(() => { pending.delete(id); resolve({ kind: 'lost' }); }, timeoutMs);
        pending.set(id, { resolve: resolve as (o: Outcome) => void, timer });
        ws!.send(JSON.stringify({ type: 'request', id, method, input }));
      });
    },
    /** a page reload: the socket goes, a new one comes */
    async reload(): Promise<void> {
      ws?.close();
      failAll();
      await connect();
    },
    close(): void {
      ws?.terminate();
      failAll();
    },
  };
}
export type SoakClient = ReturnType<typeof createSoakClient>;
