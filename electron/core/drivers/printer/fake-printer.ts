// In-memory printer for tests and the browser demo. It refuses and fails with the same
// PrinterError values as the TCP printer, so code written against it behaves the same on
// the bench.

import { systemClock, type Clock } from '../../clock';
import {
  confirmed,
  LABEL_KEPT,
  PrinterError,
  unconfirmed,
  problem,
  refusalFor,
  statusOf,
  type PrintJobMeta,
  type PrinterProblem,
  type PrinterProblemCode,
  type PrinterStatus,
  type RawPrinter,
} from './printer';

/** 'unconfirmed': takes the job but never shows it printed, like a printer that accepts and never reads. */
export type FakePrinterCondition = 'ready' | 'unconfirmed' | PrinterProblemCode;

export type FakePrintJob = { bytes: Uint8Array; text: string; meta: PrintJobMeta; receivedAt: string };

export type FakePrinter = RawPrinter & {
  readonly jobs: FakePrintJob[];
  condition(): FakePrinterCondition;
  setCondition(condition: FakePrinterCondition): void;
};

function problemFor(condition: Exclude<FakePrinterCondition, 'ready' | 'unconfirmed'>): PrinterProblem {
  switch (condition) {
    case 'offline':
      return { code: 'offline', words: 'It did not answer: check it is switched on and on the network.' };
    case 'timeout':
      return { code: 'timeout', words: 'It accepted the connection but did not take the label: check its display.' };
    case 'unknown':
      return { code: 'unknown', words: 'It did not answer the status query, so paper and print head could not be checked.' };
    default:
      return problem(condition);
  }
}

export function createFakePrinter(options: { name?: string; clock?: Clock } = {}): FakePrinter {
  const who = `Printer '${options.name ?? 'Fake printer'}' (in memory)`;
  const clock = options.clock ?? systemClock;
  const jobs: FakePrintJob[] = [];
  let current: FakePrinterCondition = 'ready';

  function status(): PrinterStatus {
    return statusOf(who, current === 'ready' || current === 'unconfirmed' ? [] : [problemFor(current)]);
  }

  return {
    jobs,
    condition: () => current,
    setCondition(condition) {
      current = condition;
    },
    describe: () => who,
    status: async () => status(),
    async send(job, meta) {
      const now = status();
      if (current === 'timeout') {
        const p = problemFor('timeout');
        throw new PrinterError({
          code: 'timeout',
          problems: [p],
          message: `${now.message} Part of the label may already be at the printer; ${LABEL_KEPT}`,
        });
      }
      const refusal = refusalFor(now);
      if (refusal !== undefined) throw refusal;
      const bytes = Uint8Array.from(job);
      jobs.push({ bytes, text: Buffer.from(bytes).toString('utf8'), meta: { ...meta }, receivedAt: clock.now().toISOString() });
      if (current === 'unconfirmed') return unconfirmed(who, 'took the label but never showed that it printed it.');
      return confirmed('The in-memory printer recorded the label.');
    },
  };
}
