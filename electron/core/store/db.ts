import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { migrationsFolder } from './app-root';
import { createBackupNow, listBackups } from './backups';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DB_FILE_NAME = 'packbench.db';

export type OpenOptions = {
  dataDir: string;
  /** how long to wait for another process's lock before saying so */
  busyTimeoutMs?: number;
  migrationsDir?: string;
  /** when the backup taken before a migration is dated */
  now?: () => Date;
};

/** SQLite's own first 16 bytes: a file without them is not a database at all. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const CREATING_SUFFIX = '.creating';

/**
 * Opens the store: refuses a file that is empty, damaged or not a Packbench database, one held by
 * another running Packbench, or one written by a newer version, each with words, and never changes
 * such a file. A new database is built under a temporary name and renamed only once it is whole, so
 * an existing packbench.db is always one that Packbench finished creating. Pending migrations are
 * applied (after a backup) before anything else can read.
 */
export function openDatabase(options: OpenOptions): { db: Db; file: string; created: boolean } {
  ensureDataDir(options.dataDir);
  const file = join(options.dataDir, DB_FILE_NAME);
  const migrations = options.migrationsDir ?? migrationsFolder();
  let created = false;
  if (!existsSync(file)) {
    createDatabaseFile(file, migrations);
    created = true;
  } else {
    refuseUnusableFile(file);
  }
  tightenPermissions(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw storageError(e, file);
  }
  try {
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 1500}`);
    // One running Packbench per data folder: the exclusive lock is held until the process ends
    // (the OS releases it on a crash), so a second instance is refused instead of racing.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    // before anything writes: another program's database must stay byte for byte as it was
    refuseForeignDatabase(sqlite, file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed scan or movement survives a power cut, not only a crash
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
    refuseNewerDatabase(sqlite, file, migrations);
    if (!created && hasPendingMigrations(sqlite, migrations)) {
      createBackupNow(sqlite, options.dataDir, 'before-migration', (options.now ?? (() => new Date()))());
    }
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder: migrations });
    tightenPermissions(file);
    return { db, file, created };
  } catch (e) {
    try { sqlite.close(); } catch { /* already unusable */ }
    throw storageError(e, file);
  }
}

/** The data folder holds customer addresses: readable by this user only. */
function ensureDataDir(dir: string): void {
  try {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    else if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const why: Record<string, string> = {
      EACCES: 'you may not create folders there', EPERM: 'you may not create folders there', EROFS: 'that disk is read-only',
      ENOTDIR: 'part of that path is a file, not a folder', ENOSPC: 'the disk is full', EEXIST: 'a file of that name is in the way',
    };
    throw new AppError('storage', `Packbench cannot create its data folder ${dir}: ${why[code] ?? (e instanceof Error ? e.message : String(e))}.`,
      'Choose a folder you may write to with --data-dir (or PACKBENCH_DATA_DIR), or fix the permissions of that folder, then start again.');
  }
}

function tightenPermissions(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
    } catch {
      // someone else's file: opening it says what is wrong
    }
  }
}

/** Migrates a new database under a temporary name, then renames it into place. */
function createDatabaseFile(file: string, migrations: string): void {
  const temp = file + CREATING_SUFFIX;
  for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  try {
    closeSync(openSync(temp, 'w', 0o600));
    const sqlite = new Database(temp, { fileMustExist: true });
    try {
      sqlite.pragma('foreign_keys = ON');
      migrate(drizzle(sqlite, { schema }), { migrationsFolder: migrations });
    } finally {
      sqlite.close();
    }
    renameSync(temp, file);
  } catch (e) {
    for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
    const code = errorCodes(e);
    // drizzle may report its failed ROLLBACK instead of SQLite's SQLITE_FULL, so the disk is asked too
    if (code.includes('SQLITE_FULL') || code.includes('ENOSPC') || code.includes('EDQUOT') || nearlyFull(dirname(file)) || code === 'ENOSPC' || code === 'EDQUOT') {
      throw new AppError('storage', `The disk holding ${dirname(file)} is full, so Packbench could not create its database there. Nothing was created.`,
        'Free some space on that disk (or choose another folder with --data-dir), then start again.');
    }
    throw storageError(e, file);
  }
}

function nearlyFull(dir: string): boolean {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize < 4 * 1024 * 1024;
  } catch {
    return false;
  }
}

/** An existing file that is empty, or not SQLite at all, is refused before SQLite may touch it. */
function refuseUnusableFile(file: string): void {
  const size = statSync(file).size;
  if (size === 0) {
    throw new AppError('storage', `The database ${file} is empty (0 bytes): it was cut short or emptied, and is not a Packbench database any more. It was left untouched.`,
      recoveryHint(dirname(file)));
  }
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try { readSync(fd, head, 0, head.length, 0); } finally { closeSync(fd); }
  if (!head.equals(SQLITE_HEADER)) {
    throw new AppError('storage', `The file ${file} is damaged or is not a Packbench database. It was left untouched.`, recoveryHint(dirname(file)));
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch {
    throw readOnlyError(file);
  }
}

function readOnlyError(file: string): AppError {
  return new AppError('storage', `Packbench may read ${file} but not write it: the file, its folder or the disk is read-only. Nothing was changed.`,
    'Make the file and its folder writable again (check their permissions and owner, and that the disk is not mounted read-only), or copy the folder somewhere writable and start with --data-dir.');
}

/** A SQLite file of another program: no migrations table, yet it has tables of its own. */
function refuseForeignDatabase(sqlite: Database.Database, file: string): void {
  const migrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  const ours = migrations ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n > 0 : false;
  if (!ours) {
    throw new AppError('storage', `The file ${file} is a database, but not a Packbench database. It was left untouched.`, recoveryHint(dirname(file)));
  }
}

function hasPendingMigrations(sqlite: Database.Database, dir: string): boolean {
  const applied = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  return readMigrationFiles({ migrationsFolder: dir }).length > applied;
}

/** What to do about a database that cannot be used: the latest backup, when there is one. */
export function recoveryHint(dataDir: string): string {
  const latest = listBackups(dataDir)[0];
  if (!latest) return 'Move the file aside (keep it for recovery) and start again for a fresh workspace; there is no backup in this data folder.';
  return `The latest backup is ${latest.name} (${latest.createdAt}). To put it back, start Packbench with --restore-backup latest: the unusable file is kept beside it. Or move the file aside and start again.`;
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

/** drizzle wraps SQLite's error ("Failed to run the query …"): the codes of the whole cause chain */
function errorCodes(e: unknown): string {
  const codes: string[] = [];
  for (let at: unknown = e, depth = 0; at && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes.join(' ');
}

function storageError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = errorCodes(e).split(' ')[0] ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY')) {
    return new AppError('storage', `Another Packbench is already using ${file}.`,
      'Close the other Packbench window or station, or start this one with --data-dir pointing to another folder.');
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('storage', `The file ${file} is damaged or is not a Packbench database. It was left untouched.`, recoveryHint(dirname(file)));
  }
  if (code.startsWith('SQLITE_READONLY')) return readOnlyError(file);
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('storage', `Packbench cannot open or write ${file}.`,
      'Check that the folder exists and that you may write to it, or choose another with --data-dir.');
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('storage', `The disk holding ${file} is full. Nothing was changed.`, 'Free some space on that disk, then start Packbench again.');
  }
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('storage', `The database ${file} could not be opened: ${message}. It was left untouched.`,
    'Restart Packbench; if this repeats, check the disk, then see the backups in the data folder.');
}
