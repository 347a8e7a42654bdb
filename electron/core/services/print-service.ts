import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Printer, PrintJob } from '../../../shared/contract/pack';
import { isoNow, type Clock } from '../clock';
import { createTcpPrinter, createVirtualPrinter, isPrinterError, type PrinterStatus, type RawPrinter } from '../drivers/printer';
import { jobBytes } from '../labels/byte-text';
import { renderCalibrationLabel } from '../labels/calibration-label';
import { LANGUAGE_NAMES } from '../labels/printer-language';
import { withReprintMark } from '../labels';
import type { Repos } from '../store';


export const VIRTUAL_PRINTER_NAME = 'Virtual label printer';
export type PrinterFactory = (printer: Printer) => RawPrinter;
type Extras = 'language' | 'offsetX' | 'offsetY' | 'device';
export type SavePrinter = Omit<Printer, 'id' | Extras> & Partial<Pick<Printer, Extras>> & { id?: number | undefined };
const PRINTER_DEFAULTS = { language: 'zpl', offsetX: 0, offsetY: 0, device: '' } as const;
type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The real drivers: a folder of .zpl/.png files, or a network printer on raw TCP 9100. */
export function defaultPrinterFactory(printer: Printer): RawPrinter {
  return printer.kind === 'tcp'
    ? createTcpPrinter({ host: printer.host, port: printer.port, name: printer.name })
    : createVirtualPrinter({ dir: printer.folder, name: printer.name, dpmm: printer.dpi === 300 ? 12 : 8 });
}

/**
 * Print jobs are rows first and bytes on the wire second: a job is written (queued) in the transaction
 * that makes it, then sent in the background. A printer that is off fails its job with words and
 * keeps the bytes for a retry; it never holds up the bench or the next order.
 */
