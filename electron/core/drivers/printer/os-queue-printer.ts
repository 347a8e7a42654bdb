// A label printer reached through one of the computer's print queues. The queue's own state is read
// before a job (a stopped or refusing queue gets nothing); the job is confirmed when the queue
// reports it completed, which for a raw queue means the whole label reached the printer.

import { confirmed, LABEL_KEPT, PrinterError, statusOf, unconfirmed, type PrintJobMeta, type PrintReceipt, type PrinterProblem, type PrinterStatus, type RawPrinter } from './printer';
import { OsQueueError, type OsQueueBackend } from './os-queue';

export type OsQueuePrinterOptions = { name: string; queue: string; backend: OsQueueBackend; confirmTimeoutMs?: number };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function createOsQueuePrinter(options: OsQueuePrinterOptions): RawPrinter {
  const { name, queue, backend } = options;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 20_000;
  const who = `Printer '${name}' (print queue ${queue})`;

  async function problems(): Promise<PrinterProblem[]> {
    let queues;
    try {
      queues = await backend.list();
    } catch (e) {
      const missing = e instanceof OsQueueError && e.code === 'missing';
      return [{ code: 'offline', words: missing
        ? 'This computer has no print system to send it through: install CUPS, or use the printer over USB or the network.'
        : `The computer's print system did not answer (${e instanceof Error ? e.message : String(e)}): check that CUPS is running.` }];
    }
    const q = queues.find((x) => x.name === queue);
    if (!q) return [{ code: 'offline', words: `There is no print queue called ${queue} on this computer: set it up again in the system printer settings, or choose another printer.` }];
    const out: PrinterProblem[] = [];
    if (q.state === 'stopped') {
      out.push({ code: 'paused', words: `Its print queue is stopped${q.reason ? ` (${q.reason})` : ''}: fix the printer, then resume the queue in the system printer settings (or run: cupsenable ${queue}).` });
    }
    if (!q.accepting) out.push({ code: 'paused', words: `Its print queue refuses new jobs: accept jobs again in the system printer settings (or run: cupsaccept ${queue}).` });
    return out;
  }

  async function status(): Promise<PrinterStatus> {
    return statusOf(who, await problems());
  }

  async function send(job: Uint8Array, meta: PrintJobMeta): Promise<PrintReceipt> {
    const now = statusOf(who, await problems());
    const blocking = now.problems[0];
    if (!now.ready && blocking) {
      throw new PrinterError({ code: blocking.code, problems: now.problems, nothingSent: true, message: `${now.message} Nothing was sent; ${LABEL_KEPT}` });
    }
    let jobId: string;
    try {
      jobId = await backend.submit(queue, job, `Packbench ${meta.name}`);
    } catch (e) {
      const p: PrinterProblem = { code: 'offline', words: `Its print queue refused the label (${e instanceof Error ? e.message : String(e)}).` };
      throw new PrinterError({ code: 'offline', problems: [p], nothingSent: true, message: `${statusOf(who, [p]).message} Nothing was printed; ${LABEL_KEPT}`, cause: e });
    }
    const end = Date.now() + confirmTimeoutMs;
    for (let wait = 50; Date.now() < end; wait = Math.min(500, wait * 2)) {
      const state = await backend.jobState(queue, jobId).catch(() => 'unknown' as const);
      if (state === 'completed') return confirmed(`the print queue reports job ${jobId} completed.`);
      await sleep(wait);
    }
    return unconfirmed(who, `has the label (job ${jobId}) but has not finished sending it to the printer within ${Math.round(confirmTimeoutMs / 1000)} s; check the printer and its queue.`);
  }

  return { describe: () => who, status, send };
}
