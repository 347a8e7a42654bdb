// The computer's own print queues (CUPS on Linux and macOS), used raw: the label bytes go through
// the queue untouched (`lp -o raw`), so any printer the OS can reach (USB through its driver,
// network, shared) prints Packbench labels. Read and driven with the CUPS command-line tools in the
// C locale, the interface CUPS keeps stable. Windows has its own spooler (RAW datatype): see
// resources/windows/README.md; it is not driven from here.

import { spawn } from 'node:child_process';

export type OsQueue = {
  name: string;
  /** idle, printing, or stopped (disabled) by the OS, usually after a printer error */
  state: 'idle' | 'printing' | 'stopped';
  accepting: boolean;
  /** why it is stopped or refusing, as CUPS says it */
  reason: string;
};

export type OsJobState = 'pending' | 'completed' | 'unknown';

export type OsQueueBackend = {
  readonly name: string;
  list(): Promise<OsQueue[]>;
  submit(queue: string, job: Uint8Array, title: string): Promise<string>;
  jobState(queue: string, jobId: string): Promise<OsJobState>;
};

export type CupsOptions = {
  /** extra environment, e.g. CUPS_SERVER for a private scheduler */
  env?: Record<string, string> | undefined;
  timeoutMs?: number;
};

type Run = { code: number | null; stdout: string; stderr: string };

export class OsQueueError extends Error {
  override readonly name = 'OsQueueError';
  constructor(message: string, readonly code: 'missing' | 'refused' | 'timeout') {
    super(message);
  }
}

function run(cmd: string, args: string[], options: CupsOptions, input?: Uint8Array): Promise<Run> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, { env: { ...process.env, ...options.env, LC_ALL: 'C', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new OsQueueError(`${cmd} did not answer within ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s`, 'timeout'));
    }, options.timeoutMs ?? 10_000);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new OsQueueError(`the "${cmd}" command is not installed`, 'missing') : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // a tool that exits early closes its input
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/**
 * `lpstat -p` and `lpstat -a` in the C locale:
 *   printer NAME is idle.  enabled since …      printer NAME now printing NAME-7.  enabled since …
 *   printer NAME disabled since … -             (the reason follows, indented, on the next line)
 *   NAME accepting requests since …             NAME not accepting requests since … -
 */
export function parseLpstat(printers: string, accepting: string): OsQueue[] {
  const queues = new Map<string, OsQueue>();
  let last: OsQueue | null = null;
  for (const line of printers.split('\n')) {
    const m = /^printer (\S+) (is idle|now printing|disabled)/.exec(line);
    if (m) {
      last = { name: m[1]!, state: m[2] === 'is idle' ? 'idle' : m[2] === 'now printing' ? 'printing' : 'stopped', accepting: true, reason: '' };
      queues.set(last.name, last);
    } else if (last && /^\s+\S/.test(line) && !/^\s*(Description|Alerts|Location|Connection|Interface|On fault|After fault|Users|Forms|Banner|Charset|Printer types|Content types|Default pitch|Default page|Default port|Options|Form mounted|Before|Description):/.test(line)) {
      last.reason = [last.reason, line.trim()].filter(Boolean).join(' ');
    }
  }
  for (const line of accepting.split('\n')) {
    const m = /^(\S+) (not )?accepting requests/.exec(line);
    const q = m ? queues.get(m[1]!) : undefined;
    if (q && m?.[2]) q.accepting = false;
  }
  return [...queues.values()];
}

export function createCupsBackend(options: CupsOptions = {}): OsQueueBackend {
  return {
    name: 'CUPS',
    async list() {
      const p = await run('lpstat', ['-p'], options);
      // no queue at all is not an error: lpstat says so on stderr with a non-zero code
      if (p.code !== 0 && !/No destinations added|no system default/i.test(p.stderr)) {
        throw new OsQueueError(p.stderr.trim() || `lpstat failed (${p.code})`, 'refused');
      }
      const a = await run('lpstat', ['-a'], options);
      return parseLpstat(p.stdout, a.stdout);
    },
    async submit(queue, job, title) {
      const r = await run('lp', ['-d', queue, '-o', 'raw', '-t', title], options, job);
      const m = /request id is (\S+)/.exec(r.stdout);
      if (r.code !== 0 || !m) throw new OsQueueError((r.stderr || r.stdout).trim() || `lp failed (${r.code})`, 'refused');
      return m[1]!;
    },
    async jobState(queue, jobId) {
      const listed = (out: string) => out.split('\n').some((l) => l.split(/\s+/)[0] === jobId);
      const done = await run('lpstat', ['-W', 'completed', '-o', queue], options);
      if (listed(done.stdout)) return 'completed';
      const open = await run('lpstat', ['-W', 'not-completed', '-o', queue], options);
      return listed(open.stdout) ? 'pending' : 'unknown';
    },
  };
}
