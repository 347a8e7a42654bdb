import { z } from 'zod';
import { AddressSchema } from '../domain/address';
import { ORDER_STATUSES } from '../domain/order-state';

export const Id = z.number().int().positive();
export const IsoTime = z.string();
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

export const OrderListInput = z.object({
  q: z.string().max(200).default(''),
  status: OrderStatusSchema.optional(),
  channelId: Id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type OrderListInput = z.input<typeof OrderListInput>;

export const OrderRowSchema = z.object({
  id: Id,
  number: z.string(),
  channelId: Id,
  channelName: z.string(),
  customerName: z.string(),
  countryCode: z.string(),
  status: OrderStatusSchema,
  currency: z.string(),
  totalMinor: z.number().int(),
  itemCount: z.number().int(),
  createdAt: IsoTime,
});
export type OrderRow = z.infer<typeof OrderRowSchema>;

export const OrderListOutput = z.object({
  total: z.number().int(),
  /** true when a search matched more orders than it counts: the screen asks to refine the search */
  capped: z.boolean(),
  rows: z.array(OrderRowSchema),
});
export type OrderListOutput = z.infer<typeof OrderListOutput>;

export const OrderLineSchema = z.object({
  id: Id,
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  variantId: Id.nullable(),
  /** available at the order's location, null when the SKU is not in the catalog */
  available: z.number().int().nullable(),
  bin: z.string().nullable(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderEventSchema = z.object({
  id: Id,
  kind: z.string(),
  actor: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: IsoTime,
});
export type OrderEvent = z.infer<typeof OrderEventSchema>;

export const OrderDetailSchema = OrderRowSchema.extend({
  externalId: z.string(),
  locationId: Id,
  locationName: z.string(),
  shipTo: AddressSchema,
  subtotalMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  lines: z.array(OrderLineSchema),
  events: z.array(OrderEventSchema),
  /** must leave by (UTC ISO); null when the channel gave no date */
  shipBy: IsoTime.nullable().default(null),
  nextStatuses: z.array(OrderStatusSchema),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

export const OrderTransitionInput = z.object({
  id: Id,
  to: OrderStatusSchema,
  reason: z.string().trim().max(500).default(''),
});

export const ChannelSchema = z.object({ id: Id, kind: z.string(), name: z.string() });
export type Channel = z.infer<typeof ChannelSchema>;
