import type { WebSocket } from 'ws';

/**
 * Flow control for one browser-station socket. A tab that stops reading (frozen, asleep, on a
 * stalled network) must not make the station buffer without end:
 * - at most maxInFlight requests are worked on per socket; past that the socket is not read;
 * - while the socket's send buffer is above pauseAboveBytes, it is not read either;
 * - events for a slow socket are coalesced (the latest per job, session, order set …) and sent
 *   once it catches up;
 * - past closeAboveBytes, or a send buffer that stays full for stalledCloseMs, or too many
 *   coalesced events, the socket is closed with a reason; the page reconnects and reloads its data.
 */
export type SocketLimits = {
  maxInFlight: number;
  pauseAboveBytes: number;
  /** events are held back and coalesced above this */
  eventsAboveBytes: number;
  closeAboveBytes: number;
  stalledCloseMs: number;
  maxPendingEvents: number;
};

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxInFlight: 32,
  pauseAboveBytes: 1024 * 1024,
  eventsAboveBytes: 256 * 1024,
  closeAboveBytes: 16 * 1024 * 1024,
  stalledCloseMs: 30_000,
  maxPendingEvents: 2000,
};

/** Close code for "you fell too far behind" (4000-4999 are for applications). */
export const CLOSE_TOO_SLOW = 4008;

export type FlowStats = { inFlight: number; paused: boolean; bufferedAmount: number; maxBufferedAmount: number; pendingEvents: number; coalescedEvents: number };

type EventMessage = { type: 'event'; event: string; payload: unknown };

/** Which pending event a new one replaces or merges into. */
function coalesce(pending: Map<string, EventMessage>, m: EventMessage): void {
  const p = (m.payload ?? {}) as Record<string, unknown>;
  const mergeIds = (field: string) => {
    const key = m.event;
    const before = pending.get(key);
    const ids = new Set<unknown>([...(((before?.payload as Record<string, unknown> | undefined)?.[field] as unknown[]) ?? []), ...((p[field] as unknown[]) ?? [])]);
    pending.set(key, { ...m, payload: { ...p, [field]: [...ids] } });
  };
  switch (m.event) {
    case 'orders.changed': mergeIds('ids'); return;
    case 'inventory.changed': mergeIds('variantIds'); return;
    case 'print.jobChanged': pending.set(`${m.event}:${String(p.jobId)}`, m); return;
    case 'pack.changed': pending.set(`${m.event}:${String(p.sessionId)}`, m); return;
    default: pending.set(`${m.event}:${JSON.stringify(m.payload)}`, m);
  }
}

function pendingSize(pending: Map<string, EventMessage>): number {
  let n = 0;
  for (const m of pending.values()) {
    const p = m.payload as Record<string, unknown>;
    n += Array.isArray(p.ids) ? p.ids.length : Array.isArray(p.variantIds) ? p.variantIds.length : 1;
  }
  return n;
}

export function createSocketFlow(ws: WebSocket, limits: SocketLimits, log: (words: string) => void) {
  let inFlight = 0;
  let paused = false;
  let closing = false;
  let stalledSince: number | undefined;
  let maxBuffered = 0;
  let coalesced = 0;
  const pending = new Map<string, EventMessage>();
  const watch = setInterval(check, 200);
  watch.unref();

  function closeSlow(why: string): void {
    if (closing) return;
    closing = true;
    pending.clear();
    log(`closed a page's connection: ${why}`);
    try {
      ws.close(CLOSE_TOO_SLOW, 'Packbench closed this connection because the page stopped reading. It reconnects and reloads.');
    } catch {
      // already closing
    }
    // a page that does not read will not answer the close either
    setTimeout(() => ws.terminate(), 1000).unref();
  }

  function check(): void {
    if (closing || ws.readyState !== ws.OPEN) return;
    const buffered = ws.bufferedAmount;
    maxBuffered = Math.max(maxBuffered, buffered);
    if (buffered > limits.closeAboveBytes) {
      closeSlow(`more than ${limits.closeAboveBytes} bytes waiting to be sent`);
      return;
    }
    if (buffered > limits.pauseAboveBytes) {
      stalledSince ??= Date.now();
      if (Date.now() - stalledSince > limits.stalledCloseMs) {
        closeSlow(`it read nothing for ${limits.stalledCloseMs / 1000} s`);
        return;
      }
    } else {
      stalledSince = undefined;
    }
    if (buffered <= limits.eventsAboveBytes && pending.size > 0) {
      const flush = [...pending.values()];
      pending.clear();
      for (const m of flush) write(m);
    }
    const shouldPause = inFlight >= limits.maxInFlight || ws.bufferedAmount > limits.pauseAboveBytes;
    if (shouldPause && !paused) { ws.pause(); paused = true; }
    if (!shouldPause && paused) { ws.resume(); paused = false; }
  }

  function write(m: unknown): void {
    if (closing || ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(m), () => check());
    maxBuffered = Math.max(maxBuffered, ws.bufferedAmount);
  }

  return {
    /** a request arrived: counts it, and stops reading once enough are being worked on */
    started(): void {
      inFlight++;
      check();
    },
    /** its answer is ready: always sent (an answer is never dropped), then reading may resume */
    answer(m: unknown): void {
      inFlight = Math.max(0, inFlight - 1);
      write(m);
      check();
    },
    event(m: EventMessage): void {
      if (closing) return;
      if (pending.size === 0 && ws.bufferedAmount <= limits.eventsAboveBytes) {
        write(m);
        return;
      }
      coalesced++;
      coalesce(pending, m);
      if (pendingSize(pending) > limits.maxPendingEvents) closeSlow(`more than ${limits.maxPendingEvents} changes waiting for it`);
    },
    stats(): FlowStats {
      return { inFlight, paused, bufferedAmount: ws.bufferedAmount, maxBufferedAmount: maxBuffered, pendingEvents: pending.size, coalescedEvents: coalesced };
    },
    dispose(): void {
      clearInterval(watch);
      pending.clear();
    },
  };
}
