import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';
import { seedDemo } from './demo/seed-demo';
import { createInventoryService } from './services/inventory-service';
import { createOrdersService } from './services/orders-service';
import { createRepos } from './store';
import { DB_FILE_NAME, openDatabase } from './store/db';

export type WorkspaceKind = 'demo' | 'empty' | 'live';

/** Everything bound to one open database file. Replaced whole on "reset demo" / "start empty". */
export function openWorkspace(dataDir: string, clock: Clock, actor: () => string, seed: 'demo' | 'empty' | 'none') {
  const { db, file, created } = openDatabase({ dataDir });
  const repos = createRepos(db);
  const orders = createOrdersService(repos, clock, actor);
  const inventory = createInventoryService(repos, clock, actor);
  if (created && seed === 'demo') seedDemo(repos, clock, orders);
  if (created && seed === 'empty') repos.settings.set('workspace.kind', 'empty');
  return {
    file, repos, orders, inventory, clock,
    kind(): WorkspaceKind { return repos.settings.get<WorkspaceKind>('workspace.kind') ?? 'live'; },
    close() { db.$client.close(); },
  };
}
export type Workspace = ReturnType<typeof openWorkspace>;

/** Deletes the database file and its WAL so the next open starts from nothing. */
export function removeWorkspaceFiles(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, DB_FILE_NAME + suffix), { force: true });
}
