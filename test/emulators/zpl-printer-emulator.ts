// A Zebra-like raw TCP printer on 127.0.0.1 for tests. It answers ~HS the way the ZPL II
// guide describes (three <STX>…<ETX><CR><LF> strings) and records everything else a client
// sends before half-closing as one job. The reply is built here, not with the app's parser,
// so a test cannot pass by agreeing with itself.
// Each complete format (^XA…^XZ) sits in its receive buffer ("eee" in ~HS string 1) until it is
// printed, which takes printMs and waits while the printer is paused, out of paper or open.
// Faults: switched off (stop), silent (never answers ~HS), and acceptNeverRead: a printer that
// takes the TCP connection and never reads a byte, the way a hung one does.

import net from 'node:net';

export type EmulatorState = {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  bufferFull: boolean;
  /** Many printers never answer ~HS; false makes this one silent too. */
  answerStatus: boolean;
  /** New connections are accepted and never read or answered, like a hung printer. */
  acceptNeverRead: boolean;
  /** How long one label takes to print once the printer can print. */
  printMs: number;
};

export type ReceivedJob = { bytes: Buffer; text: string; receivedAt: string };

export type ZplPrinterEmulator = {
  host: string;
  port: number;
  jobs: ReceivedJob[];
  statusQueries: () => number;
  /** Labels that came out of the printer (formats printed), not only received. */
  printed: () => number;
  setState(patch: Partial<EmulatorState>): void;
  waitForJobs(n: number, timeoutMs?: number): Promise<ReceivedJob[]>;
  stop(): Promise<void>;
  /** Listens again on the same port, like a printer switched back on. */
  restart(): Promise<void>;
};

const STX = '\x02';
const ETX = '\x03';
const QUERY = '~HS';

function flag(on: boolean): string {
  return on ? '1' : '0';
}

function hostStatusReply(s: EmulatorState, formats: number): string {
  // String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l — 9600 baud 8N1, label 1218 dots (6 in at 203 dpi).
  const one = `030,${flag(s.paperOut)},${flag(s.paused)},1218,${String(Math.min(formats, 999)).padStart(3, '0')},${flag(s.bufferFull)},0,0,000,0,0,0`;
  // String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www — thermal transfer, tear-off mode.
  const two = `001,0,${flag(s.headOpen)},${flag(s.ribbonOut)},1,2,6,0,00000000,1,000`;
  // String 3: xxxx,y — password, static RAM installed.
  const three = '1234,0';
  return [one, two, three].map((line) => `${STX}${line}${ETX}\r\n`).join('');
}

/** The job without the ~HS queries a client sends before it (pre-check) and after it (confirmation). */
function stripQueries(bytes: Buffer): Buffer {
  let at = 0;
  let end = bytes.length;
  for (;;) {
    while (at < end && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
    if (bytes.subarray(at, at + QUERY.length).toString('latin1') !== QUERY) break;
    at += QUERY.length;
  }
  // line ends are dropped only with the query they stand beside: the job's own last line end is the job's
  for (;;) {
    let e = end;
    while (e > at && (bytes[e - 1] === 0x0d || bytes[e - 1] === 0x0a)) e--;
    if (e - at < QUERY.length || bytes.subarray(e - QUERY.length, e).toString('latin1') !== QUERY) break;
    end = e - QUERY.length;
  }
  return bytes.subarray(at, end);
}

function isLabel(text: string): boolean {
  const start = text.indexOf('^XA');
  return start !== -1 && text.indexOf('^XZ', start) !== -1;
}

export async function startZplPrinterEmulator(options: { port?: number } = {}): Promise<ZplPrinterEmulator> {
  const host = '127.0.0.1';
  const state: EmulatorState = {
    paperOut: false, paused: false, headOpen: false, ribbonOut: false, bufferFull: false, answerStatus: true, acceptNeverRead: false, printMs: 0,
  };
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  let queries = 0;
  let inBuffer = 0;
  let printed = 0;
  let printing: NodeJS.Timeout | undefined;

  const canPrint = (): boolean => !state.paused && !state.paperOut && !state.headOpen && !(state.ribbonOut);
  function printNext(): void {
    if (printing !== undefined || inBuffer === 0 || !canPrint()) return;
    printing = setTimeout(() => {
      printing = undefined;
      if (canPrint() && inBuffer > 0) {
        inBuffer--;
        printed++;
      }
      printNext();
    }, state.printMs);
  }

  function onConnection(socket: net.Socket): void {
    sockets.add(socket);
    socket.on('error', () => {
      // A client that resets the connection is normal for status probes.
    });
    if (state.acceptNeverRead) {
      // paused from birth (pauseOnConnect): the bytes stay in the kernel, nothing answers
      socket.on('close', () => sockets.delete(socket));
      return;
    }
    socket.resume();
    let received = Buffer.alloc(0);
    let scanned = 0;
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const bytes = stripQueries(received);
      const text = bytes.toString('utf8');
      if (!isLabel(text)) return;
      jobs.push({ bytes: Buffer.from(bytes), text, receivedAt: new Date().toISOString() });
      for (const wake of waiters) wake();
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      // In stream order: a format is in the buffer once its ^XZ arrives; ~HS (a tilde command) is
      // answered as soon as it arrives, so its reply counts every format received before it.
      for (;;) {
        const query = text.indexOf(QUERY, scanned);
        const end = text.indexOf('^XZ', scanned);
        if (query === -1 && end === -1) break;
        if (end !== -1 && (query === -1 || end < query)) {
          inBuffer++;
          scanned = end + 3;
          printNext();
          continue;
        }
        queries++;
        if (state.answerStatus && socket.writable) socket.write(hostStatusReply(state, inBuffer), 'latin1');
        scanned = query + QUERY.length;
      }
      scanned = Math.max(scanned, text.length - 2);
    });
    socket.on('end', () => {
      record();
      socket.end();
    });
    socket.on('close', () => {
      record();
      sockets.delete(socket);
    });
  }

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, onConnection);
  server.on('error', () => {
    // listen() failures surface through listen's own promise below.
  });

  function listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  const port = await listen(options.port ?? 0);

  return {
    host,
    port,
    jobs,
    statusQueries: () => queries,
    printed: () => printed,
    setState(patch) {
      Object.assign(state, patch);
      printNext();
    },
    waitForJobs(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (jobs.length < n) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(jobs.slice());
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`Emulator on port ${port} received ${jobs.length} of ${n} expected job(s) within ${timeoutMs} ms.`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    stop() {
      clearTimeout(printing);
      printing = undefined;
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
      });
    },
    async restart() {
      await listen(port);
      printNext();
    },
  };
}
