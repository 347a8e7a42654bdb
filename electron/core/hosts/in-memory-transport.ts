import type { ClientTransport, ServerMessage } from '../../../shared/rpc/protocol';
import { createClient, type ApiClient } from '../../../shared/rpc/client';
import type { Core } from '../create-core';

/**
 * Client and core joined by a pipe with no process or socket in between; messages still go through
 * JSON so a test sees exactly what a real transport would carry.
 */
export function createInMemoryTransport(core: Core): ClientTransport & { dispose(): void } {
  const listeners = new Set<(m: ServerMessage) => void>();
  const deliver = (m: ServerMessage) => {
    const copy = JSON.parse(JSON.stringify(m)) as ServerMessage;
    queueMicrotask(() => { for (const l of listeners) l(copy); });
  };
  const stopEvents = core.onEvent((event, payload) => deliver({ type: 'event', event, payload }));
  // one client, one screen: its packer is its own
  const connection = core.connect();
  return {
    send(request) {
      const wire = JSON.parse(JSON.stringify(request)) as typeof request;
      void connection.handle(wire.method, wire.input).then((r) => deliver({ type: 'response', id: wire.id, ...r }));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() { stopEvents(); listeners.clear(); },
  };
}

export function createInMemoryClient(core: Core): ApiClient {
  return createClient(createInMemoryTransport(core));
}
