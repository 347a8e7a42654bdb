import { AppError } from '../../../shared/contract/errors';
import type { StockRow } from '../../../shared/contract/inventory';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';

export function createInventoryService(repos: Repos, clock: Clock, actor: () => string) {
  const { inventory, catalog } = repos;

  /** A stock count: the ledger records the difference as an adjust movement; no count is ever overwritten. */
  function adjust(input: { variantId: number; locationId: number; countedOnHand: number; reason: string }): StockRow {
    return repos.transaction(() => {
      const variant = catalog.variantById(input.variantId);
      if (!variant) throw new AppError('not_found', `SKU id ${input.variantId} does not exist.`, 'Reload the inventory list.');
      if (!catalog.locations().some((l) => l.id === input.locationId)) {
        throw new AppError('not_found', `Location ${input.locationId} does not exist.`, 'Reload the inventory list.');
      }
      const before = inventory.balance(input.variantId, input.locationId);
      const delta = input.countedOnHand - before.onHand;
      if (delta === 0) throw new AppError('conflict', `${variant.sku} already has ${before.onHand} on hand; nothing was recorded.`);
      // A count below what is reserved is allowed: the shelf is what it is, and the short orders show negative available.
      const at = isoNow(clock);
      // fewer than recorded: taken from the home bin, then other bins, then stock in no bin; more: found, not yet in a bin
      const movement = { variantId: input.variantId, locationId: input.locationId, kind: 'adjust' as const, quantity: delta, reason: input.reason, actor: actor(), reference: 'stock count', at };
      if (delta < 0) inventory.recordOut(movement);
      else inventory.record(movement);
      return inventory.stockRow(input.variantId, input.locationId)!;
    });
  }

  return { adjust };
}
