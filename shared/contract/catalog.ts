import { z } from 'zod';
import { Id } from './orders';

const whole = (what: string, max: number) => z.number({ error: `${what} must be a whole number.` }).int(`${what} must be a whole number.`)
  .min(0, `${what} cannot be below 0.`).max(max, `${what} can be at most ${max.toLocaleString('en-GB')}.`);

export const BarcodeSchema = z.object({
  /** as stored: GTIN-14 for retail codes, the printed text for internal codes */
  code: z.string(),
  /** as printed on the item (EAN-13, UPC-A …), for people */
  printed: z.string(),
  symbology: z.string(),
  /** a case pack: one scan counts this many units */
  units: z.number().int(),
});
export type Barcode = z.infer<typeof BarcodeSchema>;

export const DefaultBinSchema = z.object({ locationId: Id, binId: Id.nullable() });

export const VariantSchema = z.object({
  id: Id,
  productId: Id,
  sku: z.string(),
  title: z.string(),
  weightGrams: z.number().int(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  hsCode: z.string(),
  originCountry: z.string(),
  priceMinor: z.number().int(),
  imageId: Id.nullable(),
  archived: z.boolean(),
  barcodes: z.array(BarcodeSchema),
  defaultBins: z.array(DefaultBinSchema),
});
export type Variant = z.infer<typeof VariantSchema>;

export const ProductSchema = z.object({
  id: Id,
  title: z.string(),
  imageId: Id.nullable(),
  archived: z.boolean(),
  variants: z.array(VariantSchema),
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductRowSchema = z.object({
  id: Id,
  title: z.string(),
  imageId: Id.nullable(),
  archived: z.boolean(),
  variantCount: z.number().int(),
  skus: z.array(z.string()),
  barcodeCount: z.number().int(),
});
export type ProductRow = z.infer<typeof ProductRowSchema>;

export const CatalogListInput = z.object({
  q: z.string().max(200, 'Search with at most 200 characters.').default(''),
  archived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});

export const BarcodeInput = z.object({
  code: z.string().max(60, 'A barcode has at most 48 characters.'),
  units: z.number({ error: 'Units per scan must be a whole number.' }).int('Units per scan must be a whole number.')
    .min(1, 'A barcode counts at least 1 unit.').max(10_000, 'A case pack can hold at most 10,000 units.').default(1),
});

export const VariantInput = z.object({
  id: Id.optional(),
  sku: z.string().max(100, 'A SKU has at most 64 characters.'),
  title: z.string().trim().max(200, 'The variant name has at most 200 characters.').default(''),
  weightGrams: whole('Weight (g)', 1_000_000).default(0),
  lengthMm: whole('Length (mm)', 10_000).default(0),
  widthMm: whole('Width (mm)', 10_000).default(0),
  heightMm: whole('Height (mm)', 10_000).default(0),
  hsCode: z.string().max(20, 'An HS code has at most 10 digits.').default(''),
  originCountry: z.string().trim().toUpperCase().max(2, 'Choose the country of origin from the list.').default(''),
  priceMinor: whole('The price', 100_000_000).default(0),
  imageId: Id.nullable().default(null),
  barcodes: z.array(BarcodeInput).max(50, 'A variant can have at most 50 barcodes.').default([]),
  defaultBins: z.array(DefaultBinSchema).max(100).default([]),
});
export type VariantInput = z.input<typeof VariantInput>;

export const ProductInput = z.object({
  id: Id.optional(),
  title: z.string().trim().min(1, 'Give the product a name.').max(200, 'The product name has at most 200 characters.'),
  imageId: Id.nullable().default(null),
  variants: z.array(VariantInput).min(1, 'A product needs at least one variant with a SKU.').max(200, 'A product can have at most 200 variants.'),
});
export type ProductInput = z.input<typeof ProductInput>;

/** An uploaded picture, already resized by the screen; at most 1.5 MB. */
export const ImageUploadInput = z.object({
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: 'Use a JPEG, PNG or WebP picture.' }),
  dataBase64: z.string().min(8, 'The picture is empty.').max(2_100_000, 'The picture is too large (more than 1.5 MB): choose a smaller one.'),
});
export const ImageSchema = z.object({ id: Id, mime: z.string(), dataBase64: z.string() });
