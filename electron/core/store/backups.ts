import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_REASONS } from '../../../shared/contract/backups-api';

/**
 * Copies of the database, taken while it is in use: daily, before every migration, before any reset or
 * restore, and on request. Each is written under a temporary name, checked, then renamed, so a file in
 * the folder is always a whole, readable database. Only this user may read them (customer addresses).
 */
export type BackupReason = (typeof BACKUP_REASONS)[number];
export type BackupInfo = { name: string; file: string; createdAt: string; reason: BackupReason; sizeBytes: number };

export const DEFAULT_KEEP_DAYS = 14;
/** Whatever their age, the newest few are never deleted: a bench closed for a month still has them. */
const ALWAYS_KEEP = 3;
const NAME = /^packbench-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.db$/;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function ensureBackupDir(dataDir: string): string {
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function nameFor(at: Date, reason: BackupReason): string {
  return `packbench-${at.toISOString().replace(/:/g, '-').replace('.', '-')}-${reason}.db`;
}

function parseName(name: string): { createdAt: string; reason: BackupReason } | undefined {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[2]!)) return undefined;
  const [date, time] = m[1]!.split('T') as [string, string];
  const [hh, mm, ss, ms] = time.replace('Z', '').split('-');
  return { createdAt: `${date}T${hh}:${mm}:${ss}.${ms}Z`, reason: m[2] as BackupReason };
}

/** Newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    try {
      found.push({ name, file, ...parsed, sizeBytes: statSync(file).size });
    } catch {
      // removed meanwhile
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

export function findBackup(dataDir: string, name: string): BackupInfo | undefined {
  return listBackups(dataDir).find((b) => b.name === name);
}

/** A copy is only kept if SQLite reads it back as whole. */
function verify(file: string): void {
  const copy = new BetterSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy did not pass SQLite's check (${String(check)})`);
  } finally {
    copy.close();
  }
}

function finish(temp: string, final: string): void {
  chmodSync(temp, 0o600);
  verify(temp);
  renameSync(temp, final);
}

/** The online copy (better-sqlite3 backup()): the bench keeps working while it runs. */
export async function createBackup(sqlite: Database.Database, dataDir: string, reason: BackupReason, at: Date): Promise<BackupInfo> {
  const dir = ensureBackupDir(dataDir);
  const name = nameFor(at, reason);
  const temp = join(dir, `${name}.part`);
  try {
    await sqlite.backup(temp);
    finish(temp, join(dir, name));
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return findBackup(dataDir, name)!;
}

/**
 * A copy taken before anything else may run (before migrations, at start-up): VACUUM INTO is SQLite's
 * synchronous consistent copy, used where waiting for the online copy's steps is not possible.
 */
export function createBackupNow(sqlite: Database.Database, dataDir: string, reason: BackupReason, at: Date): BackupInfo {
  const dir = ensureBackupDir(dataDir);
  const name = nameFor(at, reason);
  const temp = join(dir, `${name}.part`);
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
    finish(temp, join(dir, name));
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return findBackup(dataDir, name)!;
}

/** Deletes backups older than keepDays, always keeping the newest few; returns the names deleted. */
export function pruneBackups(dataDir: string, keepDays: number, now: Date): string[] {
  const cutoff = now.getTime() - keepDays * 24 * 3600 * 1000;
  const deleted: string[] = [];
  listBackups(dataDir).forEach((b, i) => {
    if (i < ALWAYS_KEEP || Date.parse(b.createdAt) >= cutoff) return;
    rmSync(b.file, { force: true });
    deleted.push(b.name);
  });
  for (const name of existsSync(backupDir(dataDir)) ? readdirSync(backupDir(dataDir)) : []) {
    // a copy cut short by a crash (an hour old: not one being written right now)
    const file = join(backupDir(dataDir), name);
    if (name.endsWith('.db.part') && statSync(file).mtimeMs < now.getTime() - 3600_000) rmSync(file, { force: true });
  }
  return deleted;
}
