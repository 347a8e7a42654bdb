/**
 * Exponential backoff with jitter: attempt 1 waits about `baseMs`, each next one twice as long, capped at
 * `maxMs`; the wait is drawn from [half, full] so many rows failing together do not retry together.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}
