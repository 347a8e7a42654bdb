import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { createCore } from '../../electron/core/create-core';
import { migrationsFolder } from '../../electron/core/store/app-root';
import { listBackups } from '../../electron/core/store/backups';
import { DB_FILE_NAME, openDatabase } from '../../electron/core/store/db';
import { tempDir } from '../support/temp-dir';

const dirs: Array<ReturnType<typeof tempDir>> = [];
const fresh = () => { const d = tempDir(); dirs.push(d); return d.path; };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  while (dirs.length) dirs.pop()!.remove();
});

function startError(dataDir: string): AppError {
  try {
    createCore({ dataDir }).close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the station to refuse to start');
}

const isRoot = process.getuid?.() === 0;

describe('a database file that is not a usable Packbench database is refused and left untouched', () => {
  it('a zero-byte packbench.db (a truncated live database) is refused, not turned into a fresh demo', () => {
    const dataDir = fresh();
    writeFileSync(join(dataDir, DB_FILE_NAME), '');
    const err = startError(dataDir);
    expect(err.message).toMatch(/is empty \(0 bytes\).*left untouched/);
    expect(statSync(join(dataDir, DB_FILE_NAME)).size).toBe(0);
    expect(existsSync(join(dataDir, `${DB_FILE_NAME}-wal`))).toBe(false);
  });

  it('another program\'s SQLite file is refused as not a Packbench database', () => {
    const dataDir = fresh();
    const other = new Database(join(dataDir, DB_FILE_NAME));
    other.exec('CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES (\'soup\')');
    other.close();
    const before = readFileSync(join(dataDir, DB_FILE_NAME));
    expect(startError(dataDir).message).toMatch(/is a database, but not a Packbench database\. It was left untouched\./);
    expect(readFileSync(join(dataDir, DB_FILE_NAME)).equals(before)).toBe(true);
  });

  it('a damaged database offers its latest backup, and --restore-backup latest puts it back keeping the damaged file', () => {
    const dataDir = fresh();
    const core = createCore({ dataDir });
    const count = (core.workspace().repos.db.$client.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    const backup = core.workspace().backups;
    return backup.create('manual').then((info) => {
      core.close();
      writeFileSync(join(dataDir, DB_FILE_NAME), Buffer.concat([Buffer.from('garbage'), Buffer.alloc(4096, 1)]));
      const err = startError(dataDir);
      expect(err.message).toMatch(/damaged or is not a Packbench database/);
      expect(err.hint).toContain(`The latest backup is ${info.name}`);
      expect(err.hint).toContain('--restore-backup latest');

      const out = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/support/restore-cli.ts'), dataDir], { cwd: root, encoding: 'utf8' });
      expect(out.stdout).toMatch(/was put back\. The file it replaced was kept as packbench\.db\.before-restore-/);
      const again = createCore({ dataDir });
      expect((again.workspace().repos.db.$client.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n).toBe(count);
      again.close();
      expect(readdirSync(dataDir).some((f) => f.startsWith('packbench.db.before-restore-'))).toBe(true);
    });
  });
});

const root = new URL('../..', import.meta.url).pathname;

describe('start-up problems get their own sentence', () => {
  it('a data folder that cannot be created says why and what to do', () => {
    const parent = fresh();
    writeFileSync(join(parent, 'a-file'), 'x');
    const err = startError(join(parent, 'a-file', 'Packbench'));
    expect(err.message).toMatch(/cannot create its data folder .*: part of that path is a file, not a folder\./);
    expect(err.hint).toMatch(/--data-dir/);
  });

  it('a read-only database says it cannot be written, not "restore a backup"', () => {
    const dataDir = fresh();
    createCore({ dataDir }).close();
    const file = join(dataDir, DB_FILE_NAME);
    if (isRoot) {
      // root writes through permission bits; the immutable flag stops it as a read-only disk would
      execFileSync('chattr', ['+i', file]);
      cleanups.push(() => execFileSync('chattr', ['-i', file]));
    } else {
      execFileSync('chmod', ['0444', file]);
    }
    const err = startError(dataDir);
    expect(err.message).toMatch(/may read .* but not write it/);
    expect(`${err.message} ${err.hint}`).not.toMatch(/backup/);
  });

  it('a full disk at first start says so, and leaves no half-made database behind', (context) => {
    const mountPoint = fresh();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
      console.log('SKIPPED the full-disk test: this machine does not allow mounting a small tmpfs (needs root).');
      context.skip();
      return;
    }
    cleanups.push(() => { spawnSync('umount', [mountPoint]); });
    const err = startError(mountPoint);
    expect(err.message).toMatch(/disk holding .* is full, so Packbench could not create its database there\. Nothing was created\./);
    expect(readdirSync(mountPoint)).toEqual([]);
  });

  it('creates the data folder 0700 and the database files 0600 (they hold customer addresses)', () => {
    const dataDir = join(fresh(), 'Packbench');
    const core = createCore({ dataDir });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`]) expect(statSync(join(dataDir, f)).mode & 0o777).toBe(0o600);
    core.close();
  });
});

describe('backups', () => {
  it('a backup is taken before migrating a database written by an older version, and holds the old database', () => {
    const dataDir = fresh();
    const older = join(fresh(), 'migrations');
    mkdirSync(join(older, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    copyFileSync(join(migrationsFolder(), `${journal.entries[0]!.tag}.sql`), join(older, `${journal.entries[0]!.tag}.sql`));
    writeFileSync(join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [journal.entries[0]] }));
    openDatabase({ dataDir, migrationsDir: older }).db.$client.close();
    expect(listBackups(dataDir)).toEqual([]);

    openDatabase({ dataDir }).db.$client.close();
    const [backup] = listBackups(dataDir);
    expect(backup?.reason).toBe('before-migration');
    expect(statSync(backup!.file).mode & 0o777).toBe(0o600);
    const copy = new Database(backup!.file, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(1);
    copy.close();
    // nothing pending: no more copies
    openDatabase({ dataDir }).db.$client.close();
    expect(listBackups(dataDir)).toHaveLength(1);
  });
});
