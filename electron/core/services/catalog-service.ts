import { z } from 'zod';
import type { Product, ProductInput } from '../../../shared/contract/catalog';
import { ProductInput as ProductInputSchema } from '../../../shared/contract/catalog';
import { AppError } from '../../../shared/contract/errors';
import { checkBarcode, checkSku, normaliseHsCode } from '../../../shared/domain/catalog-rules';
import { isCountryCode } from '../../../shared/domain/countries';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { Symbology } from '../store/catalog-repo';
import type { VariantFields } from '../store/product-repo';

type ParsedProduct = z.output<typeof ProductInputSchema>;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
const MAX_IMAGE_BYTES = 1_500_000;

/**
 * The catalog as the shop edits it: every refusal names the field and says what to fix, in one pass
 * (a form shows all its problems at once, not one per save).
 */
export function createCatalogService(repos: Repos, clock: Clock) {
  const { products } = repos;

  function validate(input: ParsedProduct): { variants: Array<VariantFields & { id?: number; barcodes: Array<{ code: string; symbology: Symbology; units: number }>; defaultBins: Array<{ locationId: number; binId: number | null }> }> } {
    const fields: Record<string, string> = {};
    const seenSkus = new Map<string, number>();
    const seenCodes = new Map<string, string>();
    const locations = repos.catalog.locations();
    const variants = input.variants.map((v, i) => {
      const at = `variants.${i}`;
      const sku = checkSku(v.sku);
      if (!sku.ok) fields[`${at}.sku`] = sku.message;
      else {
        const key = sku.sku.toUpperCase();
        if (seenSkus.has(key)) fields[`${at}.sku`] = `SKU ${sku.sku} is used twice in this product.`;
        seenSkus.set(key, i);
        const owner = products.skuOwner(sku.sku);
        if (owner && owner.id !== v.id) {
          const other = owner.productId === input.id ? 'another variant of this product' : `another product (${repos.products.product(owner.productId)?.title ?? 'archived'})`;
          fields[`${at}.sku`] = `SKU ${sku.sku} already belongs to ${other}. Each SKU names one variant.`;
        }
      }
      if (v.id !== undefined) {
        const owner = products.variantOwner(v.id);
        if (!owner || owner.productId !== input.id) fields[`${at}.sku`] = 'This variant belongs to another product: reload the catalog.';
      }
      const hs = normaliseHsCode(v.hsCode);
      if (!hs.ok) fields[`${at}.hsCode`] = hs.message;
      if (v.originCountry && !isCountryCode(v.originCountry)) fields[`${at}.originCountry`] = `${v.originCountry} is not a country Packbench knows: choose it from the list.`;
      if (v.imageId !== null && !products.imageExists(v.imageId)) fields[`${at}.imageId`] = 'The picture was not saved: add it again.';
      const codes = v.barcodes.map((b, j) => {
        const checked = checkBarcode(b.code);
        const path = `${at}.barcodes.${j}.code`;
        if (!checked.ok) { fields[path] = checked.message; return null; }
        const dup = seenCodes.get(checked.code);
        if (dup) fields[path] = `Barcode ${b.code.trim()} is listed twice (also on ${dup}).`;
        seenCodes.set(checked.code, sku.ok ? sku.sku : `variant ${i + 1}`);
        const owner = products.barcodeOwner(checked.code);
        if (owner && owner.variantId !== v.id) fields[path] = `Barcode ${b.code.trim()} already belongs to ${owner.sku}. Remove it there first.`;
        return { code: checked.code, symbology: checked.symbology, units: b.units };
      }).filter((b): b is NonNullable<typeof b> => b !== null);
      v.defaultBins.forEach((d, j) => {
        const loc = locations.find((l) => l.id === d.locationId);
        if (!loc) fields[`${at}.defaultBins.${j}`] = 'That location does not exist any more: reload.';
        else if (d.binId !== null && !loc.bins.some((b) => b.id === d.binId)) fields[`${at}.defaultBins.${j}`] = `That bin is not in ${loc.name}.`;
      });
      return {
        ...(v.id !== undefined ? { id: v.id } : {}),
        sku: sku.ok ? sku.sku : v.sku, title: v.title, weightGrams: v.weightGrams, lengthMm: v.lengthMm, widthMm: v.widthMm, heightMm: v.heightMm,
        hsCode: hs.ok ? hs.code : '', originCountry: v.originCountry, priceMinor: v.priceMinor, imageId: v.imageId,
        barcodes: codes, defaultBins: v.defaultBins,
      };
    });
    if (input.id !== undefined && !products.product(input.id)) throw new AppError('not_found', 'This product no longer exists.', 'Reload the catalog.');
    if (input.imageId !== null && !products.imageExists(input.imageId)) fields.imageId = 'The picture was not saved: add it again.';
    const count = Object.keys(fields).length;
    if (count) {
      const first = Object.values(fields)[0]!;
      throw new AppError('invalid_request', count === 1 ? first : `${first} (and ${count - 1} more to fix, marked on the form)`, 'Nothing was saved. Fix the marked fields and save again.', fields);
    }
    return { variants };
  }

  function save(raw: ProductInput): Product {
    const input = ProductInputSchema.parse(raw);
    return repos.transaction(() => {
      const { variants } = validate(input);
      const at = isoNow(clock);
      const productId = input.id ?? products.insertProduct(input.title, input.imageId);
      if (input.id !== undefined) products.updateProduct(productId, input.title, input.imageId);
      const kept = new Set<number>();
      for (const v of variants) {
        const { id, barcodes, defaultBins, ...fields } = v;
        const variantId = id ?? products.insertVariant(productId, fields);
        if (id !== undefined) products.updateVariant(id, fields);
        kept.add(variantId);
        products.replaceBarcodes(variantId, barcodes);
        products.setDefaultBins(variantId, defaultBins);
      }
      // a variant taken off the form is archived, never deleted: orders and movements still point at it
      for (const old of products.product(productId)!.variants) if (!kept.has(old.id) && !old.archived) products.archiveVariant(old.id, at);
      return products.product(productId)!;
    });
  }

  function archive(id: number, archived: boolean): Product {
    return repos.transaction(() => {
      if (!products.product(id)) throw new AppError('not_found', 'This product no longer exists.', 'Reload the catalog.');
      products.setProductArchived(id, archived ? isoNow(clock) : null);
      return products.product(id)!;
    });
  }

  function uploadImage(mime: string, dataBase64: string): number {
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) {
      throw new AppError('invalid_request', 'The picture is empty or larger than 1.5 MB.', 'Choose a smaller picture (Packbench shrinks photos before saving them).');
    }
    if (!MAGIC[mime]?.(bytes)) throw new AppError('invalid_request', `This file is not a ${mime.replace('image/', '').toUpperCase()} picture.`, 'Choose a JPEG, PNG or WebP picture.');
    return products.insertImage(mime, bytes, isoNow(clock));
  }

  function image(id: number) {
    const img = products.image(id);
    if (!img) throw new AppError('not_found', 'That picture is not in this workspace.');
    return { id: img.id, mime: img.mime, dataBase64: img.bytes.toString('base64') };
  }

  return { save, archive, uploadImage, image };
}
export type CatalogService = ReturnType<typeof createCatalogService>;
