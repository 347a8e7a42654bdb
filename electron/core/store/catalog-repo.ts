import type { Address } from '../../../shared/domain/address';
import type { Channel } from '../../../shared/contract/orders';
import type { Location } from '../../../shared/contract/inventory';
import type { Db } from './db';

export type VariantRecord = { id: number; sku: string; title: string; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number };
export type Symbology = 'upc-a' | 'ean-13' | 'ean-8' | 'upc-e' | 'gtin-14' | 'code128';

export function createCatalogRepo(db: Db) {
  const c = db.$client;
  const variantColumns = 'id, sku, title, weight_grams AS weightGrams, length_mm AS lengthMm, width_mm AS widthMm, height_mm AS heightMm';
  const bySku = c.prepare<[string], VariantRecord>(`SELECT ${variantColumns} FROM variants WHERE sku = ?`);
  const byId = c.prepare<[number], VariantRecord>(`SELECT ${variantColumns} FROM variants WHERE id = ?`);
  const byCode = c.prepare<[string], VariantRecord>(`SELECT ${variantColumns} FROM variants WHERE id = (SELECT variant_id FROM barcodes WHERE code = ?)`);
  const imageOf = c.prepare<[number], { id: number | null }>('SELECT coalesce(v.image_id, p.image_id) AS id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?');
  const unitsOf = c.prepare<[string], { units: number }>('SELECT units FROM barcodes WHERE code = ?');
  // typed by hand in another case ("pb00035"): rare, and the catalog is small, so a plain scan of the table
  const byCodeNoCase = c.prepare<[string], VariantRecord>(`SELECT ${variantColumns} FROM variants WHERE id IN (SELECT variant_id FROM barcodes WHERE code = ? COLLATE NOCASE) LIMIT 2`);
  const bySkuNoCase = c.prepare<[string], VariantRecord>(`SELECT ${variantColumns} FROM variants WHERE sku = ? COLLATE NOCASE LIMIT 2`);
  /** one match only: two codes that differ only in case are told apart by their case */
  const single = <T>(rows: T[]): T | undefined => (rows.length === 1 ? rows[0] : undefined);
  const unitsOfNoCase = c.prepare<[string], { units: number }>('SELECT units FROM barcodes WHERE code = ? COLLATE NOCASE LIMIT 2');

  return {
    variantBySku: (sku: string) => bySku.get(sku),
    variantById: (id: number) => byId.get(id),
    /** code as stored: GTIN-14 for retail codes, the printed text for internal Code 128 */
    variantByBarcode: (code: string) => byCode.get(code),
    /** how many units one scan of this code counts (a case pack counts more than 1), typed in any case when only one code matches */
    unitsOfBarcode: (code: string) => unitsOf.get(code)?.units ?? single(unitsOfNoCase.all(code))?.units ?? 1,
    /** a code or SKU typed in any case, when only one matches */
    variantByTextNoCase: (text: string) => single(byCodeNoCase.all(text)) ?? single(bySkuNoCase.all(text)),
    barcodesOf(variantId: number) {
      return c.prepare('SELECT code, symbology FROM barcodes WHERE variant_id = ? ORDER BY code').all(variantId) as Array<{ code: string; symbology: Symbology }>;
    },
    insertProduct(title: string, imageUrl = ''): number {
      return Number(c.prepare('INSERT INTO products (title, image_url) VALUES (?, ?)').run(title, imageUrl).lastInsertRowid);
    },
    insertVariant(v: Omit<VariantRecord, 'id'> & { productId: number; imageUrl?: string }): number {
      return Number(c.prepare(`INSERT INTO variants (product_id, sku, title, weight_grams, length_mm, width_mm, height_mm, image_url)
        VALUES (@productId, @sku, @title, @weightGrams, @lengthMm, @widthMm, @heightMm, @imageUrl)`).run({ imageUrl: '', ...v }).lastInsertRowid);
    },
    insertBarcode(code: string, symbology: Symbology, variantId: number) {
      c.prepare('INSERT INTO barcodes (code, symbology, variant_id) VALUES (?, ?, ?)').run(code, symbology, variantId);
    },
    insertLocation(code: string, name: string, address: Address, sellable = true): number {
      return Number(c.prepare('INSERT INTO locations (code, name, address, sellable) VALUES (?, ?, ?, ?)').run(code, name, JSON.stringify(address), sellable ? 1 : 0).lastInsertRowid);
    },
    location(id: number): { id: number; code: string; name: string; sellable: boolean } | undefined {
      const r = c.prepare('SELECT id, code, name, sellable FROM locations WHERE id = ?').get(id) as { id: number; code: string; name: string; sellable: number } | undefined;
      return r ? { ...r, sellable: r.sellable === 1 } : undefined;
    },
    locationByCode(code: string): { id: number; code: string; name: string; sellable: boolean } | undefined {
      const r = c.prepare('SELECT id, code, name, sellable FROM locations WHERE code = ?').get(code) as { id: number; code: string; name: string; sellable: number } | undefined;
      return r ? { ...r, sellable: r.sellable === 1 } : undefined;
    },
    /** stock there is kept, counted and moved, but never offered for sale (the returns quarantine) */
    setSellable(id: number, sellable: boolean) {
      c.prepare('UPDATE locations SET sellable = ? WHERE id = ?').run(sellable ? 1 : 0, id);
    },
    insertBin(locationId: number, code: string): number {
      return Number(c.prepare('INSERT INTO bins (location_id, code) VALUES (?, ?)').run(locationId, code).lastInsertRowid);
    },
    insertChannel(kind: string, name: string, config: Record<string, unknown> = {}): number {
      return Number(c.prepare('INSERT INTO channels (kind, name, config) VALUES (?, ?, ?)').run(kind, name, JSON.stringify(config)).lastInsertRowid);
    },
    locations(): Location[] {
      const locs = c.prepare('SELECT id, code, name FROM locations ORDER BY id').all() as Array<Omit<Location, 'bins'>>;
      const allBins = c.prepare('SELECT id, location_id AS locationId, code FROM bins ORDER BY code').all() as Array<{ id: number; locationId: number; code: string }>;
      return locs.map((l) => ({ ...l, bins: allBins.filter((b) => b.locationId === l.id).map(({ id, code }) => ({ id, code })) }));
    },
    locationAddress(locationId: number): Address | undefined {
      const r = c.prepare('SELECT address FROM locations WHERE id = ?').get(locationId) as { address: string } | undefined;
      return r ? (JSON.parse(r.address) as Address) : undefined;
    },
    channels(): Channel[] {
      return c.prepare('SELECT id, kind, name FROM channels ORDER BY id').all() as Channel[];
    },
    defaultLocationId(): number | undefined {
      return (c.prepare('SELECT id FROM locations WHERE sellable = 1 ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id;
    },
    /** for "assign this code to a SKU": SKU or title contains the words */
    findVariants(q: string): Array<{ variantId: number; sku: string; title: string }> {
      const like = `%${q.trim().replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
      return c.prepare(`SELECT id AS variantId, sku, title FROM variants WHERE sku LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'
        ORDER BY sku LIMIT 50`).all(like, like) as Array<{ variantId: number; sku: string; title: string }>;
    },
    /** the variant's own picture, else its product's */
    imageOf(variantId: number): number | null {
      return (imageOf.get(variantId)?.id ?? null);
    },
    skuCount(): number {
      return (c.prepare('SELECT count(*) AS n FROM variants').get() as { n: number }).n;
    },
  };
}
export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
