import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/events';
import { ScannerSettingsSchema, type Printer, type ScannerSettings } from '../../shared/contract/pack';
import type { Clock } from './clock';
import { seedDemo } from './demo/seed-demo';
import { createInventoryService } from './services/inventory-service';
import { createConflictService } from './services/order-conflicts';
import { createOrdersService } from './services/orders-service';
import { createPackCompletion } from './services/pack-complete';
import { createPackService } from './services/pack-service';
import { createDeviceService } from './services/device-service';
import { createPickPrint } from './services/pick-print';
import { createPickService } from './services/pick-service';
import { createPrintService, type PrinterFactory } from './services/print-service';
import { createRoutingService } from './services/routing-service';
import { createRulesService } from './services/rules-service';
import { createTransferService } from './services/transfer-service';
import { createWeightCheck } from './services/weight-check';
import type { ScaleReading } from '../../shared/contract/devices';
import { createRepos, type Repos } from './store';
import { createCatalogService } from './services/catalog-service';
import { createWarehouseService } from './services/warehouse-service';
import { createPackersService } from './services/packers-service';
import { createDashboardService } from './services/dashboard-service';
import { createOrderEntry } from './services/order-entry';
import { createCsvImport } from './csv/csv-import';
import { createCsvExport } from './csv/csv-export';
import { defaultCarrierFactory, type CarrierFactory } from './shipping/carrier-factory';
import type { CredentialStore } from './shipping/credentials';
import { createShippingService } from './shipping/shipping-service';
import { createReturnsService, type ReturnsService } from './returns/returns-service';
import { seedShippingDemo, useDemoCarriers, type DemoCarrierUrls } from './demo/seed-shipping-demo';
import type { BackupInfo } from './store/backups';
import { openDatabase } from './store/db';
import { DB_FILES, putBackupInPlace } from './store/restore';
import { createBackupService, type BackupOptions } from './services/backup-service';
import { createChannelSettings } from './sync/channel-settings';
import { createSyncEngine, type SyncOptions } from './sync/engine/sync-engine';
import { createStockSyncService } from './services/stock-sync-service';
import { createSealedCredentials } from './sync/secrets/credential-store';

export type WorkspaceKind = 'demo' | 'empty' | 'live';
export type WorkspaceDeps = {
  clock: Clock;
  actor: () => string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  printerFactory?: PrinterFactory | undefined;
  shipping?: ShippingOptions | undefined;
  backups?: BackupOptions | undefined;
  /** the station scale's current reading, for the parcel weight and its check */
  scale?: (() => ScaleReading | null) | undefined;
  sync?: SyncOptions | undefined;
  /** runs fn as background work, not as the screen whose request started it (its packer may leave) */
  outsideBench?: (<T>(fn: () => T) => T) | undefined;
};
export type ShippingOptions = {
  credentials?: CredentialStore | undefined;
  carrierFactory?: CarrierFactory | undefined;
  carrierTimeoutMs?: number | undefined;
  retryDelaysMs?: number[] | undefined;
  /** tracking: how long a parcel's status is trusted, and how often the poller looks (tests) */
  trackEveryMs?: number | undefined;
  trackPollMs?: number | undefined;
  /** carrier emulators for the demo workspace (`--demo-carriers`) */
  demoCarriers?: DemoCarrierUrls | undefined;
};

/**
 * How this station is set up, as opposed to the shop's data: its label printers and its scanner.
 * "Reset demo" and "Start an empty workspace" replace the data and carry this over, as a shop expects.
 */
export type StationSetup = { printers: Array<Omit<Printer, 'id'>>; scanner: unknown };

function stationSetup(repos: Repos): StationSetup {
  const printers = repos.print.printers().map(({ id: _id, ...p }) => p);
  return { printers, scanner: repos.settings.get('scanner') };
}

