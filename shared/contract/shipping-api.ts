import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { PrintJobSchema } from './pack';
import {
  CarrierAccountInput, CarrierAccountSchema, ManifestSchema, PackagePresetInput, PackagePresetSchema, ParcelChoiceInput,
  ParcelPlanSchema, ShipmentListInput, ShipmentSchema, ShippingRulesSchema,
} from './shipping';

const Empty = z.object({}).default({});

export const SkuShippingSchema = z.object({
  sku: z.string(),
  hsCode: z.string(),
  originCountry: z.string(),
  defaultPackageId: Id.nullable(),
});

/** Carriers, packages, rate rules, the label queue, void, manifests. */
export const shippingMethods = {
  'carriers.list': query(Empty, z.array(CarrierAccountSchema)),
  'carriers.save': command(CarrierAccountInput, CarrierAccountSchema),
  /** demo workspace only: buy labels from the EasyPost and Shippo emulators, no account needed */
  'carriers.useDemo': command(z.object({ confirm: z.literal(true) }), z.array(CarrierAccountSchema)),
  'packages.list': query(Empty, z.array(PackagePresetSchema)),
  'packages.save': command(PackagePresetInput, PackagePresetSchema),
  'packages.remove': command(z.object({ id: Id }), z.array(PackagePresetSchema)),
  'shipping.rules': query(Empty, ShippingRulesSchema),
  'shipping.saveRules': command(ShippingRulesSchema, ShippingRulesSchema),
  'shipping.skuDefaults': query(z.object({ sku: z.string().min(1).max(100) }), SkuShippingSchema),
  'shipping.saveSkuDefaults': command(z.object({
    sku: z.string().min(1).max(100),
    hsCode: z.string().trim().regex(/^(\d{6,10}|\d{4}\.\d{2}(\.\d{2,4})?)?$/, 'An HS code has 6 to 10 digits, such as 6912.00 or 691200').default(''),
    originCountry: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, 'Use a two-letter country code such as GB').default(''),
    defaultPackageId: Id.nullable().default(null),
  }), SkuShippingSchema),
  'shipping.parcel': query(z.object({ sessionId: Id }), ParcelPlanSchema),
  'shipping.chooseParcel': command(ParcelChoiceInput, ParcelPlanSchema),

  'shipments.list': query(ShipmentListInput, z.array(ShipmentSchema)),
  'shipments.get': query(z.object({ id: Id }), ShipmentSchema),
  /** buy now: a held label after its order was fixed, or a waiting one without waiting for the next try */
  'shipments.retry': command(z.object({ id: Id }), ShipmentSchema),
  'shipments.void': command(z.object({ id: Id }), ShipmentSchema),
  /** a voided label's parcel bought again (new idempotency key); answers the new label */
  'shipments.buyAgain': command(z.object({
    id: Id,
    /** another box than the voided label's (its size, and its empty weight for a catalog weight) */
    packageId: Id.nullable().optional(),
    /** the parcel weighed again, in grams: it replaces the voided label's weight */
    weightGrams: z.number().int().min(1, 'A parcel weighs at least 1 g').max(150_000, 'Over 150 kg: split it into more parcels').nullable().optional(),
  }), ShipmentSchema),
  /** asks the carrier where the parcel is now (the poller does it by itself every 30 minutes) */
  'shipments.track': command(z.object({ id: Id }), ShipmentSchema),
  'shipments.reprint': command(z.object({ id: Id }), PrintJobSchema),
  'manifests.list': query(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }), z.array(ManifestSchema)),
  /** closes the day for one carrier: every bought, unvoided, unmanifested label goes on one SCAN form */
  'manifests.create': command(z.object({ carrierId: Id }), ManifestSchema),
} as const;
