import type { Printer, PrintJob } from '../../../shared/contract/pack';
import type { Db } from './db';

export type JobStatus = PrintJob['status'];
export type NewPrintJob = {
  printerId: number; orderId: number | null; sessionId: number | null; parcelNo: number | null; kind: 'label' | 'test' | 'pick_list'; zpl: string; at: string;
  reprintOf?: number | null; notice?: string;
};

export function createPrintRepo(db: Db) {
  const c = db.$client;
  const printerColumns = 'id, name, kind, host, port, dpi, label_size AS labelSize, folder, is_default AS isDefault, language, offset_x AS offsetX, offset_y AS offsetY, device';
  type PrinterRow = Omit<Printer, 'isDefault'> & { isDefault: number };
  const toPrinter = (r: PrinterRow): Printer => ({ ...r, isDefault: r.isDefault === 1 });
  const jobColumns = `j.id, j.order_id AS orderId, o.number AS orderNumber, j.parcel_no AS parcelNo, j.printer_id AS printerId,
    p.name AS printerName, j.kind, j.status, j.error, j.notice, j.reprint_of AS reprintOf,
    j.attempts, j.created_at AS createdAt, j.updated_at AS updatedAt`;
  const jobFrom = 'print_jobs j JOIN printers p ON p.id = j.printer_id LEFT JOIN orders o ON o.id = j.order_id';

  return {
    printers(): Printer[] {
      return (c.prepare(`SELECT ${printerColumns} FROM printers ORDER BY id`).all() as PrinterRow[]).map(toPrinter);
    },
    printer(id: number): Printer | undefined {
      const r = c.prepare(`SELECT ${printerColumns} FROM printers WHERE id = ?`).get(id) as PrinterRow | undefined;
      return r ? toPrinter(r) : undefined;
    },
    defaultPrinter(): Printer | undefined {
      const r = c.prepare(`SELECT ${printerColumns} FROM printers ORDER BY is_default DESC, id LIMIT 1`).get() as PrinterRow | undefined;
      return r ? toPrinter(r) : undefined;
    },
    savePrinter(p: Omit<Printer, 'id'> & { id?: number | undefined }): number {
      const row = { ...p, isDefault: p.isDefault ? 1 : 0 };
      if (p.isDefault) c.prepare('UPDATE printers SET is_default = 0').run();
      if (p.id) {
        c.prepare(`UPDATE printers SET name = @name, kind = @kind, host = @host, port = @port, dpi = @dpi, label_size = @labelSize,
          folder = @folder, is_default = @isDefault, language = @language, offset_x = @offsetX, offset_y = @offsetY, device = @device WHERE id = @id`).run(row);
        return p.id;
      }
      return Number(c.prepare(`INSERT INTO printers (name, kind, host, port, dpi, label_size, folder, is_default, language, offset_x, offset_y, device)
        VALUES (@name, @kind, @host, @port, @dpi, @labelSize, @folder, @isDefault, @language, @offsetX, @offsetY, @device)`).run(row).lastInsertRowid);
    },
    createJob(j: NewPrintJob): number {
      return Number(c.prepare(`INSERT INTO print_jobs (printer_id, order_id, session_id, parcel_no, kind, zpl, created_at, updated_at, reprint_of, notice)
        VALUES (@printerId, @orderId, @sessionId, @parcelNo, @kind, @zpl, @at, @at, @reprintOf, @notice)`).run({ reprintOf: null, notice: '', ...j }).lastInsertRowid);
    },
    /** how many copies were made of job `id` so far (the original not counted) */
    reprintCount(id: number): number {
      return (c.prepare('SELECT count(*) AS n FROM print_jobs WHERE reprint_of = ?').get(id) as { n: number }).n;
    },
    /** the first label printed for this order's parcel, if any: printing it again is a reprint */
    firstLabelFor(orderId: number, parcelNo: number): { id: number } | undefined {
      return c.prepare(`SELECT id FROM print_jobs WHERE order_id = ? AND parcel_no = ? AND kind = 'label' AND reprint_of IS NULL AND zpl <> ''
        ORDER BY id LIMIT 1`).get(orderId, parcelNo) as { id: number } | undefined;
    },
    job(id: number): (PrintJob & { zpl: string }) | undefined {
      return c.prepare(`SELECT ${jobColumns}, j.zpl FROM ${jobFrom} WHERE j.id = ?`).get(id) as (PrintJob & { zpl: string }) | undefined;
    },
    jobs(orderId: number | undefined, limit: number): PrintJob[] {
      return c.prepare(`SELECT ${jobColumns} FROM ${jobFrom} ${orderId ? 'WHERE j.order_id = @orderId' : ''} ORDER BY j.id DESC LIMIT @limit`)
        .all({ orderId, limit }) as PrintJob[];
    },
    jobsForSession(sessionId: number): PrintJob[] {
      return c.prepare(`SELECT ${jobColumns} FROM ${jobFrom} WHERE j.session_id = ? ORDER BY j.id`).all(sessionId) as PrintJob[];
    },
    jobIdsWithStatus(status: JobStatus): number[] {
      return (c.prepare('SELECT id FROM print_jobs WHERE status = ? ORDER BY id').all(status) as Array<{ id: number }>).map((r) => r.id);
    },
    /** the job goes to another printer, waiting to be sent there */
    moveJob(id: number, printerId: number, at: string) {
      c.prepare(`UPDATE print_jobs SET printer_id = ?, status = 'queued', error = '', updated_at = ? WHERE id = ?`).run(printerId, at, id);
    },
    setStatus(id: number, status: JobStatus, error: string, at: string, countAttempt = false) {
      c.prepare(`UPDATE print_jobs SET status = ?, error = ?, updated_at = ?, attempts = attempts + ? WHERE id = ?`).run(status, error, at, countAttempt ? 1 : 0, id);
    },
  };
}
export type PrintRepo = ReturnType<typeof createPrintRepo>;
