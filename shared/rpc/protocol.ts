import { z } from 'zod';
import { AppErrorSchema } from '../contract/errors';

/** The envelope every transport carries. Bodies are validated against the contract at the core. */
export const RequestSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type RpcRequest = z.infer<typeof RequestSchema>;

export type RpcResponse =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: z.infer<typeof AppErrorSchema> };

export type RpcEvent = { type: 'event'; event: string; payload: unknown };

export type ServerMessage = RpcResponse | RpcEvent;

/** Anything that moves messages: Electron IPC, a WebSocket, or an in-memory pipe in tests. */
export type ClientTransport = {
  send(request: RpcRequest): void;
  /** Forgets a request the caller gave up on; one not sent yet (waiting for the connection) is never sent. */
  cancel?(id: number): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
};
