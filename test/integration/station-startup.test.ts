import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const root = new URL('../..', import.meta.url).pathname;
const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => { while (dirs.length) dirs.pop()!.remove(); });

/** The browser station from source, as `npm run serve` runs it; resolves with what it printed once it stops or prints its address. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const data = tempDir();
  dirs.push(data);
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/core/hosts/serve.ts'), '--data-dir', data.path, ...args], {
    cwd: root, env: { ...process.env, PACKBENCH_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/Open: http/.test(out)) { child.kill('SIGTERM'); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

const noStack = (out: string) => expect(out).not.toMatch(/^\s+at /m);

describe('the station says in words why it cannot start', () => {
  let blocker: Server | undefined;
  afterEach(async () => { await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r())); blocker = undefined; });

  it('a port already in use', async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const { code, out } = await serve(['--port', String(port)]);
    expect(code).toBe(1);
    expect(out).toContain(`Packbench could not start: Port ${port} on 127.0.0.1 is already in use, by another Packbench station or another program.`);
    expect(out).toContain('--port 0 picks a free one');
    noStack(out);
  });

  it('a token on the command line (visible in ps) is refused; a short one from the environment too; a file works', async () => {
    const onCommandLine = await serve(['--token', '0123456789abcdef0123456789abcdef']);
    expect(onCommandLine.code).toBe(1);
    expect(onCommandLine.out).toContain('A token given with --token can be read by every user of this computer');
    expect(onCommandLine.out).toContain('PACKBENCH_TOKEN');
    noStack(onCommandLine.out);

    const short = await serve([], { PACKBENCH_TOKEN: 'a' });
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/The station token is too short/);

    const file = join(tempDir().path, 'token');
    writeFileSync(file, '0123456789abcdef0123456789abcdef\n', { mode: 0o600 });
    const fromFile = await serve(['--token-file', file]);
    expect(fromFile.out).toContain('?token=0123456789abcdef0123456789abcdef');
  }, 120_000); // three station starts, each compiling the TypeScript sources with tsx

  it('a data folder that cannot be created, without a stack trace', async () => {
    const parent = tempDir();
    dirs.push(parent);
    writeFileSync(join(parent.path, 'file'), 'x');
    const { code, out } = await serve(['--data-dir', join(parent.path, 'file', 'Packbench')]);
    expect(code).toBe(1);
    expect(out).toMatch(/Packbench could not start: Packbench cannot create its data folder .*part of that path is a file/);
    noStack(out);
  });
});
