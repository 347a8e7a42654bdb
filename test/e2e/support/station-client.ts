import WebSocket from 'ws';
import { createClient, type ApiClient } from '../../../shared/rpc/client';
import type { ServerMessage } from '../../../shared/rpc/protocol';
import type { Station } from '../station';

/** The typed API over the station's own WebSocket (token and same origin), for driving a test quickly. */
export async function connectStationClient(station: Station): Promise<ApiClient & { dispose(): void }> {
  const socket = new WebSocket(`${station.origin.replace('http', 'ws')}/api?token=${station.token}`, { headers: { origin: station.origin } });
  await new Promise<void>((resolve, reject) => { socket.once('open', () => resolve()); socket.once('error', reject); });
  const listeners = new Set<(m: ServerMessage) => void>();
  socket.on('message', (data) => { const m = JSON.parse(data.toString()) as ServerMessage; for (const l of listeners) l(m); });
  const client = createClient({
    send: (request) => socket.send(JSON.stringify(request)),
    onMessage(listener) { listeners.add(listener); return () => listeners.delete(listener); },
  });
  return Object.assign(client, { dispose: () => socket.close() });
}
