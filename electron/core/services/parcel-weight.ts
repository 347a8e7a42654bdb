import type { Repos } from '../store';

export type ParcelWeight = {
  grams: number; source: 'scale' | 'catalog'; contentGrams: number; boxGrams: number;
  /** SKUs in the parcel with no weight in the catalog: a catalog weight without them is too low to buy a label on */
  unweighed: string[];
};

/**
 * The one place a parcel's weight for buying a label comes from (INTERFACES.md item 4): a scale reading
 * (or a weight the packer typed) when given, else the catalog weights of what the parcel holds plus the
 * chosen box's empty weight. The devices work feeds the scale reading in through `scaleGrams`.
 */
export function parcelWeight(repos: Repos, args: {
  lines: Array<{ variantId: number | null; quantity: number }>;
  packageId?: number | null | undefined;
  scaleGrams?: number | null | undefined;
}): ParcelWeight {
  let contentGrams = 0;
  const unweighed = new Set<string>();
  for (const l of args.lines) {
    const v = l.variantId ? repos.catalog.variantById(l.variantId) : undefined;
    if (!v) continue;
    if (v.weightGrams > 0) contentGrams += v.weightGrams * l.quantity;
    else unweighed.add(v.sku);
  }
  const boxGrams = args.packageId ? (repos.shipping.preset(args.packageId)?.emptyGrams ?? 0) : 0;
  if (args.scaleGrams !== undefined && args.scaleGrams !== null && args.scaleGrams > 0) {
    return { grams: Math.round(args.scaleGrams), source: 'scale', contentGrams, boxGrams, unweighed: [...unweighed] };
  }
  return { grams: contentGrams + boxGrams, source: 'catalog', contentGrams, boxGrams, unweighed: [...unweighed] };
}
