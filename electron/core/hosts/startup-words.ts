import { AppError } from '../../../shared/contract/errors';

/**
 * What to tell a person when the station cannot start: one sentence of what happened and one of
 * what to do. A stack trace never reaches them; the technical detail is one line at the end.
 */
export function startupFailure(e: unknown, context: { host: string; port: number }): { message: string; hint: string; detail?: string } {
  if (e instanceof AppError) return { message: e.message, hint: e.hint ?? '' };
  const code = (e as { code?: string }).code ?? '';
  const detail = e instanceof Error ? `${code ? `${code}: ` : ''}${e.message}` : String(e);
  if (code === 'EADDRINUSE') {
    return {
      message: `Port ${context.port} on ${context.host} is already in use, by another Packbench station or another program.`,
      hint: 'Stop the other one, or start this station with another port (--port 0 picks a free one).',
    };
  }
  if (code === 'EADDRNOTAVAIL') {
    return {
      message: `This computer has no address ${context.host}, so the station cannot listen there.`,
      hint: 'Leave --host out to listen on 127.0.0.1, or give one of this computer\'s own addresses.',
    };
  }
  if (code === 'EACCES' && context.port > 0 && context.port < 1024) {
    return {
      message: `Port ${context.port} is reserved for the system on this computer.`,
      hint: 'Choose a port above 1023 with --port, or --port 0 for any free one.',
    };
  }
  if (code === 'ENOSPC') {
    return { message: 'The disk is full, so Packbench could not start.', hint: 'Free some space on the disk, then start again.', detail };
  }
  return { message: 'Packbench could not start because of an unexpected problem.', hint: 'Start it again; if this repeats, report it with the line below.', detail };
}
