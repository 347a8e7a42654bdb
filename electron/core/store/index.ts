import { createCatalogRepo } from './catalog-repo';
import type { Db } from './db';
import { createInventoryRepo } from './inventory-repo';
import { createOrdersRepo } from './orders-repo';
import { createOutboxRepo } from './outbox-repo';
import { createSettingsRepo } from './settings-repo';

export function createRepos(db: Db) {
  return {
    db,
    catalog: createCatalogRepo(db),
    inventory: createInventoryRepo(db),
    orders: createOrdersRepo(db),
    outbox: createOutboxRepo(db),
    settings: createSettingsRepo(db),
    /** better-sqlite3 transactions are synchronous: nothing else runs in between */
    transaction<T>(fn: () => T): T {
      return db.$client.transaction(fn)();
    },
  };
}
export type Repos = ReturnType<typeof createRepos>;
