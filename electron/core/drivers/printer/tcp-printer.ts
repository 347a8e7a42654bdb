// Raw TCP ("port 9100", JetDirect) printer. One connection per job: ask ~HS, and if the
// printer's own flags say the label cannot come out, refuse before any job byte is sent;
// otherwise write the job, ask ~HS again behind it until its buffer is empty (the proof it took
// and printed the label), then half-close. A printer that never answers ~HS confirms a job by
// closing its side after reading it; one that does neither leaves the job unconfirmed.
// Every socket gets an 'error' listener from birth, so a dropped printer never crashes the app.

import net from 'node:net';
import { HOST_STATUS_REPLY_LIMIT, hostStatusProblems, hostStatusToPrinterStatus, parseHostStatus, type HostStatusResult } from './host-status';
import {
  confirmed,
  isBlocking,
  LABEL_KEPT,
  PrinterError,
  refusalFor,
  statusOf,
  unconfirmed,
  type PrintReceipt,
  type PrintJobMeta,
  type PrinterProblem,
  type PrinterProblemCode,
  type PrinterStatus,
  type RawPrinter,
} from './printer';

export type TcpPrinterOptions = {
  host: string;
  port?: number;
  name: string;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  queryStatus?: boolean;
  /** How long to wait, after the job, for the printer to show it took and printed it. */
  confirmTimeoutMs?: number;
  /** How long to wait for the printer to close its side after the job. */
  closeGraceMs?: number;
};

const STATUS_QUERY = Buffer.from('~HS', 'latin1');
const ETX = 0x03;
const CONFIRM_POLL_MS = 200;
// Printers that never answer ~HS would cost statusTimeoutMs on every label; after this many
// silent replies (and never an answer) the pre-send query is skipped.
const SILENT_REPLIES_BEFORE_SKIPPING = 2;

type Link = { socket: net.Socket; lastError(): NodeJS.ErrnoException | undefined };
type Connected = { link: Link } | { problem: PrinterProblem };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function errnoOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

