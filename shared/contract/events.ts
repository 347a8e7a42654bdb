import { z } from 'zod';
import { Id } from './orders';
import { ScaleReadingSchema } from './devices';

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
  'rules.changed': z.object({}),
  'picking.changed': z.object({ listId: Id }),
  'phones.changed': z.object({}),
  /** a device was plugged in, unplugged or failed; `words` says which and what to do */
  'devices.changed': z.object({ words: z.string(), tone: z.enum(['info', 'warning']) }),
  /** a HID POS or serial scanner read a code: the first screen to claim it handles it like a wedge scan */
  'devices.scan': z.object({ scanId: z.string(), deviceId: z.string(), deviceName: z.string(), text: z.string() }),
  'scale.reading': ScaleReadingSchema,
  'returns.changed': z.object({ returnId: Id, orderId: Id }),
  'sync.changed': z.object({ channelIds: z.array(Id) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
