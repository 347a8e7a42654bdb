import { z } from 'zod';
import { Id } from './orders';

/** Pushed from the core to every connected screen. */
export const events = {
  'orders.changed': z.object({ ids: z.array(Id) }),
  'inventory.changed': z.object({ variantIds: z.array(Id) }),
  'workspace.changed': z.object({}),
  'print.jobChanged': z.object({ jobId: Id, status: z.string(), message: z.string() }),
  'pack.changed': z.object({ sessionId: Id }),
  'catalog.changed': z.object({ productIds: z.array(Id) }),
  'warehouse.changed': z.object({}),
  'packers.changed': z.object({}),
  'shipments.changed': z.object({ orderId: Id, shipmentId: Id, status: z.string(), words: z.string() }),
  'sync.changed': z.object({ channelIds: z.array(Id) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
