import type { Repos } from '../store';

/**
 * Units of an order leaving the building: taken at the locations that hold them for it (a split order
 * holds stock at several), its own location first. Whatever no location holds is taken at its own
 * location, where the ledger refuses it in words if the shelf does not cover it. At each location the units
 * come out of the home bin first, then the other bins in walk order (recordOut).
 */
export function recordOrderPick(repos: Repos, order: { id: number; locationId: number }, variantId: number, quantity: number, who: string, at: string): void {
  const reference = `order:${order.id}`;
  const others = repos.routing.locationsHolding(reference).filter((l) => l !== order.locationId);
  let left = quantity;
  for (const locationId of [order.locationId, ...others]) {
    if (left <= 0) return;
    const held = repos.inventory.heldByReference(reference, locationId).find((h) => h.variantId === variantId)?.committed ?? 0;
    const take = Math.min(left, held);
    if (take <= 0) continue;
    repos.inventory.recordOut({ variantId, locationId, kind: 'pick', quantity: take, reason: 'packed', actor: who, reference, at });
    left -= take;
  }
  if (left > 0) repos.inventory.recordOut({ variantId, locationId: order.locationId, kind: 'pick', quantity: left, reason: 'packed', actor: who, reference, at });
}
