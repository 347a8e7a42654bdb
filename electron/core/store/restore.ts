import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { findBackup, listBackups, type BackupInfo } from './backups';
import { DB_FILE_NAME } from './db';

export const DB_FILES = ['', '-wal', '-shm'].map((suffix) => DB_FILE_NAME + suffix);

export function resolveBackup(dataDir: string, nameOrLatest: string): BackupInfo {
  const found = nameOrLatest === 'latest' ? listBackups(dataDir)[0] : findBackup(dataDir, nameOrLatest);
  if (!found) {
    throw new AppError('not_found', nameOrLatest === 'latest'
      ? `There is no backup in ${join(dataDir, 'backups')}.`
      : `There is no backup named ${nameOrLatest} in ${join(dataDir, 'backups')}.`,
    'Check the data folder (--data-dir), or list the backups on the Settings screen.');
  }
  return found;
}

/** Copies a backup to packbench.db under a temporary name first, so the file is never half there. */
export function putBackupInPlace(dataDir: string, backup: BackupInfo): void {
  const target = join(dataDir, DB_FILE_NAME);
  const temp = `${target}.restoring`;
  copyFileSync(backup.file, temp);
  chmodSync(temp, 0o600);
  renameSync(temp, target);
}

/**
 * `--restore-backup`: while no Packbench runs, the current database (damaged or not) is moved aside,
 * never deleted, and the backup takes its place.
 */
export function restoreBackupOffline(dataDir: string, nameOrLatest: string, now = new Date()): { backup: string; keptAs: string } {
  const backup = resolveBackup(dataDir, nameOrLatest);
  const suffix = `.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const f of DB_FILES) {
    if (existsSync(join(dataDir, f))) renameSync(join(dataDir, f), join(dataDir, f + suffix));
  }
  try {
    putBackupInPlace(dataDir, backup);
  } catch (e) {
    rmSync(join(dataDir, DB_FILE_NAME), { force: true });
    for (const f of DB_FILES) if (existsSync(join(dataDir, f + suffix))) renameSync(join(dataDir, f + suffix), join(dataDir, f));
    throw new AppError('storage', `The backup ${backup.name} could not be put back (${(e as { code?: string }).code ?? String(e)}). The database is as it was.`,
      'Check the disk has free space and the data folder is writable, then try again.');
  }
  return { backup: backup.name, keptAs: DB_FILE_NAME + suffix };
}
