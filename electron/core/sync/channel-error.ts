/**
 * How a channel call failed, classified so the engine knows what to do next. Adapters throw ChannelError for
 * every failure they can name; anything else they throw is treated as `transient` and logged as a bug.
 *
 * | kind          | meaning                                                        | engine does                          |
 * |---------------|----------------------------------------------------------------|--------------------------------------|
 * | offline       | the shop could not be reached; nothing was sent (DNS, refused,  | counts towards "offline since", backs |
 * |               | connect timeout, TLS failure before the request went out)       | off, retries the same row later       |
 * | no_answer     | a WRITE went out but no complete answer came back (timeout,    | marks the row "sent, no answer"; next |
 * |               | reset, truncated reply after the request was sent): it may     | time calls lookupPush BEFORE sending  |
 * |               | have taken effect                                               | again                                 |
 * | transient     | the shop answered with an error that may pass (5xx, garbage    | backs off with jitter, retries        |
 * |               | or truncated JSON on a read, a lock conflict)                   |                                       |
 * | rate_limited  | 429 / THROTTLED; retryAfterMs says how long to wait             | waits exactly that long, no penalty   |
 * | auth          | credentials refused (401/403, revoked key)                      | stops the channel until Settings fix  |
 * | permanent     | the shop refused this change and will again (4xx validation,   | parks the row as failed, in words,    |
 * |               | order deleted on the channel)                                   | with Retry on the Sync screen         |
 *
 * For a READ, use `offline` or `transient`, never `no_answer` (a read has no effect to confirm).
 */
export const CHANNEL_ERROR_KINDS = ['offline', 'no_answer', 'transient', 'rate_limited', 'auth', 'permanent'] as const;
export type ChannelErrorKind = (typeof CHANNEL_ERROR_KINDS)[number];

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  /** a sentence for the shop owner: what happened and what to do. Shown on the Sync screen and the timeline. */
  readonly words: string;
  /** for the log only: method, path, HTTP status, a short excerpt of the reply. Never a credential. */
  readonly detail: string;
  /** for rate_limited (and optionally transient): how long to wait before the next call to this channel */
  readonly retryAfterMs: number | null;
  /** the HTTP status when there was one */
  readonly status: number | null;

  constructor(kind: ChannelErrorKind, words: string, options: { detail?: string; retryAfterMs?: number | null; status?: number | null } = {}) {
    super(words);
    this.name = 'ChannelError';
    this.kind = kind;
    this.words = words;
    this.detail = options.detail ?? '';
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.status = options.status ?? null;
  }
}

export function isChannelError(e: unknown): e is ChannelError {
  return e instanceof ChannelError;
}

/** Any throw from an adapter as a ChannelError: unknown errors are transient (and a bug to log). */
export function asChannelError(e: unknown, channelName: string): ChannelError {
  if (e instanceof ChannelError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ChannelError('transient', `${channelName} gave an answer Packbench could not handle. It will try again.`, { detail: `unexpected: ${message}` });
}
