import type { Repos } from '../store';

export type ParcelWeight = { grams: number; source: 'scale' | 'catalog'; contentGrams: number; boxGrams: number };

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
  const contentGrams = args.lines.reduce((g, l) => g + (l.variantId ? (repos.catalog.variantById(l.variantId)?.weightGrams ?? 0) * l.quantity : 0), 0);
  const boxGrams = args.packageId ? (repos.shipping.preset(args.packageId)?.emptyGrams ?? 0) : 0;
  if (args.scaleGrams !== undefined && args.scaleGrams !== null && args.scaleGrams > 0) {
    return { grams: Math.round(args.scaleGrams), source: 'scale', contentGrams, boxGrams };
  }
  return { grams: contentGrams + boxGrams, source: 'catalog', contentGrams, boxGrams };
}
