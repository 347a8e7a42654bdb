import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { RoutePlanSchema, RoutingSettingsSchema, TransferInput, TransferSchema } from './routing';

/** Multi-location routing, splits and transfers between locations. */
export const routingMethods = {
  'routing.settings': query(z.object({}).default({}), RoutingSettingsSchema),
  'routing.saveSettings': command(RoutingSettingsSchema, RoutingSettingsSchema),
  'routing.plan': query(z.object({ orderId: Id }), RoutePlanSchema),
  'routing.route': command(z.object({ orderId: Id }), RoutePlanSchema),
  'routing.agreeSplit': command(z.object({ orderId: Id }), RoutePlanSchema),
  'transfers.list': query(z.object({ status: z.enum(['in_transit', 'received', 'cancelled']).optional(), limit: z.number().int().min(1).max(500).default(100) }), z.array(TransferSchema)),
  'transfers.create': command(TransferInput, TransferSchema),
  'transfers.receive': command(z.object({ id: Id }), TransferSchema),
  'transfers.cancel': command(z.object({ id: Id, reason: z.string().trim().min(3, 'Say why the transfer is cancelled (at least 3 characters).').max(300) }), TransferSchema),
} as const;
