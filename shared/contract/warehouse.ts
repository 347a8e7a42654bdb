import { z } from 'zod';
import { AddressSchema } from '../domain/address';
import { Id, IsoTime } from './orders';

const part = (what: string) => z.string().trim().max(20, `${what} has at most 20 characters.`).regex(/^[\p{L}\p{N} ._/-]*$/u, `${what}: use letters, digits, spaces, . _ / or -.`).default('');

export const BinRowSchema = z.object({
  id: Id,
  locationId: Id,
  code: z.string(),
  zone: z.string(),
  aisle: z.string(),
  shelf: z.string(),
  level: z.string(),
  archived: z.boolean(),
  /** units in the bin, all SKUs */
  units: z.number().int(),
  skus: z.number().int(),
});
export type BinRow = z.infer<typeof BinRowSchema>;

export const LocationDetailSchema = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  address: AddressSchema,
  archived: z.boolean(),
  /** in walk order: zone, aisle, shelf, level */
  bins: z.array(BinRowSchema),
});
export type LocationDetail = z.infer<typeof LocationDetailSchema>;

export const LocationInput = z.object({
  id: Id.optional(),
  code: z.string().trim().min(1, 'Give the location a short code (e.g. MAIN).').max(20, 'A location code has at most 20 characters.')
    .regex(/^[A-Za-z0-9_-]+$/, 'A location code uses letters, digits, - or _ only.'),
  name: z.string().trim().min(1, 'Give the location a name.').max(100, 'A location name has at most 100 characters.'),
  address: AddressSchema,
});

export const BinInput = z.object({
  id: Id.optional(),
  locationId: Id,
  zone: part('The zone').refine((s) => s !== '', 'Every bin needs a zone (e.g. A).'),
  aisle: part('The aisle'),
  shelf: part('The shelf'),
  level: part('The level'),
  /** printed on the bin label; made from the parts when left empty */
  code: z.string().trim().max(40, 'A bin code has at most 40 characters.').regex(/^[\x21-\x7e]*$/, 'A bin code is scanned: use letters, digits and signs without spaces.').default(''),
});

export const SkuBinsSchema = z.object({
  variantId: Id,
  sku: z.string(),
  title: z.string(),
  locationId: Id,
  locationName: z.string(),
  onHand: z.number().int(),
  committed: z.number().int(),
  /** on hand at the location that is in no bin yet (received without a bin, or from before bins) */
  unbinned: z.number().int(),
  defaultBinId: Id.nullable(),
  bins: z.array(z.object({ binId: Id, code: z.string(), onHand: z.number().int() })),
});
export type SkuBins = z.infer<typeof SkuBinsSchema>;

const Qty = z.number({ error: 'Type the number of units as a whole number.' }).int('Type the number of units as a whole number.')
  .min(1, 'Move at least 1 unit.').max(1_000_000, 'At most 1,000,000 units at a time.');
const Reason = z.string().trim().min(3, 'Say why (at least 3 characters).').max(500, 'Keep the reason under 500 characters.');

export const MoveInput = z.object({
  variantId: Id,
  locationId: Id,
  /** null: stock that is in no bin yet */
  fromBinId: Id.nullable(),
  toBinId: Id.nullable(),
  quantity: Qty,
  reason: z.string().trim().max(500).default(''),
});

export const BinCountInput = z.object({
  variantId: Id,
  binId: Id,
  counted: z.number({ error: 'Type the units in the bin as a whole number.' }).int('Type the units in the bin as a whole number.').min(0, 'A count cannot be below 0.').max(1_000_000),
  reason: Reason,
});

export const BinContentSchema = z.array(z.object({ variantId: Id, sku: z.string(), title: z.string(), onHand: z.number().int() }));

export const DeliveryLineSchema = z.object({
  variantId: Id, sku: z.string(), title: z.string(), expected: z.number().int(), received: z.number().int(),
  /** where it went, e.g. "A-01 ×4, B-02 ×2" */
  bins: z.string(),
});
export const DeliveryReceiptSchema = z.object({
  movementId: Id, sku: z.string(), bin: z.string().nullable(), quantity: z.number().int(), actor: z.string(), createdAt: IsoTime, undone: z.boolean(),
});
export const DeliverySchema = z.object({
  id: Id,
  reference: z.string(),
  supplier: z.string(),
  locationId: Id,
  locationName: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: IsoTime,
  createdBy: z.string(),
  lines: z.array(DeliveryLineSchema),
  receipts: z.array(DeliveryReceiptSchema),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export const DeliveryRowSchema = DeliverySchema.pick({ id: true, reference: true, supplier: true, locationName: true, status: true, createdAt: true })
  .extend({ expected: z.number().int(), received: z.number().int() });

export const DeliveryInput = z.object({
  locationId: Id,
  reference: z.string().trim().min(1, 'Type the delivery note or purchase order number.').max(100, 'At most 100 characters.'),
  supplier: z.string().trim().max(200).default(''),
  lines: z.array(z.object({
    sku: z.string().trim().min(1, 'Type a SKU.').max(100),
    expected: z.number({ error: 'Type the expected units as a whole number.' }).int('Type the expected units as a whole number.').min(1, 'Expect at least 1 unit.').max(1_000_000),
  })).max(2000).default([]),
});

export const ReceiveScanInput = z.object({
  deliveryId: Id,
  /** the bin the units go into; a scanned bin code changes it */
  binId: Id.nullable(),
  code: z.string().trim().min(1, 'The code is empty: scan again or type it.').max(500, 'That is too long to be a barcode.'),
  quantity: z.number().int().min(1, 'Receive at least 1.').max(100_000, 'At most 100,000 units per scan.').default(1),
});
export const ReceiveScanResult = z.object({
  outcome: z.enum(['received', 'bin', 'unknown', 'invalid', 'no_bin']),
  message: z.string(),
  hint: z.string().optional(),
  code: z.string(),
  /** set when a bin was scanned: receive into it from now on */
  binId: Id.nullable(),
  delivery: DeliverySchema,
});
export type ReceiveScanResult = z.infer<typeof ReceiveScanResult>;
