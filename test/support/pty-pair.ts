import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real pseudo-terminal pair from socat: the app opens `device` as it would /dev/ttyACM0, and the
 * test writes what a serial scanner sends into `host`. Stopping socat removes both ends, as pulling
 * the scanner's cable removes its port; starting it again on the same names is plugging it back in.
 */
export type PtyPair = { device: string; host: string; write(bytes: string | Uint8Array): void; stop(): Promise<void>; start(): Promise<void> };

export async function startPtyPair(dir: string, name = 'scanner'): Promise<PtyPair> {
  const device = join(dir, `${name}-tty`);
  const host = join(dir, `${name}-host`);
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    let log = '';
    const c = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${host}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
    child = c;
    const until = Date.now() + 10_000;
    while (!(existsSync(device) && existsSync(host) && /starting data transfer loop/.test(log))) {
      if (c.exitCode !== null) throw new Error(`socat exited: ${log}`);
      if (Date.now() > until) throw new Error(`socat did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  await start();
  return {
    device,
    host,
    write(bytes) {
      const fd = openSync(host, 'w');
      try {
        writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
      } finally {
        closeSync(fd);
      }
    },
    async stop() {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
    start,
  };
}