export function createTcpPrinter(options: TcpPrinterOptions): RawPrinter {
  const { host, name } = options;
  const port = options.port ?? 9100;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 5000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1500;
  const queryStatus = options.queryStatus ?? true;
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 5000;
  const closeGraceMs = options.closeGraceMs ?? 2000;
  const who = `Printer '${name}' at ${host}:${port}`;

  let everAnswered = false;
  let silentReplies = 0;

  function connectProblem(err: unknown): PrinterProblem {
    const code = errnoOf(err);
    const offline = (words: string): PrinterProblem => ({ code: 'offline', words });
    switch (code) {
      case 'ECONNREFUSED':
        return offline(`It refused the connection on port ${port}: check it is switched on and finished starting up, and that the port is right.`);
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
      case 'EHOSTDOWN':
        return offline('It cannot be reached on the network: check its cable or Wi-Fi, and that this computer is on the same network.');
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return offline(`Its address "${host}" could not be found: check the printer address in the printer settings.`);
      case 'ETIMEDOUT':
        return offline('It did not answer: check it is switched on and on the network.');
      case 'ECONNRESET':
        return offline('It dropped the connection straight away: switch it off and on again.');
      case 'ERR_SOCKET_BAD_PORT':
      case 'ERR_INVALID_ARG_TYPE':
      case 'ERR_INVALID_ARG_VALUE':
        return offline(`Its address is not valid (${code}): check the host and port in the printer settings.`);
      default:
        return offline(`The connection failed (${code ?? String(err)}): check it is switched on and on the network.`);
    }
  }

  function connect(): Promise<Connected> {
    return new Promise((resolve) => {
      let socket: net.Socket;
      try {
        socket = net.createConnection({ host, port });
      } catch (err) {
        resolve({ problem: connectProblem(err) });
        return;
      }
      let lastError: NodeJS.ErrnoException | undefined;
      socket.on('error', (err: NodeJS.ErrnoException) => {
        lastError = err;
      });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({
          problem: { code: 'offline', words: `It did not answer within ${seconds(connectTimeoutMs)}: check it is switched on and on the network.` },
        });
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('close', onEarlyClose);
        resolve({ link: { socket, lastError: () => lastError } });
      });
      const onEarlyClose = (): void => {
        clearTimeout(timer);
        resolve({ problem: connectProblem(lastError) });
      };
      socket.once('close', onEarlyClose);
    });
  }

  type Reply = { bytes: Buffer; how: 'complete' | 'timeout' | 'closed' | 'too-long' };

  /**
   * Asks ~HS and reads the reply, keeping at most HOST_STATUS_REPLY_LIMIT bytes: a device that
   * streams without end (not a label printer, or a broken one) is cut off, never buffered.
   */
  function readStatus(link: Link, timeoutMs: number): Promise<Reply> {
    const { socket } = link;
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let ends = 0;
      const finish = (how: Reply['how']): void => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve({ bytes: Buffer.concat(chunks, size), how });
      };
      const onData = (chunk: Buffer): void => {
        if (size + chunk.length > HOST_STATUS_REPLY_LIMIT) {
          finish('too-long');
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
        for (const byte of chunk) if (byte === ETX) ends++;
        if (ends >= 3) finish('complete');
      };
      const onClose = (): void => finish('closed');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      socket.on('data', onData);
      socket.once('close', onClose);
      if (socket.destroyed) {
        finish('closed');
        return;
      }
      socket.write(STATUS_QUERY);
    });
  }

  function interpret(reply: Reply): PrinterStatus {
    if (reply.how === 'too-long') {
      return statusOf(who, [{
        code: 'unknown',
        words: `It answered the status query with more than ${HOST_STATUS_REPLY_LIMIT} bytes, far more than a label printer sends, so the reply was not read: check the address and port in the printer settings.`,
      }]);
    }
    if (reply.bytes.length > 0) {
      everAnswered = true;
      silentReplies = 0;
      return hostStatusToPrinterStatus(who, reply.bytes);
    }
    const words =
      reply.how === 'closed'
        ? 'It closed the connection without answering the status query, so paper and print head could not be checked.'
        : `It did not answer the status query within ${seconds(statusTimeoutMs)} (many printers never do), so paper and print head could not be checked.`;
    return statusOf(who, [{ code: 'unknown', words }]);
  }

  async function status(): Promise<PrinterStatus> {
    const connected = await connect();
    if ('problem' in connected) return statusOf(who, [connected.problem]);
    try {
      return interpret(await readStatus(connected.link, statusTimeoutMs));
    } finally {
      connected.link.socket.destroy();
    }
  }

  function failure(code: PrinterProblemCode, words: string, nothingSent: boolean, cause?: unknown): PrinterError {
    const tail = nothingSent
      ? `Nothing was sent; ${LABEL_KEPT}`
      : `Part of the label may already be at the printer; ${LABEL_KEPT}`;
    const head = statusOf(who, [{ code, words }]).message;
    return new PrinterError({ code, message: `${head} ${tail}`, problems: [{ code, words }], nothingSent, cause });
  }

  /** Writes the job; rejects when the printer will not take it (write stuck, connection dropped). */
  function writeJob(link: Link, job: Uint8Array): Promise<void> {
    const { socket } = link;
    return new Promise((resolve, reject) => {
      const settle = (err?: PrinterError): void => {
        clearTimeout(timer);
        socket.off('close', onClose);
        if (err === undefined) resolve();
        else reject(err);
      };
      const timer = setTimeout(() => {
        settle(
          failure(
            'timeout',
            `It accepted the connection but did not take the label within ${seconds(writeTimeoutMs)}: it may be busy, jammed or waiting for a button press. Check its display.`,
            false,
          ),
        );
      }, writeTimeoutMs);
      const onClose = (): void => settle(droppedWhileSending(link));
      if (socket.destroyed) {
        settle(droppedWhileSending(link));
        return;
      }
      socket.once('close', onClose);
      // The callback fires once the bytes are with the operating system: written, not yet printed.
      socket.write(job, (err) => {
        if (err === undefined || err === null) settle();
      });
    });
  }

  function droppedWhileSending(link: Link): PrinterError {
    const err = link.lastError();
    const code = errnoOf(err);
    if (code === 'ETIMEDOUT') {
      return failure('timeout', 'The network connection to it timed out while the label was being sent: check its cable or Wi-Fi.', false, err);
    }
    return failure(
      'offline',
      `It closed the connection while the label was being sent${code ? ` (${code})` : ''}: check its display for an error, or switch it off and on again.`,
      false,
      err,
    );
  }

  /**
   * After the job: a ~HS sent behind it is answered only once the printer has read everything before
   * it, and its "formats in buffer" and "labels remaining" fields say whether the label was printed.
   * Undefined when the printer does not answer, so the caller can fall back to its close.
   */
  async function confirmByStatus(link: Link, onSilent: () => void): Promise<PrintReceipt | undefined> {
    const deadline = Date.now() + confirmTimeoutMs;
    let waitingReply: HostStatusResult | undefined;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const reply = await readStatus(link, remaining);
      if (reply.how === 'too-long') {
        return unconfirmed(who, 'sent a status reply after the label that was far too long to be one, so it is not known whether the label printed.');
      }
      if (reply.bytes.length === 0) {
        if (waitingReply === undefined) {
          onSilent();
          return undefined;
        }
        break;
      }
      everAnswered = true;
      silentReplies = 0;
      const parsed = parseHostStatus(reply.bytes);
      if (!parsed.ok) {
        return unconfirmed(who, `took the label, but its status reply after it could not be read (${parsed.reason}), so it is not known whether it printed.`);
      }
      const waiting = (parsed.host.formatsInBuffer ?? 0) + (parsed.host.labelsRemaining ?? 0);
      if (waiting === 0 && parsed.host.partialFormat !== true) {
        return confirmed('The printer read the whole label and reported its buffer empty.');
      }
      waitingReply = parsed;
      await sleep(Math.min(CONFIRM_POLL_MS, Math.max(0, deadline - Date.now())));
    }
    const blocking = waitingReply === undefined ? [] : hostStatusProblems(waitingReply).filter(isBlocking);
    const why = blocking.length > 0
      ? `has the label in its memory but has not printed it: ${blocking.map((p) => p.words).join(' ')}`
      : `has the label in its memory but had not printed it after ${seconds(confirmTimeoutMs)}.`;
    return unconfirmed(who, why);
  }

  /** Half-closes and waits for the printer to close its side too: its "whole job received". */
  function closeAndWait(link: Link): Promise<{ peerClosedCleanly: boolean }> {
    const { socket } = link;
    return new Promise((resolve) => {
      let peerEnded = false;
      const onEnd = (): void => {
        peerEnded = true;
      };
      const done = (): void => {
        clearTimeout(timer);
        socket.off('end', onEnd);
        socket.off('close', done);
        resolve({ peerClosedCleanly: peerEnded && link.lastError() === undefined });
      };
      const timer = setTimeout(done, closeGraceMs);
      if (socket.readableEnded) peerEnded = true;
      if (socket.destroyed) {
        done();
        return;
      }
      socket.on('end', onEnd);
      socket.once('close', done);
      // Reading keeps the socket noticing the printer's own close.
      socket.resume();
      socket.end();
    });
  }

  // Raw TCP carries no job name or id; those matter to the caller's records only.
  async function send(job: Uint8Array): Promise<PrintReceipt> {
    const connected = await connect();
    if ('problem' in connected) {
      throw failure(connected.problem.code, connected.problem.words, true);
    }
    let link = connected.link;
    // Unanswered queries count towards "this printer never answers ~HS" only when the same
    // connection shows the printer alive (it read the job and closed): a hung printer answers
    // nothing either, and must still be asked once it is back, so its labels are confirmed.
    let unanswered = 0;
    try {
      const asks = queryStatus && (everAnswered || silentReplies < SILENT_REPLIES_BEFORE_SKIPPING);
      if (asks) {
        const reply = await readStatus(link, statusTimeoutMs);
        if (reply.how !== 'too-long' && reply.bytes.length === 0) unanswered++;
        const refusal = refusalFor(interpret(reply));
        if (refusal !== undefined) throw refusal;
        if (!link.socket.writable) {
          // The printer hung up after answering; a fresh connection for the job is harmless.
          link.socket.destroy();
          const again = await connect();
          if ('problem' in again) throw failure(again.problem.code, again.problem.words, true);
          link = again.link;
        }
      }
      await writeJob(link, job);
      const byStatus = asks ? await confirmByStatus(link, () => unanswered++) : undefined;
      const { peerClosedCleanly } = await closeAndWait(link);
      if (peerClosedCleanly && !everAnswered) silentReplies += unanswered;
      if (byStatus !== undefined) return byStatus;
      if (peerClosedCleanly) return confirmed('The printer read the whole label and then closed the connection, as it does when a job is complete.');
      return unconfirmed(
        who,
        everAnswered
          ? 'took the connection but did not answer the status check after the label, so it is not known whether it printed.'
          : 'accepted the connection but never showed that it read the label: it did not answer a status check and did not close the connection.',
      );
    } finally {
      link.socket.destroy();
    }
  }

  return {
    describe: () => who,
    status: () => status().catch((err: unknown) => statusOf(who, [{ code: 'unknown', words: `Its status could not be read (${String(err)}).` }])),
    send: (job: Uint8Array, _meta: PrintJobMeta): Promise<PrintReceipt> => send(job),
  };
}
