import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';

/** The barcode a scanner reads off an item of this SKU: EAN-13 / UPC-A as printed (not the stored GTIN-14). */
export function printedBarcode(core: Core, sku: string): string {
  const repos = core.workspace().repos;
  const variant = repos.catalog.variantBySku(sku)!;
  const gtin = repos.catalog.barcodesOf(variant.id).find((b) => b.symbology !== 'code128')!;
  return gtin.symbology === 'upc-a' ? gtin.code.slice(2) : gtin.code.slice(1);
}

export function internalCode(core: Core, sku: string): string {
  const repos = core.workspace().repos;
  const variant = repos.catalog.variantBySku(sku)!;
  return repos.catalog.barcodesOf(variant.id).find((b) => b.symbology === 'code128')!.code;
}

/** A SKU in the catalog that the order does not contain. */
export function skuNotIn(core: Core, skus: string[]): string {
  const all = core.workspace().repos.db.$client.prepare('SELECT sku FROM variants ORDER BY id').all() as Array<{ sku: string }>;
  return all.map((r) => r.sku).find((s) => !skus.includes(s))!;
}

/** Scans every unit of every line of the open session. */
export async function scanAll(core: Core, client: ApiClient, sessionId: number) {
  const view = await client.call('pack.get', { sessionId });
  for (const line of view.lines) {
    for (let i = line.scanned; i < line.expected; i++) {
      const r = await client.call('pack.scan', { sessionId, code: printedBarcode(core, line.sku) });
      if (r.outcome !== 'accepted') throw new Error(`scan refused: ${r.message}`);
    }
  }
}
