import type { Clock } from '../clock';
import type { Repos } from '../store';
import type { Symbology } from '../store/catalog-repo';

export type CatalogRow = {
  productTitle: string; sku: string; variantTitle: string;
  codes: Array<{ code: string; symbology: Symbology; units: number }>;
  /** the file has barcode columns: the SKU's codes become exactly the file's */
  replaceCodes: boolean;
  weightGrams: number; lengthMm: number; widthMm: number; heightMm: number;
  hsCode: string; originCountry: string; priceMinor: number;
  defaultBin: { locationId: number; binId: number } | null;
  /** the fields the file has: an existing SKU keeps what the file does not say */
  columns: Set<string>;
};

/**
 * Lands catalog rows inside the caller's transaction: an existing SKU is updated with what the file says
 * (and keeps the rest), a new SKU joins the product of the same name (made when there is none).
 */
export function commitCatalog(repos: Repos, _clock: Clock, rows: CatalogRow[]): { created: number; updated: number } {
  const { products } = repos;
  const c = repos.db.$client;
  const productByTitle = c.prepare("SELECT id FROM products WHERE title = ? COLLATE NOCASE AND archived_at IS NULL ORDER BY id LIMIT 1");
  const made = new Map<string, number>();
  let created = 0;
  let updated = 0;
  for (const r of rows) {
    const existing = repos.catalog.variantBySku(r.sku);
    if (existing) {
      const current = repos.products.product(products.variantOwner(existing.id)!.productId)!.variants.find((v) => v.id === existing.id)!;
      const has = (k: string) => r.columns.has(k);
      products.updateVariant(existing.id, {
        sku: r.sku,
        title: has('variantTitle') ? r.variantTitle : current.title,
        weightGrams: has('weightGrams') ? r.weightGrams : current.weightGrams,
        lengthMm: has('lengthMm') ? r.lengthMm : current.lengthMm,
        widthMm: has('widthMm') ? r.widthMm : current.widthMm,
        heightMm: has('heightMm') ? r.heightMm : current.heightMm,
        hsCode: has('hsCode') ? r.hsCode : current.hsCode,
        originCountry: has('originCountry') ? r.originCountry : current.originCountry,
        priceMinor: has('price') ? r.priceMinor : current.priceMinor,
        imageId: current.imageId,
      });
      if (r.replaceCodes) products.replaceBarcodes(existing.id, r.codes);
      if (r.defaultBin) repos.inventory.setBin(existing.id, r.defaultBin.locationId, r.defaultBin.binId);
      updated++;
      continue;
    }
    const key = r.productTitle.toLowerCase();
    let productId = made.get(key) ?? (productByTitle.get(r.productTitle) as { id: number } | undefined)?.id;
    if (productId === undefined) productId = products.insertProduct(r.productTitle, null);
    made.set(key, productId);
    const id = products.insertVariant(productId, {
      sku: r.sku, title: r.variantTitle, weightGrams: r.weightGrams, lengthMm: r.lengthMm, widthMm: r.widthMm, heightMm: r.heightMm,
      hsCode: r.hsCode, originCountry: r.originCountry, priceMinor: r.priceMinor, imageId: null,
    });
    products.replaceBarcodes(id, r.codes);
    if (r.defaultBin) repos.inventory.setBin(id, r.defaultBin.locationId, r.defaultBin.binId);
    created++;
  }
  return { created, updated };
}
