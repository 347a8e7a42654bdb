import { AppError } from '../contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../contract/api';
import type { EventName, EventPayload } from '../contract/events';
import type { ClientTransport, ServerMessage } from './protocol';

// shared/ sees neither DOM nor Node types; both runtimes have these timers.
const timers = globalThis as unknown as {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type ApiClient = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  close(): void;
};

/** A typed client over any transport. Errors come back as AppError with the core's words. */
export function createClient(transport: ClientTransport, options: { timeoutMs?: number } = {}): ApiClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: unknown }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const stop = transport.onMessage((message: ServerMessage) => {
    if (message.type === 'event') {
      for (const l of listeners.get(message.event) ?? []) l(message.payload);
      return;
    }
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    timers.clearTimeout(p.timer);
    if (message.ok) p.resolve(message.result);
    else p.reject(AppError.from(message.error));
  });

  return {
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = timers.setTimeout(() => {
          pending.delete(id);
          transport.cancel?.(id);
          reject(new AppError('internal', `The station did not answer within ${timeoutMs / 1000} s, so this was not done.`, 'Check that the station is still running, then try again.'));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        try {
          transport.send({ type: 'request', id, method, input });
        } catch (e) {
          pending.delete(id);
          timers.clearTimeout(timer);
          reject(new AppError('internal', 'The connection to Packbench is closed.', 'Reload the page or restart the app.'));
        }
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    close() {
      stop();
      for (const [, p] of pending) {
        timers.clearTimeout(p.timer);
        p.reject(new AppError('internal', 'The connection to Packbench was closed.', 'Reload the page or restart the app.'));
      }
      pending.clear();
    },
  };
}
