import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A CUPS scheduler of the test's own: its configuration, spool and socket live in a temp folder, so it
 * needs no system service and touches no system queue. Clients reach it through CUPS_SERVER.
 */
export type PrivateCups = {
  env: { CUPS_SERVER: string };
  addRawQueue(name: string, uri: string): void;
  run(cmd: string, ...args: string[]): string;
  stop(): Promise<void>;
};

export type CupsStart = { ok: true; cups: PrivateCups } | { ok: false; reason: string };

const CUPSD = ['/usr/sbin/cupsd', '/usr/local/sbin/cupsd'].find((p) => existsSync(p));

export async function startPrivateCups(dir: string): Promise<CupsStart> {
  if (!CUPSD) return { ok: false, reason: 'cupsd is not installed (Debian package "cups"; .ci/run installs it)' };
  for (const tool of ['lp', 'lpstat', 'lpadmin']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return { ok: false, reason: `${tool} is not installed (Debian package "cups-client")` };
  }
  const root = join(dir, 'cups');
  for (const sub of ['spool', 'cache', 'state', 'log', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  // backends run as the unprivileged "lp" user: they must be able to reach the spooled job files
  chmodSync(dir, 0o755);
  for (const sub of ['', 'spool', 'cache', 'state', 'log']) chmodSync(join(root, sub), 0o755);
  chmodSync(join(root, 'tmp'), 0o1777);
  const socket = join(root, 'cups.sock');
  writeFileSync(join(root, 'cups-files.conf'), [
    `ServerRoot ${root}`, `RequestRoot ${root}/spool`, `CacheDir ${root}/cache`, `StateDir ${root}/state`, `TempDir ${root}/tmp`,
    `AccessLog ${root}/log/access_log`, `ErrorLog ${root}/log/error_log`, `PageLog ${root}/log/page_log`, 'Printcap', 'SystemGroup root', '',
  ].join('\n'));
  // only a local socket, no network listener, no browsing, no web interface
  writeFileSync(join(root, 'cupsd.conf'), [
    `Listen ${socket}`, 'LogLevel warn', 'WebInterface No', 'Browsing No', 'DefaultAuthType None',
    '<Location />', '  Order allow,deny', '  Allow all', '</Location>',
    '<Policy default>', '  <Limit All>', '    Order deny,allow', '  </Limit>', '</Policy>', '',
  ].join('\n'));
  const env = { CUPS_SERVER: socket };
  const child: ChildProcess = spawn(CUPSD, ['-f', '-c', join(root, 'cupsd.conf'), '-s', join(root, 'cups-files.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const errorLog = () => (existsSync(join(root, 'log/error_log')) ? readFileSync(join(root, 'log/error_log'), 'utf8').slice(-600) : '');
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) return { ok: false, reason: `cupsd exited with ${child.exitCode}: ${out.trim()} ${errorLog()}`.trim() };
    const r = spawnSync('lpstat', ['-r'], { env: { ...process.env, ...env, LC_ALL: 'C' }, encoding: 'utf8' });
    if (existsSync(socket) && /scheduler is running/.test(r.stdout)) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      return { ok: false, reason: `cupsd did not start within 15 s: ${out.trim()} ${errorLog()}`.trim() };
    }
    await new Promise((r2) => setTimeout(r2, 100));
  }
  const runTool = (cmd: string, ...args: string[]): string => {
    const r = spawnSync(cmd, args, { env: { ...process.env, ...env, LC_ALL: 'C' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  return {
    ok: true,
    cups: {
      env,
      run: runTool,
      addRawQueue(name, uri) {
        // no -m: a raw queue, the bytes reach the device untouched
        runTool('lpadmin', '-p', name, '-E', '-v', uri);
      },
      async stop() {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      },
    },
  };
}
