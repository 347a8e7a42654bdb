import type { PrintJob } from '../../../shared/contract/pack';
import type { Db } from './db';

/** The last finished job of each printer: its outcome is the printer's state the Devices screen shows. */
export function createPrinterHealthRepo(db: Db) {
  const c = db.$client;
  return {
    lastFinished(printerId: number): Pick<PrintJob, 'id' | 'status' | 'error' | 'updatedAt'> | undefined {
      return c.prepare(`SELECT id, status, error, updated_at AS updatedAt FROM print_jobs
        WHERE printer_id = ? AND status IN ('done', 'failed', 'unconfirmed') ORDER BY updated_at DESC, id DESC LIMIT 1`).get(printerId) as Pick<PrintJob, 'id' | 'status' | 'error' | 'updatedAt'> | undefined;
    },
  };
}
