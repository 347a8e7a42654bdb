import { AppError } from '../../../shared/contract/errors';
import { publicBackup } from '../services/backup-service';
import { resolveBackup } from '../store/restore';
import type { HandlerMap } from './types';

export const backupHandlers: HandlerMap = {
  'backups.list': (_input, { ws }) => ({ backups: ws.backups.list().map(publicBackup), keepDays: ws.backups.keepDays, folder: ws.backups.folder }),
  'backups.create': async (_input, { ws }) => publicBackup(await backupOrSay(() => ws.backups.create('manual'))),
  'backups.restore': async (input, ctx) => {
    const backup = resolveBackup(ctx.dataDir, input.name);
    // the workspace as it is now is kept first, so a restore can itself be undone
    const kept = await backupOrSay(() => ctx.ws.backups.create('before-restore'));
    ctx.replaceWorkspace({ restore: backup });
    ctx.emit('workspace.changed', {});
    return { restored: publicBackup(backup), kept: publicBackup(kept) };
  },
};

/** A copy that cannot be taken stops what was asked, with words: nothing is replaced without one. */
export async function backupOrSay<T>(take: () => Promise<T>): Promise<T> {
  try {
    return await take();
  } catch (e) {
    console.error('[backups] a backup failed', e);
    throw new AppError('storage', 'Packbench could not take a backup of this workspace, so nothing was changed.',
      'Check that the disk has free space and the data folder is writable, then try again.');
  }
}
