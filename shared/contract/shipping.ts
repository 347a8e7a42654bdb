import { z } from 'zod';
import { Id, IsoTime } from './orders';

export const CARRIER_KINDS = ['easypost', 'shippo', 'local'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

/** A carrier account as screens see it: never the key itself, only whether one is stored. */
export const CarrierAccountSchema = z.object({
  id: Id,
  kind: z.enum(CARRIER_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  hasKey: z.boolean(),
  /** where the vendor's API lives; empty = the vendor's own address (an emulator in the demo) */
  baseUrl: z.string(),
  refusesPoBox: z.boolean(),
  /** how many days after purchase a label may still be voided for a refund */
  voidWindowDays: z.number().int(),
  /** the local courier's price and promise, since it has no rate API */
  localPriceMinor: z.number().int(),
  localDays: z.number().int(),
});
export type CarrierAccount = z.infer<typeof CarrierAccountSchema>;

export const CarrierAccountInput = z.object({
  id: Id.optional(),
  kind: z.enum(CARRIER_KINDS),
  name: z.string().trim().min(1, 'Give the carrier account a name').max(100),
  enabled: z.boolean().default(true),
  /** only sent when typed: an empty string keeps the stored key */
  apiKey: z.string().trim().max(500).optional(),
  baseUrl: z.string().trim().max(300).refine((u) => u === '' || /^https?:\/\/[^\s]+$/.test(u), 'Use a full address such as https://api.example.com, or leave it empty').default(''),
  refusesPoBox: z.boolean().default(false),
  voidWindowDays: z.number().int().min(0, 'Use 0 or more days').max(365).default(30),
  localPriceMinor: z.number().int().min(0).max(1_000_000).default(0),
  localDays: z.number().int().min(0).max(60).default(1),
});

export const PackagePresetSchema = z.object({
  id: Id,
  name: z.string(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  /** the empty box, added to the products' weight when no scale reading is given */
  emptyGrams: z.number().int(),
  isDefault: z.boolean(),
});
export type PackagePreset = z.infer<typeof PackagePresetSchema>;

const Mm = (what: string) => z.number().int().min(1, `The ${what} must be at least 1 mm`).max(3000, `The ${what} must be under 3 m`);
export const PackagePresetInput = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1, 'Name the box, for example "Small box"').max(60),
  lengthMm: Mm('length'),
  widthMm: Mm('width'),
  heightMm: Mm('height'),
  emptyGrams: z.number().int().min(0, 'An empty box weighs 0 g or more').max(50_000),
  isDefault: z.boolean().default(false),
});

export const RATE_STRATEGIES = ['cheapest', 'fastest', 'cheapest_within'] as const;
export const RateRuleSchema = z.object({
  /** "domestic", "international" or a two-letter country code */
  destination: z.string().regex(/^(domestic|international|[A-Z]{2})$/, 'Use domestic, international or a two-letter country code such as DE'),
  strategy: z.enum(RATE_STRATEGIES),
  /** for cheapest_within: the slowest acceptable delivery */
  maxDays: z.number().int().min(1).max(60).default(3),
  /** which accounts may quote; empty = every enabled carrier account with an API */
  carrierIds: z.array(Id).max(20).default([]),
});
export type RateRule = z.infer<typeof RateRuleSchema>;

export const ShippingRulesSchema = z.object({
  /** carrier labels are bought only when this is on; off = the address label as before */
  buyLabels: z.boolean().default(false),
  fallback: RateRuleSchema.omit({ destination: true }).default({ strategy: 'cheapest', maxDays: 3, carrierIds: [] }),
  /** the first that matches wins: a country before "international" */
  byDestination: z.array(RateRuleSchema).max(50).default([]),
  /** the default printer is set to peel: carrier labels lose the ^MMT that would force tear-off */
  printerPeel: z.boolean().default(false),
  /** who signs customs declarations */
  customsSigner: z.string().trim().max(100).default(''),
});
export type ShippingRules = z.infer<typeof ShippingRulesSchema>;

export const SHIPMENT_STATUSES = ['pending', 'buying', 'bought', 'held', 'voiding', 'voided'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const ShipmentSchema = z.object({
  id: Id,
  orderId: Id,
  orderNumber: z.string(),
  parcelNo: z.number().int(),
  carrierId: Id.nullable(),
  carrierName: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  /** in words: why it waits or was held, what was kept, what to do */
  words: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string(),
  priceMinor: z.number().int().nullable(),
  currency: z.string(),
  weightGrams: z.number().int(),
  weightSource: z.enum(['scale', 'catalog']),
  packageName: z.string(),
  attempts: z.number().int(),
  printJobId: Id.nullable(),
  manifestId: Id.nullable(),
  /** until when a void is accepted */
  voidableUntil: IsoTime.nullable(),
  createdAt: IsoTime,
  boughtAt: IsoTime.nullable(),
  updatedAt: IsoTime,
  /** a return label: the parcel comes back from the customer on this return */
  returnId: Id.nullable().default(null),
  /** bought again after a void: the voided label this one replaces, and the other way round */
  replacesId: Id.nullable(),
  replacedById: Id.nullable(),
  /** the carrier's word for where the parcel is (pre_transit, in_transit, delivered …; '' = not asked yet) */
  trackingStatus: z.string(),
  trackingDetail: z.string(),
  /** when the carrier was last asked */
  trackedAt: IsoTime.nullable(),
});
export type Shipment = z.infer<typeof ShipmentSchema>;

export const ShipmentListInput = z.object({
  /** a UTC day, YYYY-MM-DD; omitted = every day */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-01-31').optional(),
  carrierId: Id.optional(),
  status: z.enum(SHIPMENT_STATUSES).optional(),
  orderId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ManifestSchema = z.object({
  id: Id,
  carrierId: Id,
  carrierName: z.string(),
  status: z.enum(['created', 'failed']),
  words: z.string(),
  shipmentCount: z.number().int(),
  printJobId: Id.nullable(),
  createdAt: IsoTime,
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const ParcelChoiceInput = z.object({
  sessionId: Id,
  packageId: Id.nullable().optional(),
  /** a scale reading or a weight typed by the packer, in grams */
  weightGrams: z.number().int().min(1, 'A parcel weighs at least 1 g').max(150_000, 'Over 150 kg: split it into more parcels').nullable().optional(),
});

export const ParcelPlanSchema = z.object({
  sessionId: Id,
  packageId: Id.nullable(),
  packageName: z.string(),
  weightGrams: z.number().int(),
  weightSource: z.enum(['scale', 'catalog']),
  /** what will happen when the parcel is closed, in words */
  plan: z.string(),
});
