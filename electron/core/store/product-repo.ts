import type { Barcode, Product, ProductRow, Variant } from '../../../shared/contract/catalog';
import { foldForSearch } from '../../../shared/domain/search-text';
import type { Db } from './db';
import type { Symbology } from './catalog-repo';

export type VariantFields = {
  sku: string; title: string; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number;
  hsCode: string; originCountry: string; priceMinor: number; imageId: number | null;
};

/** Retail codes are kept as GTIN-14; people read them as printed (EAN-13, UPC-A, EAN-8). */
export function printedCode(code: string, symbology: string): string {
  if (symbology === 'ean-13') return code.slice(-13);
  if (symbology === 'upc-a') return code.slice(-12);
  if (symbology === 'ean-8') return code.slice(-8);
  return code;
}

/** Products, variants, barcodes and pictures as the catalog screen edits them. Nothing is deleted that history points at. */
export function createProductRepo(db: Db) {
  const c = db.$client;
  const variantCols = `id, product_id AS productId, sku, title, weight_grams AS weightGrams, length_mm AS lengthMm, width_mm AS widthMm,
    height_mm AS heightMm, hs_code AS hsCode, origin_country AS originCountry, price_minor AS priceMinor, image_id AS imageId,
    archived_at IS NOT NULL AS archived`;

  function barcodes(variantId: number): Barcode[] {
    return (c.prepare('SELECT code, symbology, units FROM barcodes WHERE variant_id = ? ORDER BY units, code').all(variantId) as Array<{ code: string; symbology: string; units: number }>)
      .map((b) => ({ ...b, printed: printedCode(b.code, b.symbology) }));
  }
  function defaultBins(variantId: number) {
    return c.prepare(`SELECT location_id AS locationId, bin_id AS binId FROM inventory_balances WHERE variant_id = ? AND bin_id IS NOT NULL ORDER BY location_id`)
      .all(variantId) as Array<{ locationId: number; binId: number | null }>;
  }
  function variants(productId: number): Variant[] {
    return (c.prepare(`SELECT ${variantCols} FROM variants WHERE product_id = ? ORDER BY archived_at IS NOT NULL, id`).all(productId) as Array<Omit<Variant, 'archived' | 'barcodes' | 'defaultBins'> & { archived: number }>)
      .map((v) => ({ ...v, archived: v.archived === 1, barcodes: barcodes(v.id), defaultBins: defaultBins(v.id) }));
  }

  return {
    product(id: number): Product | undefined {
      const p = c.prepare('SELECT id, title, image_id AS imageId, archived_at IS NOT NULL AS archived FROM products WHERE id = ?').get(id) as
        { id: number; title: string; imageId: number | null; archived: number } | undefined;
      return p ? { ...p, archived: p.archived === 1, variants: variants(id) } : undefined;
    },
    /** Title, SKU or any barcode contains the words; archived products only when asked. */
    list(input: { q: string; archived: boolean; offset: number; limit: number }): { total: number; rows: ProductRow[] } {
      const words = foldForSearch(input.q).split(/\s+/).filter(Boolean).slice(0, 6);
      const params: Record<string, unknown> = { offset: input.offset, limit: input.limit };
      const where = [input.archived ? 'p.archived_at IS NOT NULL' : 'p.archived_at IS NULL'];
      words.forEach((w, i) => {
        params[`w${i}`] = `%${w.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
        where.push(`(lower(p.title) LIKE @w${i} ESCAPE '\\' OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND (lower(v.sku) LIKE @w${i} ESCAPE '\\'
          OR lower(v.title) LIKE @w${i} ESCAPE '\\' OR EXISTS (SELECT 1 FROM barcodes b WHERE b.variant_id = v.id AND b.code LIKE @w${i} ESCAPE '\\'))))`);
      });
      const w = `WHERE ${where.join(' AND ')}`;
      const total = (c.prepare(`SELECT count(*) AS n FROM products p ${w}`).get(params) as { n: number }).n;
      const rows = c.prepare(`SELECT p.id, p.title, p.image_id AS imageId, p.archived_at IS NOT NULL AS archived,
          (SELECT count(*) FROM variants v WHERE v.product_id = p.id AND v.archived_at IS NULL) AS variantCount,
          (SELECT group_concat(sku, char(10)) FROM (SELECT sku FROM variants v WHERE v.product_id = p.id AND v.archived_at IS NULL ORDER BY v.id LIMIT 6)) AS skus,
          (SELECT count(*) FROM barcodes b JOIN variants v ON v.id = b.variant_id WHERE v.product_id = p.id) AS barcodeCount
        FROM products p ${w} ORDER BY lower(p.title), p.id LIMIT @limit OFFSET @offset`).all(params) as Array<Omit<ProductRow, 'archived' | 'skus'> & { archived: number; skus: string | null }>;
      return { total, rows: rows.map((r) => ({ ...r, archived: r.archived === 1, skus: r.skus ? r.skus.split('\n') : [] })) };
    },
    insertProduct(title: string, imageId: number | null): number {
      return Number(c.prepare('INSERT INTO products (title, image_id) VALUES (?, ?)').run(title, imageId).lastInsertRowid);
    },
    updateProduct(id: number, title: string, imageId: number | null) {
      c.prepare('UPDATE products SET title = ?, image_id = ? WHERE id = ?').run(title, imageId, id);
    },
    setProductArchived(id: number, at: string | null) {
      c.prepare('UPDATE products SET archived_at = ? WHERE id = ?').run(at, id);
      c.prepare('UPDATE variants SET archived_at = ? WHERE product_id = ?').run(at, id);
    },
    insertVariant(productId: number, v: VariantFields): number {
      return Number(c.prepare(`INSERT INTO variants (product_id, sku, title, weight_grams, length_mm, width_mm, height_mm, hs_code, origin_country, price_minor, image_id)
        VALUES (@productId, @sku, @title, @weightGrams, @lengthMm, @widthMm, @heightMm, @hsCode, @originCountry, @priceMinor, @imageId)`).run({ productId, ...v }).lastInsertRowid);
    },
    updateVariant(id: number, v: VariantFields) {
      c.prepare(`UPDATE variants SET sku = @sku, title = @title, weight_grams = @weightGrams, length_mm = @lengthMm, width_mm = @widthMm,
        height_mm = @heightMm, hs_code = @hsCode, origin_country = @originCountry, price_minor = @priceMinor, image_id = @imageId,
        archived_at = NULL WHERE id = @id`).run({ id, ...v });
    },
    archiveVariant(id: number, at: string) {
      c.prepare('UPDATE variants SET archived_at = ? WHERE id = ?').run(at, id);
    },
    variantOwner(id: number): { productId: number } | undefined {
      return c.prepare('SELECT product_id AS productId FROM variants WHERE id = ?').get(id) as { productId: number } | undefined;
    },
    skuOwner(sku: string): { id: number; productId: number } | undefined {
      return c.prepare('SELECT id, product_id AS productId FROM variants WHERE sku = ? COLLATE NOCASE').get(sku) as { id: number; productId: number } | undefined;
    },
    barcodeOwner(code: string): { variantId: number; sku: string } | undefined {
      return c.prepare('SELECT b.variant_id AS variantId, v.sku FROM barcodes b JOIN variants v ON v.id = b.variant_id WHERE b.code = ?').get(code) as { variantId: number; sku: string } | undefined;
    },
    /** the variant's codes become exactly these (a code moved away is free for another SKU) */
    replaceBarcodes(variantId: number, codes: Array<{ code: string; symbology: Symbology; units: number }>) {
      c.prepare('DELETE FROM barcodes WHERE variant_id = ?').run(variantId);
      const insert = c.prepare('INSERT INTO barcodes (code, symbology, variant_id, units) VALUES (?, ?, ?, ?)');
      for (const b of codes) insert.run(b.code, b.symbology, variantId, b.units);
    },
    /** the home bin per location; a location left out keeps none */
    setDefaultBins(variantId: number, bins: Array<{ locationId: number; binId: number | null }>) {
      c.prepare('UPDATE inventory_balances SET bin_id = NULL WHERE variant_id = ?').run(variantId);
      const upsert = c.prepare(`INSERT INTO inventory_balances (variant_id, location_id, bin_id) VALUES (?, ?, ?)
        ON CONFLICT (variant_id, location_id) DO UPDATE SET bin_id = excluded.bin_id`);
      for (const b of bins) if (b.binId !== null) upsert.run(variantId, b.locationId, b.binId);
    },
    insertImage(mime: string, bytes: Buffer, at: string): number {
      return Number(c.prepare('INSERT INTO images (mime, bytes, created_at) VALUES (?, ?, ?)').run(mime, bytes, at).lastInsertRowid);
    },
    image(id: number): { id: number; mime: string; bytes: Buffer } | undefined {
      return c.prepare('SELECT id, mime, bytes FROM images WHERE id = ?').get(id) as { id: number; mime: string; bytes: Buffer } | undefined;
    },
    imageExists(id: number): boolean {
      return c.prepare('SELECT 1 FROM images WHERE id = ?').get(id) !== undefined;
    },
  };
}
export type ProductRepo = ReturnType<typeof createProductRepo>;
