import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { migrationsFolder } from './app-root';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DB_FILE_NAME = 'packbench.db';

export type OpenOptions = {
  dataDir: string;
  /** how long to wait for another process's lock before saying so */
  busyTimeoutMs?: number;
  migrationsDir?: string;
};

/**
 * Opens the store: refuses a file that is not a Packbench database, one held by another running
 * Packbench, or one written by a newer version, each with words, and never changes such a file.
 * Then applies pending migrations before anything else can read.
 */
export function openDatabase(options: OpenOptions): { db: Db; file: string; created: boolean } {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DB_FILE_NAME);
  const created = !existsSync(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: false });
  } catch (e) {
    throw storageError(e, file);
  }
  try {
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 1500}`);
    // One running Packbench per data folder: the exclusive lock is held until the process ends
    // (the OS releases it on a crash), so a second instance is refused instead of racing.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed scan or movement survives a power cut, not only a crash
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
    refuseNewerDatabase(sqlite, file, options.migrationsDir ?? migrationsFolder());
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: options.migrationsDir ?? migrationsFolder() });
    return { db, file, created };
  } catch (e) {
    try { sqlite.close(); } catch { /* already unusable */ }
    throw storageError(e, file);
  }
}

function refuseNewerDatabase(sqlite: Database.Database, file: string, dir: string): void {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!hasTable) return;
  const row = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as { last: number | null };
  const known = readMigrationFiles({ migrationsFolder: dir });
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  if (row.last !== null && Number(row.last) > newestKnown) {
    throw new AppError('storage',
      `The database ${file} was written by a newer version of Packbench. It was left untouched.`,
      'Install the newer Packbench again, or start this version with another --data-dir.');
  }
}

function storageError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) {
    return new AppError('storage', `Another Packbench is already using ${file}.`,
      'Close the other Packbench window or station, or start this one with --data-dir pointing to another folder.');
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('storage', `The file ${file} is damaged or is not a Packbench database. It was left untouched.`,
      'Move the file aside (keep it for recovery) and start again, or restore it from a backup.');
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new AppError('storage', `Packbench cannot open or write ${file}.`,
      'Check that the folder exists and that you may write to it, or choose another with --data-dir.');
  }
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('storage', `The database ${file} could not be opened: ${message}. It was left untouched.`,
    'Restart Packbench; if this repeats, move the file aside and restore a backup.');
}
