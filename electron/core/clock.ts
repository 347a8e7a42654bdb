/** Time comes from here so tests can pin it; always UTC ISO-8601. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
