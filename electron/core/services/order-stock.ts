import type { Statement } from 'better-sqlite3';
import type { Repos } from '../store';

/** Per open database: the bins pick lists took an order's units of a SKU from (prepared once). */
const pickedFrom = new WeakMap<Repos, Statement<[number, number], { binId: number; quantity: number }>>();

function pickedStatement(repos: Repos): Statement<[number, number], { binId: number; quantity: number }> {
  let st = pickedFrom.get(repos);
  if (!st) {
    st = repos.db.$client.prepare(`SELECT t.bin_id AS binId, SUM(a.picked) AS quantity FROM pick_allocations a JOIN pick_tasks t ON t.id = a.task_id
      WHERE a.order_id = ? AND t.variant_id = ? AND t.bin_id IS NOT NULL AND a.picked > 0 GROUP BY t.bin_id ORDER BY min(t.seq)`);
    pickedFrom.set(repos, st);
  }
  return st;
}

/**
 * Units of an order leaving the building: taken at the locations that hold them for it (a split order
 * holds stock at several), its own location first. Whatever no location holds is taken at its own
 * location, where the ledger refuses it in words if the shelf does not cover it. At each location the units
 * come out of the home bin first, then the other bins in walk order (recordOut).
 */
export function recordOrderPick(repos: Repos, order: { id: number; locationId: number }, variantId: number, quantity: number, who: string, at: string): void {
  const reference = `order:${order.id}`;
  // a picker who walked a pick list took these units from the bins it named: the ledger says the same
  const picked = pickedStatement(repos).all(order.id, variantId);
  const others = repos.routing.locationsHolding(reference).filter((l) => l !== order.locationId);
  let left = quantity;
  for (const locationId of [order.locationId, ...others]) {
    if (left <= 0) return;
    const held = repos.inventory.heldByReference(reference, locationId).find((h) => h.variantId === variantId)?.committed ?? 0;
    const take = Math.min(left, held);
    if (take <= 0) continue;
    repos.inventory.recordOut({ variantId, locationId, kind: 'pick', quantity: take, reason: 'packed', actor: who, reference, at }, picked);
    left -= take;
  }
  if (left > 0) repos.inventory.recordOut({ variantId, locationId: order.locationId, kind: 'pick', quantity: left, reason: 'packed', actor: who, reference, at }, picked);
}
