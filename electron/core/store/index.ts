import { createCatalogRepo } from './catalog-repo';
import type { Db } from './db';
import { createInventoryRepo } from './inventory-repo';
import { createOrdersRepo, SEARCH_INDEX_VERSION } from './orders-repo';
import { createOutboxRepo } from './outbox-repo';
import { createOutboxDrainRepo } from './outbox-drain-repo';
import { createPackRepo } from './pack-repo';
import { createPickRepo } from './pick-repo';
import { createPrintRepo } from './print-repo';
import { createProductRepo } from './product-repo';
import { createWarehouseRepo } from './warehouse-repo';
import { createPackersRepo } from './packers-repo';
import { createDeliveriesRepo } from './deliveries-repo';
import { createRoutingRepo } from './routing-repo';
import { createRulesRepo } from './rules-repo';
import { createReturnsRepo } from './returns-repo';
import { createSettingsRepo } from './settings-repo';
import { createShippingRepo } from './shipping-repo';
import { createWeightsRepo } from './weights-repo';
import { createPrinterHealthRepo } from './printer-health-repo';
import { createStockSyncRepo } from './stock-sync-repo';
import { createSyncRepo } from './sync-repo';

export function createRepos(db: Db) {
  const repos = {
    db,
    catalog: createCatalogRepo(db),
    inventory: createInventoryRepo(db),
    orders: createOrdersRepo(db),
    outbox: createOutboxRepo(db),
    pack: createPackRepo(db),
    print: createPrintRepo(db),
    rules: createRulesRepo(db),
    routing: createRoutingRepo(db),
    picks: createPickRepo(db),
    returns: createReturnsRepo(db),
    settings: createSettingsRepo(db),
    products: createProductRepo(db),
    warehouse: createWarehouseRepo(db),
    packers: createPackersRepo(db),
    deliveries: createDeliveriesRepo(db),
    shipping: createShippingRepo(db),
    weights: createWeightsRepo(db),
    printerHealth: createPrinterHealthRepo(db),
    sync: createSyncRepo(db),
    outboxDrain: createOutboxDrainRepo(db),
    stockSync: createStockSyncRepo(db),
    /** better-sqlite3 transactions are synchronous: nothing else runs in between */
    transaction<T>(fn: () => T): T {
      return db.$client.transaction(fn)();
    },
  };
  ensureSearchIndex(repos);
  repos.warehouse.ensureWalkOrder();
  return repos;
}

/** The search text is folded by the app, so a database from before (or an older folding) is re-indexed once. */
function ensureSearchIndex(repos: { settings: ReturnType<typeof createSettingsRepo>; orders: ReturnType<typeof createOrdersRepo>; transaction<T>(fn: () => T): T }) {
  if (repos.settings.get<number>('search.indexVersion') === SEARCH_INDEX_VERSION) return;
  repos.transaction(() => {
    repos.orders.rebuildSearchIndex();
    repos.settings.set('search.indexVersion', SEARCH_INDEX_VERSION);
  });
}
export type Repos = ReturnType<typeof createRepos>;
