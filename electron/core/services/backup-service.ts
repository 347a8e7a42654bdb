import type Database from 'better-sqlite3';
import type { Backup } from '../../../shared/contract/backups-api';
import type { Clock } from '../clock';
import { backupDir, createBackup, DEFAULT_KEEP_DAYS, listBackups, pruneBackups, type BackupInfo, type BackupReason } from '../store/backups';

export type BackupOptions = {
  keepDays?: number;
  /** the first daily check comes this long after opening (a quick start and stop takes no copy) */
  firstCheckMs?: number;
  checkEveryMs?: number;
};

const DAY_MS = 24 * 3600 * 1000;

export function publicBackup(b: BackupInfo): Backup {
  return { name: b.name, createdAt: b.createdAt, reason: b.reason, sizeBytes: b.sizeBytes };
}

/** Daily copies while the workspace is open, and copies on request; old ones are pruned after each. */
export function createBackupService(sqlite: Database.Database, dataDir: string, clock: Clock, options: BackupOptions = {}) {
  const keepDays = options.keepDays ?? DEFAULT_KEEP_DAYS;
  let running: Promise<BackupInfo> | undefined;
  let closed = false;

  async function create(reason: BackupReason): Promise<BackupInfo> {
    // one copy at a time: a second request waits for the first and then takes its own
    while (running) await running.catch(() => undefined);
    const job = createBackup(sqlite, dataDir, reason, clock.now());
    running = job;
    try {
      const info = await job;
      pruneBackups(dataDir, keepDays, clock.now());
      return info;
    } finally {
      running = undefined;
    }
  }

  async function dailyCheck(): Promise<void> {
    if (closed) return;
    const newest = listBackups(dataDir)[0];
    if (newest && clock.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return;
    try {
      await create('daily');
    } catch (e) {
      if (!closed) console.error('[backups] the daily backup failed; it is tried again within the hour', e);
    }
  }

  const first = setTimeout(() => void dailyCheck(), options.firstCheckMs ?? 60_000);
  const every = setInterval(() => void dailyCheck(), options.checkEveryMs ?? 3600_000);
  first.unref();
  every.unref();

  return {
    folder: backupDir(dataDir),
    keepDays,
    list: () => listBackups(dataDir),
    create,
    dailyCheck,
    /** stops the timers; a copy in progress is left to fail and clean up after itself */
    async close(): Promise<void> {
      closed = true;
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => undefined);
    },
    stopTimers(): void {
      closed = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
