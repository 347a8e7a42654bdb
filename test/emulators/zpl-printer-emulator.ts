// A Zebra-like raw TCP printer on 127.0.0.1 for tests. It answers ~HS the way the ZPL II
// guide describes (three <STX>…<ETX><CR><LF> strings) and records everything else a client
// sends before half-closing as one job. The reply is built here, not with the app's parser,
// so a test cannot pass by agreeing with itself.

import net from 'node:net';

export type EmulatorState = {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  bufferFull: boolean;
  /** Many printers never answer ~HS; false makes this one silent too. */
  answerStatus: boolean;
};

export type ReceivedJob = { bytes: Buffer; text: string; receivedAt: string };

export type ZplPrinterEmulator = {
  host: string;
  port: number;
  jobs: ReceivedJob[];
  statusQueries: () => number;
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

function hostStatusReply(s: EmulatorState): string {
  // String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l — 9600 baud 8N1, label 1218 dots (6 in at 203 dpi).
  const one = `030,${flag(s.paperOut)},${flag(s.paused)},1218,000,${flag(s.bufferFull)},0,0,000,0,0,0`;
  // String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www — thermal transfer, tear-off mode.
  const two = `001,0,${flag(s.headOpen)},${flag(s.ribbonOut)},1,2,6,0,00000000,1,000`;
  // String 3: xxxx,y — password, static RAM installed.
  const three = '1234,0';
  return [one, two, three].map((line) => `${STX}${line}${ETX}\r\n`).join('');
}

function stripLeadingQueries(bytes: Buffer): Buffer {
  let at = 0;
  for (;;) {
    while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at++;
    if (bytes.subarray(at, at + QUERY.length).toString('latin1') !== QUERY) return bytes.subarray(at);
    at += QUERY.length;
  }
}

function isLabel(text: string): boolean {
  const start = text.indexOf('^XA');
  return start !== -1 && text.indexOf('^XZ', start) !== -1;
}

export async function startZplPrinterEmulator(options: { port?: number } = {}): Promise<ZplPrinterEmulator> {
  const host = '127.0.0.1';
  const state: EmulatorState = { paperOut: false, paused: false, headOpen: false, ribbonOut: false, bufferFull: false, answerStatus: true };
  const jobs: ReceivedJob[] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  let queries = 0;

  function onConnection(socket: net.Socket): void {
    sockets.add(socket);
    let received = Buffer.alloc(0);
    let scanned = 0;
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const bytes = stripLeadingQueries(received);
      const text = bytes.toString('utf8');
      if (!isLabel(text)) return;
      jobs.push({ bytes: Buffer.from(bytes), text, receivedAt: new Date().toISOString() });
      for (const wake of waiters) wake();
    };
    socket.on('error', () => {
      // A client that resets the connection is normal for status probes.
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      // ~HS is a tilde command, acted on as soon as it arrives, even between labels.
      for (let at = text.indexOf(QUERY, scanned); at !== -1; at = text.indexOf(QUERY, at + QUERY.length)) {
        queries++;
        if (state.answerStatus && socket.writable) socket.write(hostStatusReply(state), 'latin1');
        scanned = at + QUERY.length;
      }
      scanned = Math.max(scanned, text.length - (QUERY.length - 1));
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

  const server = net.createServer({ allowHalfOpen: true }, onConnection);
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
    setState(patch) {
      Object.assign(state, patch);
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
    },
  };
}
