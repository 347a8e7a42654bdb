import { spawn, type ChildProcess } from 'node:child_process';

export type CpuHog = { count: number; stop(): Promise<void> };

/**
 * Busy processes beside the browser, one per core asked for, as another program busy on the machine
 * would be. Each spins in plain Node; stop() ends exactly the processes started here, by their ids.
 */
export function startCpuHogs(count: number): CpuHog {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    children.push(spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }));
  }
  return {
    count,
    async stop() {
      await Promise.all(children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      })));
    },
  };
}
