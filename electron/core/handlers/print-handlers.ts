import { ScannerSettingsSchema } from '../../../shared/contract/pack';
import type { HandlerMap } from './types';

export const printHandlers: HandlerMap = {
  'printers.list': (_input, { ws }) => ws.repos.print.printers(),
  'printers.save': (input, { ws }) => ws.print.savePrinter(input),
  'printers.status': async (input, { ws }) => {
    const s = await ws.print.status(input.printerId);
    return { ready: s.ready, message: s.message, problems: s.problems.map((p) => ({ code: p.code, words: p.words })) };
  },
  'printers.testPrint': (input, { ws }) => ws.print.testPrint(input.printerId),
  'print.jobs': (input, { ws }) => ws.repos.print.jobs(input.orderId, input.limit),
  'print.job': (input, { ws }) => {
    const job = ws.print.publicJob(input.jobId);
    const printer = ws.repos.print.printer(job.printerId);
    return { ...job, zpl: ws.repos.print.job(input.jobId)!.zpl, dpi: printer?.dpi ?? 203, labelSize: printer?.labelSize ?? '4x6' };
  },
  'print.retry': (input, { ws }) => ws.print.retry(input.jobId),
  'print.reprint': (input, { ws }) => ws.print.reprint(input.jobId),
  'print.moveTo': (input, { ws }) => ws.print.moveTo(input.jobId, input.printerId),
  'print.label': (input, { ws }) => ws.packing.printLabel(input.orderId),
  'station.settings': (_input, { ws }) => ({ scanner: ws.scanner() }),
  'station.saveScanner': (input, { ws }) => {
    const scanner = ScannerSettingsSchema.parse(input);
    ws.repos.settings.set('scanner', scanner);
    return scanner;
  },
};
