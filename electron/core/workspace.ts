import { rmSync } from 'node:fs';
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
  const { db, file, created } = openDatabase({ dataDir });
  const repos = createRepos(db);
  const orders = createOrdersService(repos, clock, actor);
  const inventory = createInventoryService(repos, clock, actor);
  const print = createPrintService(repos, clock, deps.emit, dataDir, deps.printerFactory);
  const scanner = (): ScannerSettings => ScannerSettingsSchema.parse(repos.settings.get('scanner') ?? {});
  const pack = createPackService(repos, clock, actor, orders, () => scanner().gsReplacement);
  const packing = createPackCompletion(repos, clock, actor, orders, print);
  if (created && seed === 'demo') seedDemo(repos, clock, orders);
  if (created && seed === 'empty') repos.settings.set('workspace.kind', 'empty');
  print.ensureDefaultPrinter();
  print.recover();
  return {
    file, repos, orders, inventory, print, pack, packing, clock, scanner,
    kind(): WorkspaceKind { return repos.settings.get<WorkspaceKind>('workspace.kind') ?? 'live'; },
    close() { db.$client.close(); },
  };
}
export type Workspace = ReturnType<typeof openWorkspace>;

/** Deletes the database file and its WAL so the next open starts from nothing. */
export function removeWorkspaceFiles(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, DB_FILE_NAME + suffix), { force: true });
}
