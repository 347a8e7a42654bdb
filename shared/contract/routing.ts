import { z } from 'zod';
import { Id, IsoTime } from './orders';

/** The owner's routing settings: off until switched on (a shop with one location needs none of it). */
export const RoutingSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** never: the nearest location waits for a transfer; ask: hold the order until the owner agrees to parcels; auto: split */
  split: z.enum(['never', 'ask', 'auto']).default('ask'),
  maxShipments: z.number().int().min(2, 'A split makes at least 2 parcels.').max(5, 'At most 5 parcels per order.').default(2),
  /** location ids in the owner's order of preference (ties between equally near locations) */
  order: z.array(Id).max(100).default([]),
});
export type RoutingSettings = z.output<typeof RoutingSettingsSchema>;

const PlanLine = z.object({ variantId: Id, sku: z.string(), quantity: z.number().int() });
export const ShipmentSchema = z.object({ locationId: Id, locationName: z.string(), status: z.enum(['proposed', 'agreed']), lines: z.array(PlanLine) });

export const RoutePlanSchema = z.object({
  kind: z.enum(['whole', 'split', 'partial', 'none']),
  locationId: Id.nullable(),
  locationName: z.string(),
  why: z.string(),
  missing: z.array(PlanLine),
  transfers: z.array(PlanLine.extend({ fromLocationId: Id, fromLocationName: z.string() })),
  /** the order's parcels per location, when it is split (or a split waits for consent) */
  shipments: z.array(ShipmentSchema),
});
export type RoutePlanView = z.infer<typeof RoutePlanSchema>;

export const TransferLineSchema = z.object({ variantId: Id, sku: z.string(), title: z.string(), quantity: z.number().int() });
export const TransferSchema = z.object({
  id: Id,
  fromLocationId: Id, fromLocationName: z.string(),
  toLocationId: Id, toLocationName: z.string(),
  status: z.enum(['in_transit', 'received', 'cancelled']),
  reason: z.string(),
  orderId: Id.nullable(),
  orderNumber: z.string().nullable(),
  createdBy: z.string(), createdAt: IsoTime, closedBy: z.string(), closedAt: IsoTime.nullable(),
  lines: z.array(TransferLineSchema),
});
export type Transfer = z.infer<typeof TransferSchema>;

export const TransferInput = z.object({
  fromLocationId: Id,
  toLocationId: Id,
  lines: z.array(z.object({
    variantId: Id,
    quantity: z.number({ error: 'Type the units as a whole number.' }).int('Type the units as a whole number.').min(1, 'Send at least 1 unit.').max(1_000_000),
  })).min(1, 'Add at least one SKU to send.').max(500),
  reason: z.string().trim().max(300).default(''),
  orderId: Id.optional(),
});
