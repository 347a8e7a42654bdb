import { z } from 'zod';
import { MOVEMENT_KINDS } from '../domain/ledger';
import { Id, IsoTime } from './orders';

export const StockRowSchema = z.object({
  variantId: Id,
  sku: z.string(),
  title: z.string(),
  locationId: Id,
  locationName: z.string(),
  bin: z.string().nullable(),
  onHand: z.number().int(),
  committed: z.number().int(),
  available: z.number().int(),
});
export type StockRow = z.infer<typeof StockRowSchema>;

export const StockListInput = z.object({
  q: z.string().max(200).default(''),
  locationId: Id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export const StockListOutput = z.object({ total: z.number().int(), rows: z.array(StockRowSchema) });

export const MovementSchema = z.object({
  id: Id,
  kind: z.enum(MOVEMENT_KINDS),
  sku: z.string(),
  locationName: z.string(),
  onHandDelta: z.number().int(),
  committedDelta: z.number().int(),
  reason: z.string(),
  actor: z.string(),
  reference: z.string(),
  createdAt: IsoTime,
});
export type Movement = z.infer<typeof MovementSchema>;

export const StockHistoryInput = z.object({
  variantId: Id,
  locationId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const StockAdjustInput = z.object({
  variantId: Id,
  locationId: Id,
  /** the counted quantity now on the shelf; the ledger records the difference */
  countedOnHand: z.number().int('Count whole units only.').min(0, 'A count cannot be below zero.').max(1_000_000, 'More than 1,000,000 units on one shelf is almost certainly a typo: count again.'),
  reason: z.string().trim().min(3, 'Say why the count changed (at least 3 characters).').max(500, 'Keep the reason under 500 characters.'),
});

export const LocationSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  bins: z.array(z.object({ id: Id, code: z.string() })),
});
export type Location = z.infer<typeof LocationSchema>;
