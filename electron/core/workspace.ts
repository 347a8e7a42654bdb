import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { ScannerSettingsSchema, type ScannerSettings } from '../../shared/contract/pack';
import type { Clock } from './clock';
import { seedDemo } from './demo/seed-demo';
import { createInventoryService } from './services/inventory-service';
import { createOrdersService } from './services/orders-service';
import { createPackCompletion } from './services/pack-complete';
import { createPackService } from './services/pack-service';
import { createPrintService, type PrinterFactory } from './services/print-service';
import { createRepos } from './store';
import { createCatalogService } from './services/catalog-service';
import { createWarehouseService } from './services/warehouse-service';
import { createPackersService } from './services/packers-service';
import { createDashboardService } from './services/dashboard-service';
import { createOrderEntry } from './services/order-entry';
import { createCsvImport } from './csv/csv-import';
import { createCsvExport } from './csv/csv-export';
import { DB_FILE_NAME, openDatabase } from './store/db';

export type WorkspaceKind = 'demo' | 'empty' | 'live';
export type WorkspaceDeps = {
  clock: Clock;
  actor: () => string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  printerFactory?: PrinterFactory | undefined;
};

/** Everything bound to one open database file. Replaced whole on "reset demo" / "start empty". */
export function openWorkspace(dataDir: string, deps: WorkspaceDeps, seed: 'demo' | 'empty' | 'none') {
  const { clock, actor } = deps;
  const { db, file } = openDatabase({ dataDir });
  const repos = createRepos(db);
  const orders = createOrdersService(repos, clock, actor);
  const inventory = createInventoryService(repos, clock, actor);
  const print = createPrintService(repos, clock, deps.emit, dataDir, deps.printerFactory);
  const scanner = (): ScannerSettings => ScannerSettingsSchema.parse(repos.settings.get('scanner') ?? {});
  const pack = createPackService(repos, clock, actor, orders, () => scanner().gsReplacement);
  const packing = createPackCompletion(repos, clock, actor, orders, print);
  const catalog = createCatalogService(repos, clock);
  const warehouse = createWarehouseService(repos, clock, actor, () => scanner().gsReplacement);
  const packers = createPackersService(repos, clock);
  const dashboard = createDashboardService(repos, clock);
  const orderEntry = createOrderEntry(repos, clock, { importOrders: orders.importOrders, actor });
  const csvImport = createCsvImport(repos, clock, { importOrders: orders.importOrders });
  const csvExport = createCsvExport(repos);
  // decided by content, not by whether the file existed: a first start that was cut short seeds on the next one
  const untouched = repos.settings.get('workspace.kind') === undefined && repos.catalog.skuCount() === 0 && repos.orders.counts().orders === 0;
  if (untouched && seed === 'demo') repos.transaction(() => seedDemo(repos, clock, orders));
  if (untouched && seed === 'empty') repos.settings.set('workspace.kind', 'empty');
  print.ensureDefaultPrinter();
  print.recover();
  return {
    file, repos, orders, inventory, print, pack, packing, clock, scanner,
    catalog, warehouse, packers, dashboard, orderEntry, csvImport, csvExport,
    kind(): WorkspaceKind { return repos.settings.get<WorkspaceKind>('workspace.kind') ?? 'live'; },
    close() { db.$client.close(); },
  };
}
export type Workspace = ReturnType<typeof openWorkspace>;

const DB_FILES = ['', '-wal', '-shm'].map((suffix) => DB_FILE_NAME + suffix);

/**
 * Swaps the open workspace for a fresh one without ever being left with none: the old files are moved
 * aside first and deleted only once the new workspace is open; any failure puts them back.
 */
export function replaceWorkspace(dataDir: string, current: Workspace, deps: WorkspaceDeps, seed: 'demo' | 'empty'): Workspace {
  current.close();
  const aside = `.replaced-${Date.now()}`;
  const moved: string[] = [];
  try {
    for (const f of DB_FILES) {
      if (!existsSync(join(dataDir, f))) continue;
      renameSync(join(dataDir, f), join(dataDir, f + aside));
      moved.push(f);
    }
    const fresh = openWorkspace(dataDir, deps, seed);
    for (const f of moved) rmSync(join(dataDir, f + aside), { force: true });
    return fresh;
  } catch (e) {
    for (const f of DB_FILES) if (!moved.includes(f)) rmSync(join(dataDir, f), { force: true });
    for (const f of moved) renameSync(join(dataDir, f + aside), join(dataDir, f));
    const message = e instanceof Error ? e.message : String(e);
    throw Object.assign(new Error(`replace failed: ${message}`), { restored: openWorkspace(dataDir, deps, 'none') });
  }
}