function restoreStationSetup(repos: Repos, setup: StationSetup): void {
  repos.transaction(() => {
    for (const p of setup.printers) repos.print.savePrinter(p);
    if (setup.scanner !== undefined) repos.settings.set('scanner', setup.scanner);
  });
}
/** What replaces the open workspace: fresh sample data, nothing, or a backup. */
export type Replacement = 'demo' | 'empty' | { restore: BackupInfo };

/** Everything bound to one open database file. Replaced whole on "reset demo" / "start empty". */
export function openWorkspace(dataDir: string, deps: WorkspaceDeps, seed: 'demo' | 'empty' | 'none', carry?: StationSetup) {
  const { clock, actor } = deps;
  const { db, file } = openDatabase({ dataDir });
  const repos = createRepos(db);
  const orders = createOrdersService(repos, clock, actor);
  const rules = createRulesService(repos, clock, actor, orders);
  const routing = createRoutingService(repos, clock, actor, orders);
  const transfers = createTransferService(repos, clock, actor);
  // rules first: a rule may say where the order ships from
  orders.onLanding(rules.onLanded);
  orders.onLanding(routing.onLanded);
  rules.afterEach((orderId, _handling, who, at, touch) => routing.route(orderId, who, at, touch));
  const inventory = createInventoryService(repos, clock, actor);
  const print = createPrintService(repos, clock, deps.emit, dataDir, deps.printerFactory, actor);
  const scanner = (): ScannerSettings => ScannerSettingsSchema.parse(repos.settings.get('scanner') ?? {});
  const pack = createPackService(repos, clock, actor, orders, () => scanner().gsReplacement);
  const catalog = createCatalogService(repos, clock);
  const warehouse = createWarehouseService(repos, clock, actor, () => scanner().gsReplacement);
  const packers = createPackersService(repos, clock);
  const dashboard = createDashboardService(repos, clock);
  const orderEntry = createOrderEntry(repos, clock, { importOrders: orders.importOrders, actor });
  const csvImport = createCsvImport(repos, clock, { importOrders: orders.importOrders });
  const csvExport = createCsvExport(repos);
  const so = deps.shipping ?? {};
  // the returns bench records its bought labels; it is made just below, from the shipping it uses
  const late: { returns?: ReturnsService } = {};
  const syncOptions: SyncOptions = deps.sync ?? { secrets: () => null };
  const shipping = createShippingService({
    repos, clock, actor, emit: deps.emit, print, orders, credentials: so.credentials ?? createSealedCredentials(dataDir, syncOptions.secrets),
    carrierFactory: so.carrierFactory ?? defaultCarrierFactory({ timeoutMs: so.carrierTimeoutMs }), retryDelaysMs: so.retryDelaysMs, trackEveryMs: so.trackEveryMs, trackPollMs: so.trackPollMs,
    returnLabelBought: (s, at) => late.returns?.labelBought(s, at),
  });
  const returns = createReturnsService({ repos, clock, actor, emit: deps.emit, orders, shipping, print, gsReplacement: () => scanner().gsReplacement });
  late.returns = returns;
  const weights = createWeightCheck(repos, clock, deps.scale ?? (() => null), shipping);
  const packing = createPackCompletion(repos, clock, actor, orders, print, shipping, weights);
  const backups = createBackupService(db.$client, dataDir, clock, deps.backups);
  const picking = createPickService(repos, clock, actor, orders, () => scanner().gsReplacement);
  const pickPrint = createPickPrint(repos, clock, print, picking);
  const phones = createDeviceService(repos, clock, actor);
  // decided by content, not by whether the file existed: a first start that was cut short seeds on the next one
  const untouched = repos.settings.get('workspace.kind') === undefined && repos.catalog.skuCount() === 0 && repos.orders.counts().orders === 0;
  // the station's own setup first: the demo's packed orders are printed on the printer the shop uses
  if (carry) restoreStationSetup(repos, carry);
  if (untouched && seed === 'demo') repos.transaction(() => { seedDemo(repos, clock, orders, { pack, packing }); seedShippingDemo(repos); });
  if (untouched && seed === 'empty') repos.settings.set('workspace.kind', 'empty');
  print.ensureDefaultPrinter();
  print.recover();
  if (so.demoCarriers && repos.settings.get('workspace.kind') === 'demo') useDemoCarriers(shipping, repos, so.demoCarriers);
  shipping.queue.kick(); // labels left waiting (or mid-purchase) when the station stopped
  shipping.tracking.start();
  returns.start(); // parcels on their way back are looked up at the carrier now and then
  const conflicts = createConflictService(repos, clock, actor, orders);
  const engine = createSyncEngine({ repos, orders, clock, actor, emit: deps.emit }, syncOptions);
  // "Sync now" or a channel connected on a screen starts timers that keep running: they are the
  // station's work, not that screen packer's (who may leave, or not be chosen yet)
  const outside = deps.outsideBench ?? (<T>(fn: () => T) => fn());
  const sync: typeof engine = {
    ...engine,
    start: () => outside(() => engine.start()),
    now: (channelId?: number) => outside(() => engine.now(channelId)),
    retry: (channelId: number) => outside(() => engine.retry(channelId)),
    reload: (channelId: number) => outside(() => engine.reload(channelId)),
  };
  const channels = createChannelSettings(repos, clock, sync, syncOptions);
  if (syncOptions.autoStart !== false) sync.start();
  const stockSync = createStockSyncService(repos, clock, actor, sync, orders);
  sync.onReconnected((channelId) => stockSync.afterReconnect(channelId));
  // the daily reconciliation (#7): looked at once a minute, run once a day at the time set on the Stock sync screen
  const reconcileTimer = setInterval(() => { stockSync.tick().catch((e: unknown) => console.error('[stock] the daily reconciliation failed:', e)); }, 60_000);
  reconcileTimer.unref();
  return {
    file, repos, orders, inventory, print, pack, packing, shipping, clock, scanner, backups, weights, conflicts, sync, channels,
    rules, routing, transfers, picking, pickPrint, phones, returns, stockSync,
    catalog, warehouse, packers, dashboard, orderEntry, csvImport, csvExport,
    kind(): WorkspaceKind { return repos.settings.get<WorkspaceKind>('workspace.kind') ?? 'live'; },
    close() {
      clearInterval(reconcileTimer);
      stockSync.stop();
      sync.stop();
      backups.stopTimers();
      returns.stop();
      shipping.close();
      db.$client.close();
    },
  };
}
export type Workspace = ReturnType<typeof openWorkspace>;

