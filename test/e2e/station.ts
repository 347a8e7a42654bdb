import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Station = { url: string; origin: string; token: string; dataDir: string; process: ChildProcess; stop(): Promise<void> };

const root = new URL('../..', import.meta.url).pathname;

/** Starts the real browser station (`out/main/serve.js`, as `npm run serve` does) on a free loopback port. */
export async function startStation(options: { dataDir?: string; env?: Record<string, string>; port?: number; args?: string[] } = {}): Promise<Station> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'packbench-e2e-'));
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data-dir', dataDir, '--port', String(options.port ?? 0), ...(options.args ?? [])], {
    cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start:\n${log}`)), 20_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /Open: (http:\/\/\S+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`station exited with ${code}:\n${log}`)); });
  });
  // a station that dies in the middle of a test says why in the test output, not only "Connection lost"
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n[e2e] the station on ${url.split('?')[0]} exited by itself (code ${code}, signal ${signal}); its last output:\n${log.slice(-20_000)}\n`);
  });
  const parsed = new URL(url);
  return {
    url, origin: parsed.origin, token: parsed.searchParams.get('token')!, dataDir, process: child,
    async stop() {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Each test gets its own station and its own data folder, so tests never share state. */
export const test = base.extend<{ station: Station }>({
  station: async ({}, use) => {
    const station = await startStation();
    await use(station);
    await station.stop();
  },
});
export { expect } from '@playwright/test';
