// Raw TCP ("port 9100", JetDirect) printer. One connection per job: ask ~HS, and if the
// printer's own flags say the label cannot come out, refuse before any job byte is sent;
// otherwise write the job and half-close, which is how the printer knows the job is complete.
// Every socket gets an 'error' listener from birth, so a dropped printer never crashes the app.

import net from 'node:net';
import { hostStatusToPrinterStatus, isHostStatusComplete } from './host-status';
import {
  LABEL_KEPT,
  PrinterError,
  refusalFor,
  statusOf,
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
};

const STATUS_QUERY = Buffer.from('~HS', 'latin1');
// A printer closes its side once it has the whole job; if one never does, the bytes are
// already with the OS, so waiting longer would only hold up the packer.
const CLOSE_GRACE_MS = 2000;
// Printers that never answer ~HS would cost statusTimeoutMs on every label; after this many
// silent replies (and never an answer) the pre-send query is skipped.
const SILENT_REPLIES_BEFORE_SKIPPING = 2;

type Link = { socket: net.Socket; lastError(): NodeJS.ErrnoException | undefined };
type Connected = { link: Link } | { problem: PrinterProblem };

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

  type Reply = { bytes: Buffer; how: 'complete' | 'timeout' | 'closed' };

  function readStatus(link: Link): Promise<Reply> {
    const { socket } = link;
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const finish = (how: Reply['how']): void => {
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve({ bytes: Buffer.concat(chunks), how });
      };
      const onData = (chunk: Buffer): void => {
        chunks.push(chunk);
        if (isHostStatusComplete(Buffer.concat(chunks))) finish('complete');
      };
      const onClose = (): void => finish('closed');
      const timer = setTimeout(() => finish('timeout'), statusTimeoutMs);
      socket.on('data', onData);
      socket.once('close', onClose);
      socket.write(STATUS_QUERY);
    });
  }

  function interpret(reply: Reply): PrinterStatus {
    if (reply.bytes.length > 0) {
      everAnswered = true;
      silentReplies = 0;
      return hostStatusToPrinterStatus(who, reply.bytes);
    }
    silentReplies++;
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
      return interpret(await readStatus(connected.link));
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

  function writeJob(link: Link, job: Uint8Array): Promise<void> {
    const { socket } = link;
    return new Promise((resolve, reject) => {
      let finished = false;
      let grace: NodeJS.Timeout | undefined;
      const settle = (err?: PrinterError): void => {
        clearTimeout(timer);
        clearTimeout(grace);
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
      const onClose = (): void => {
        if (finished) {
          settle();
          return;
        }
        const err = link.lastError();
        const code = errnoOf(err);
        if (code === 'ETIMEDOUT') {
          settle(failure('timeout', 'The network connection to it timed out while the label was being sent: check its cable or Wi-Fi.', false, err));
        } else {
          settle(
            failure(
              'offline',
              `It closed the connection while the label was being sent${code ? ` (${code})` : ''}: check its display for an error, or switch it off and on again.`,
              false,
              err,
            ),
          );
        }
      };
      if (socket.destroyed) {
        onClose();
        return;
      }
      socket.once('close', onClose);
      socket.once('finish', () => {
        finished = true;
        clearTimeout(timer);
        grace = setTimeout(() => settle(), CLOSE_GRACE_MS);
      });
      // Reading keeps the socket noticing the printer's own close (its "job received").
      socket.resume();
      socket.write(job);
      socket.end();
    });
  }

  // Raw TCP carries no job name or id; those matter to the caller's records only.
  async function send(job: Uint8Array): Promise<void> {
    const connected = await connect();
    if ('problem' in connected) {
      throw failure(connected.problem.code, connected.problem.words, true);
    }
    let link = connected.link;
    try {
      if (queryStatus && (everAnswered || silentReplies < SILENT_REPLIES_BEFORE_SKIPPING)) {
        const refusal = refusalFor(interpret(await readStatus(link)));
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
    } finally {
      link.socket.destroy();
    }
  }

  return {
    describe: () => who,
    status: () => status().catch((err: unknown) => statusOf(who, [{ code: 'unknown', words: `Its status could not be read (${String(err)}).` }])),
    send: (job: Uint8Array, _meta: PrintJobMeta) => send(job),
  };
}