/**
 * Swaps the open workspace for a fresh one (or a backup) without ever being left with none: the old
 * files are moved aside first and deleted only once the new workspace is open; any failure puts them
 * back. Callers take a backup first (core: before any reset or restore).
 */
export function replaceWorkspace(dataDir: string, current: Workspace, deps: WorkspaceDeps, what: Replacement): Workspace {
  // a backup brings its own printers and scanner; fresh data keeps this station's
  const setup = typeof what === 'object' ? undefined : stationSetup(current.repos);
  current.close();
  const aside = `.replaced-${Date.now()}`;
  const moved: string[] = [];
  try {
    for (const f of DB_FILES) {
      if (!existsSync(join(dataDir, f))) continue;
      renameSync(join(dataDir, f), join(dataDir, f + aside));
      moved.push(f);
    }
    if (typeof what === 'object') putBackupInPlace(dataDir, what.restore);
    const fresh = openWorkspace(dataDir, deps, typeof what === 'object' ? 'none' : what, setup);
    for (const f of moved) rmSync(join(dataDir, f + aside), { force: true });
    return fresh;
  } catch (e) {
    for (const f of DB_FILES) if (!moved.includes(f)) rmSync(join(dataDir, f), { force: true });
    for (const f of moved) renameSync(join(dataDir, f + aside), join(dataDir, f));
    const message = e instanceof Error ? e.message : String(e);
    throw Object.assign(new Error(`replace failed: ${message}`), { restored: openWorkspace(dataDir, deps, 'none') });
  }
}
