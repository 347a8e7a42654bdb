import { z } from 'zod';
import { command, query } from './define';
import { IsoTime } from './orders';

export const BACKUP_REASONS = ['daily', 'before-migration', 'before-reset', 'before-restore', 'manual'] as const;

export const BackupSchema = z.object({
  name: z.string(),
  createdAt: IsoTime,
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
});
export type Backup = z.infer<typeof BackupSchema>;

const Empty = z.object({}).strict().default({});

/** Copies of the workspace database: listed, taken on request, and put back (the current one is kept first). */
export const backupMethods = {
  'backups.list': query(Empty, z.object({ backups: z.array(BackupSchema), keepDays: z.number().int(), folder: z.string() })),
  'backups.create': command(Empty, BackupSchema),
  'backups.restore': command(
    z.object({ name: z.string().min(1, 'Choose a backup to restore').max(200), confirm: z.literal(true) }),
    z.object({ restored: BackupSchema, kept: BackupSchema }),
  ),
} as const;
