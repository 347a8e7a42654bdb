import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** The real browser station (out/main/serve.js) on a fixed port and token, so it can be killed and started again. */
export function createStationProcess(options: { dataDir: string; port: number; token: string }) {
  let child: ChildProcess | undefined;
  let log = '';

  async function start(): Promise<void> {
    const c = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data-dir', options.dataDir, '--port', String(options.port)], {
      cwd: root, env: { ...process.env, PACKBENCH_TOKEN: options.token }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the station did not start:\n${out}`)), 30_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes('Open: ')) { clearTimeout(timer); resolve(); }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', (d: Buffer) => { out += d.toString(); log += d.toString(); });
      c.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the station exited with ${code}:\n${out}`)); });
    });
    c.removeAllListeners('exit');
  }

  return {
    start,
    /** SIGKILL: no shutdown code runs, exactly like a power cut for the process */
    async kill(): Promise<void> {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async stop(): Promise<void> {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await exited;
    },
    /** resident memory of the station now, in bytes */
    rss(): number {
      try {
        const status = readFileSync(`/proc/${child?.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    errors: () => log,
  };
}
export type StationProcess = ReturnType<typeof createStationProcess>;
