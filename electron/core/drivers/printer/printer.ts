// One interface for every label printer (network, virtual, fake, and later USB and OS queues).
// Callers only see status words, receipts and PrinterError values, so the packing screen can
// show them as-is.

export type PrinterProblemCode =
  | 'offline'
  | 'timeout'
  | 'paper-out'
  | 'ribbon-out'
  | 'head-open'
  | 'paused'
  | 'buffer-full'
  | 'unknown';

export type PrinterProblem = { code: PrinterProblemCode; words: string };

export type PrinterStatus = { ready: boolean; problems: PrinterProblem[]; message: string };

export type PrintJobMeta = { jobId: string; name: string };

/**
 * What a printer said after it was given a job. A label is "printed" only on a confirmed receipt:
 * the printer itself showed it took the whole job (a status reply sent after the job that shows its
 * buffer drained, a spooler that reports the job completed, a file renamed into place). Bytes handed
 * to the operating system prove nothing: a printer that accepts a connection and never reads still
 * lets a small label "send". Without that proof the receipt is unconfirmed, in words.
 */
export type PrintReceipt =
  | { confirmed: true; how: string }
  | { confirmed: false; words: string };

/**
 * The contract every printer kind follows:
 * - status(): never rejects; problems are words.
 * - send(): rejects with a PrinterError when the job surely did not print (nothingSent says whether
 *   any byte left); resolves with a receipt otherwise, confirmed only on the printer's own proof.
 */
export type RawPrinter = {
  describe(): string;
  status(): Promise<PrinterStatus>;
  send(job: Uint8Array, meta: PrintJobMeta): Promise<PrintReceipt>;
};

export function confirmed(how: string): PrintReceipt {
  return { confirmed: true, how };
}

/** `who` starts the sentence, e.g. "Printer 'Bench Zebra' at 10.0.0.5:9100". */
export function unconfirmed(who: string, why: string): PrintReceipt {
  return {
    confirmed: false,
    words: `${who} ${why} Check whether the label came out: if it did not, press Retry; if it did, it is fine to leave it.`,
  };
}

export const LABEL_KEPT = 'the label is kept and can be reprinted.';

export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  readonly code: PrinterProblemCode;
  readonly problems: PrinterProblem[];
  /** True when no byte of the job reached the printer, so a reprint cannot double up. */
  readonly nothingSent: boolean;

  constructor(args: { code: PrinterProblemCode; message: string; problems?: PrinterProblem[]; nothingSent?: boolean; cause?: unknown }) {
    super(args.message, args.cause === undefined ? undefined : { cause: args.cause });
    this.code = args.code;
    this.problems = args.problems ?? [];
    this.nothingSent = args.nothingSent ?? false;
  }
}

export function isPrinterError(value: unknown): value is PrinterError {
  return value instanceof PrinterError;
}

/** Words for conditions a printer reports itself: one sentence each, saying what to do. */
export const PROBLEM_WORDS: Readonly<Record<Exclude<PrinterProblemCode, 'offline' | 'timeout' | 'unknown'>, string>> = {
  'paper-out': 'It is out of labels: load a new roll and close the print head.',
  'ribbon-out': 'It is out of ribbon: fit a new ribbon and close the print head.',
  'head-open': 'Its print head is open: close it until it clicks.',
  paused: 'It is paused: press PAUSE on the printer to resume.',
  'buffer-full': 'Its receive buffer is full: wait for it to finish the labels it has.',
};

export function problem(code: keyof typeof PROBLEM_WORDS): PrinterProblem {
  return { code, words: PROBLEM_WORDS[code] };
}

// Paper, ribbon, head and pause stop the label coming out. A full buffer only delays it,
// and an unknown status is common (many printers never answer), so neither blocks printing.
const BLOCKING: ReadonlySet<PrinterProblemCode> = new Set(['offline', 'timeout', 'paper-out', 'ribbon-out', 'head-open', 'paused']);

export function isBlocking(p: PrinterProblem): boolean {
  return BLOCKING.has(p.code);
}

function headline(problems: PrinterProblem[]): string {
  const codes = new Set(problems.map((p) => p.code));
  if (codes.has('offline')) return 'is offline.';
  if (codes.has('timeout')) return 'is not responding.';
  if (problems.some(isBlocking)) return 'is not ready.';
  if (codes.has('buffer-full')) return 'is ready but busy.';
  if (problems.length > 0) return 'can take labels.';
  return 'is ready.';
}

/** `who` names the printer, e.g. "Printer 'Bench Zebra' at 10.0.0.5:9100"; the message starts with it. */
export function statusOf(who: string, problems: PrinterProblem[]): PrinterStatus {
  const message = [`${who} ${headline(problems)}`, ...problems.map((p) => p.words)].join(' ');
  return { ready: !problems.some(isBlocking), problems, message };
}

/** The error send() gives when the printer's own status says the label would not come out. */
export function refusalFor(status: PrinterStatus): PrinterError | undefined {
  const blocking = status.problems.filter(isBlocking);
  const first = blocking[0];
  if (first === undefined) return undefined;
  return new PrinterError({
    code: first.code,
    problems: blocking,
    nothingSent: true,
    message: `${status.message} Nothing was sent; ${LABEL_KEPT}`,
  });
}