export function createPrintService(repos: Repos, clock: Clock, emit: Emit, dataDir: string, factory: PrinterFactory = defaultPrinterFactory, actor: () => string = () => 'station') {
  const drivers = new Map<string, RawPrinter>();
  const chains = new Map<number, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  function driverFor(printer: Printer): RawPrinter {
    // cached per configuration: a network driver remembers that its printer never answers ~HS
    const key = JSON.stringify(printer);
    let d = drivers.get(key);
    if (!d) { d = factory(printer); drivers.set(key, d); }
    return d;
  }

  /** Always one printer to send to: the virtual one, until the shop sets up a real one. */
  function ensureDefaultPrinter(): void {
    if (repos.print.printers().length) return;
    repos.print.savePrinter({ name: VIRTUAL_PRINTER_NAME, kind: 'virtual', host: '', port: 9100, dpi: 203, labelSize: '4x6', folder: join(dataDir, 'labels'), isDefault: true, ...PRINTER_DEFAULTS });
  }

  /** The first label's bytes with "REPRINT n" and the time added where the layout keeps room for it. */
  function markReprint(zpl: string, firstJobId: number, printer: Pick<Printer, 'labelSize' | 'dpi'>): string {
    return withReprintMark(zpl, { size: printer.labelSize, dpi: printer.dpi, copy: repos.print.reprintCount(firstJobId) + 1, at: isoNow(clock) });
  }

  function publicJob(id: number): PrintJob {
    const j = repos.print.job(id);
    if (!j) throw new AppError('not_found', `Print job ${id} does not exist.`, 'Reload the Printing screen.');
    const { zpl: _zpl, ...job } = j;
    return job;
  }

  function changed(id: number) {
    const j = repos.print.job(id);
    if (j) emit('print.jobChanged', { jobId: id, status: j.status, message: j.error });
  }

  /** Sends one job; jobs for the same printer go one after another, other printers are not held up. */
  function dispatch(jobId: number): Promise<void> {
    const job = repos.print.job(jobId);
    if (!job) return Promise.resolve();
    const previous = chains.get(job.printerId) ?? Promise.resolve();
    const run = previous.then(() => send(jobId));
    const tail = run.catch(() => undefined);
    chains.set(job.printerId, tail);
    inFlight.add(tail);
    void tail.finally(() => inFlight.delete(tail));
    return tail;
  }

  async function send(jobId: number): Promise<void> {
    try {
      await sendOrThrow(jobId);
    } catch (e) {
      // The store itself failed (disk full, database gone): a job must never sit "queued" in silence.
      console.error(`[print] job ${jobId} could not be recorded`, e);
      const words = 'Packbench could not record this label\'s progress (the database could not be written). The label is kept; check the disk has free space, then press Retry.';
      try {
        repos.print.setStatus(jobId, 'failed', words, isoNow(clock));
      } catch {
        // the screen still hears it, and recover() sends a queued job again at the next start
      }
      emit('print.jobChanged', { jobId, status: 'failed', message: words });
    }
  }

  async function sendOrThrow(jobId: number): Promise<void> {
    const job = repos.print.job(jobId);
    if (!job || job.status === 'done') return;
    const printer = repos.print.printer(job.printerId);
    if (!job.zpl) return; // a label that could not be laid out stays failed with its words
    if (!printer) {
      repos.print.setStatus(jobId, 'failed', 'Its printer was removed. Choose another printer and reprint.', isoNow(clock));
      changed(jobId);
      return;
    }
    repos.print.setStatus(jobId, 'sending', '', isoNow(clock), true);
    changed(jobId);
    try {
      const receipt = await driverFor(printer).send(jobBytes(job.zpl), { jobId: String(jobId), name: job.orderNumber ? `order-${job.orderNumber}` : `job-${jobId}` });
      if (receipt.confirmed) repos.print.setStatus(jobId, 'done', '', isoNow(clock));
      else repos.print.setStatus(jobId, 'unconfirmed', receipt.words, isoNow(clock));
    } catch (e) {
      const words = isPrinterError(e) ? e.message
        : `Printer '${printer.name}' failed: ${e instanceof Error ? e.message : String(e)}. The label is kept; retry it when the printer is ready.`;
      repos.print.setStatus(jobId, 'failed', words, isoNow(clock));
    }
    changed(jobId);
  }

  return {
    ensureDefaultPrinter,
    dispatch,
    publicJob,
    /** resolves when every job sent so far has finished (tests and shutdown) */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    /** Call inside the caller's transaction: the job exists exactly when the change that made it does. */
    createLabelJob(args: { orderId: number; sessionId: number; parcelNo: number; zpl: string; printerId: number; notice?: string }): number {
      return repos.print.createJob({ ...args, kind: 'label', at: isoNow(clock) });
    },
    markReprint,
    defaultPrinter(): Printer {
      ensureDefaultPrinter();
      return repos.print.defaultPrinter()!;
    },
    retry(jobId: number): PrintJob {
      const job = publicJob(jobId);
      if (job.status === 'done') throw new AppError('conflict', `Job ${jobId} already printed.`, 'Use Reprint to print another copy.');
      if (job.status === 'sending') throw new AppError('conflict', `Job ${jobId} is being sent right now.`, 'Wait a moment; it will show printed or failed.');
      if (!repos.print.job(jobId)!.zpl) throw new AppError('conflict', 'This label was never laid out, so it cannot be sent.', job.error);
      repos.print.setStatus(jobId, 'queued', '', isoNow(clock));
      void dispatch(jobId);
      return publicJob(jobId);
    },
    /**
     * A label stuck on a printer that is off, jammed or gone goes to another one: the same job, so the
     * bench and the list follow it. Its bytes were laid out for the first printer's language, resolution
     * and label size; another printer takes them only when it matches, else it would print garbage.
     */
    moveTo(jobId: number, printerId: number): PrintJob {
      const job = repos.print.job(jobId);
      if (!job) throw new AppError('not_found', `Print job ${jobId} does not exist.`, 'Reload the Printing screen.');
      if (job.status === 'done') throw new AppError('conflict', `${job.printerName} already printed job ${jobId}.`, 'Use Print a copy for another one.');
      if (job.status === 'sending') throw new AppError('conflict', `Job ${jobId} is being sent to ${job.printerName} right now.`, 'Wait a moment; it will show printed or failed.');
      if (!job.zpl) throw new AppError('conflict', 'This label was never laid out, so it cannot be sent.', job.error);
      const to = repos.print.printer(printerId);
      if (!to) throw new AppError('not_found', `Printer ${printerId} does not exist.`, 'Reload the printer list.');
      if (to.id === job.printerId) throw new AppError('conflict', `Job ${jobId} is already for ${to.name}.`, 'Press Retry to send it there again.');
      const from = repos.print.printer(job.printerId);
      if (from && (from.language !== to.language || from.dpi !== to.dpi || from.labelSize !== to.labelSize)) {
        const profile = (p: Printer) => `${LANGUAGE_NAMES[p.language]} at ${p.dpi} dpi on ${p.labelSize} in labels`;
        throw new AppError('conflict',
          `This label was laid out for ${from.name} (${profile(from)}); ${to.name} prints ${profile(to)}, so these bytes would come out wrong there.`,
          job.kind === 'label' && job.orderId !== null
            ? `Make ${to.name} the default printer (Settings → Printers), then print the order's label again from the order; nothing was sent.`
            : 'Nothing was sent. Choose a printer of the same kind.');
      }
      repos.transaction(() => {
        repos.print.moveJob(jobId, to.id, isoNow(clock));
        if (job.orderId !== null) {
          repos.orders.addEvent(job.orderId, 'label_moved', actor(), `Label job ${jobId} moved from ${job.printerName} to ${to.name}${job.error ? ` (${job.status === 'unconfirmed' ? 'not confirmed' : 'failed'} there)` : ''}.`, { jobId, from: job.printerId, to: to.id }, isoNow(clock));
        }
      });
      changed(jobId);
      void dispatch(jobId);
      return publicJob(jobId);
    },
    reprint(jobId: number): PrintJob {
      const asked = repos.print.job(jobId);
      if (!asked) throw new AppError('not_found', `Print job ${jobId} does not exist.`);
      // a copy of a copy is another copy of the first label, from its unmarked bytes
      const job = asked.reprintOf !== null ? (repos.print.job(asked.reprintOf) ?? asked) : asked;
      if (!job.zpl) throw new AppError('conflict', 'This label was never laid out, so there is nothing to reprint.', job.error);
      const printer = repos.print.printer(job.printerId);
      const zpl = job.kind === 'label' && printer ? markReprint(job.zpl, job.id, printer) : job.zpl;
      // the same printer: the bytes were laid out for its size and resolution
      const id = repos.print.createJob({
        printerId: job.printerId, orderId: job.orderId, sessionId: null, parcelNo: job.parcelNo, kind: job.kind, zpl, at: isoNow(clock),
        reprintOf: job.kind === 'label' ? job.id : null, notice: job.notice,
      });
      void dispatch(id);
      return publicJob(id);
    },
    testPrint(printerId: number): PrintJob {
      const printer = repos.print.printer(printerId);
      if (!printer) throw new AppError('not_found', `Printer ${printerId} does not exist.`, 'Reload the printer list.');
      // the calibration label, in the printer's own language and with its offset applied
      const zpl = renderCalibrationLabel(printer.name, printer, clock.now());
      const id = repos.print.createJob({ printerId, orderId: null, sessionId: null, parcelNo: null, kind: 'test', zpl, at: isoNow(clock) });
      void dispatch(id);
      return publicJob(id);
    },
    async status(printerId: number): Promise<PrinterStatus> {
      const printer = repos.print.printer(printerId);
      if (!printer) throw new AppError('not_found', `Printer ${printerId} does not exist.`);
      return driverFor(printer).status();
    },
    savePrinter(p: SavePrinter): Printer {
      const folder = p.kind === 'virtual' && !p.folder ? join(dataDir, 'labels') : p.folder;
      const id = repos.transaction(() => {
        const before = p.id ? repos.print.printer(p.id) : undefined;
        if (p.id && !before) throw new AppError('not_found', `Printer ${p.id} does not exist.`);
        // language, calibration and device are kept unless the caller names them
        const kept = { ...PRINTER_DEFAULTS, ...(before ? { language: before.language, offsetX: before.offsetX, offsetY: before.offsetY, device: before.device } : {}) };
        const given = Object.fromEntries(Object.entries({ language: p.language, offsetX: p.offsetX, offsetY: p.offsetY, device: p.device }).filter(([, v]) => v !== undefined));
        return repos.print.savePrinter({ ...p, folder, ...kept, ...given });
      });
      return repos.print.printer(id)!;
    },
    /**
     * After a crash: queued jobs were never sent, so they go now; a job caught mid-send may or may not
     * have printed, so it is failed with words and left to the packer to reprint.
     */
    recover(): void {
      for (const id of repos.print.jobIdsWithStatus('sending')) {
        repos.print.setStatus(id, 'failed', 'Packbench stopped while this label was being sent. Check whether it printed; retry it if not.', isoNow(clock));
      }
      for (const id of repos.print.jobIdsWithStatus('queued')) void dispatch(id);
    },
  };
}
export type PrintService = ReturnType<typeof createPrintService>;
