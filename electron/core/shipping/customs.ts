import type { Repos } from '../store';
import type { CustomsDeclaration, CustomsLine } from './carrier';

export type CustomsResult = { declaration: CustomsDeclaration; problems: string[] };

/**
 * Customs lines for what the parcel holds: description and weight from the catalog, HS code and country of
 * origin from the SKU, value from the order line. A SKU without an origin is named, so the owner can add it.
 */
export function customsFor(repos: Repos, args: {
  orderNumber: string; currency: string; signer: string;
  lines: Array<{ sku: string; variantId: number | null; quantity: number; unitPriceMinor: number; title: string }>;
}): CustomsResult {
  const problems: string[] = [];
  const lines: CustomsLine[] = args.lines.filter((l) => l.quantity > 0).map((l) => {
    const variant = l.variantId ? repos.catalog.variantById(l.variantId) : undefined;
    const customs = l.variantId ? repos.shipping.customsOf(l.variantId) : { hsCode: '', originCountry: '' };
    if (!customs.originCountry) problems.push(`${l.sku} has no country of origin, which customs needs. Add it to the SKU (Settings → Carriers → customs for a SKU), then press Buy again.`);
    return {
      sku: l.sku, description: (variant?.title ?? l.title).slice(0, 100), quantity: l.quantity, valueMinor: l.unitPriceMinor * l.quantity,
      currency: args.currency, weightGrams: (variant?.weightGrams ?? 0) * l.quantity, hsCode: customs.hsCode.replace(/\./g, ''), originCountry: customs.originCountry,
    };
  });
  return { declaration: { contentsType: 'merchandise', signer: args.signer || 'Packbench station', lines }, problems };
}
