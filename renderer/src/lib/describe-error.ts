import { isAppError } from '../../../shared/contract/errors';

export type Notice = { tone: 'error' | 'info'; message: string; hint?: string; code?: string };

/**
 * Turns anything thrown into words a packer can act on. AppErrors carry the core's own words;
 * anything else is a bug in this screen, so we say so without leaking a stack trace.
 */
export function describeError(error: unknown): Notice {
  if (isAppError(error)) {
    return { tone: 'error', code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error && typeof error.message === 'string') {
    const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : undefined;
    return { tone: 'error', code: String(error.code), message: error.message, ...(hint ? { hint } : {}) };
  }
  console.error('[packbench] unexpected error in the screen', error);
  return {
    tone: 'error',
    message: 'This screen hit an unexpected problem. Nothing was changed by it.',
    hint: 'Try again; if it repeats, reload the page.',
  };
}

/** Field-level messages from a refused form (path -> words), or an empty record. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (isAppError(error) && error.fields) return error.fields;
  return {};
}
