// Pacing for one shop: Shopify's leaky bucket as the last reply described it (throttleStatus: maximum,
// currently available, restore rate), refilled by the clock since. A request waits until the bucket
// holds its full requested cost, so it is never sent only to be throttled; requests to one shop go one
// at a time so the estimate stays exact. A THROTTLED answer (another app instance spent the bucket)
// corrects the estimate, and the wait is exactly what the restore rate needs.

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type GateStats = { requests: number; throttled: number; waitedMs: number; pointsRequested: number; pointsSpent: number };

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  if (signal?.aborted) { reject(signal.reason); return; }
  const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
  const onAbort = () => { clearTimeout(timer); reject(signal!.reason); };
  signal?.addEventListener('abort', onAbort, { once: true });
});

export class RateGate {
  /** Shopify's smallest plan, until the first reply says otherwise */
  private max = 1000;
  private rate = 50;
  private available = 1000;
  private at = performance.now();
  private known = false;
  private tail: Promise<unknown> = Promise.resolve();
  readonly stats: GateStats = { requests: 0, throttled: 0, waitedMs: 0, pointsRequested: 0, pointsSpent: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Points the bucket holds now, by the last reply and the restore rate since. */
  estimate(): number {
    return Math.min(this.max, this.available + ((this.now() - this.at) / 1000) * this.rate);
  }

  get maximum(): number { return this.max; }
  get restoreRate(): number { return this.rate; }
  get hasReply(): boolean { return this.known; }

  /** How long until the bucket holds `cost`, in ms (0 when it does). */
  waitFor(cost: number): number {
    const short = cost - this.estimate();
    return short <= 0 ? 0 : Math.ceil((short / this.rate) * 1000);
  }

  observe(status: ThrottleStatus | null | undefined): void {
    if (!status || !Number.isFinite(status.currentlyAvailable) || !(status.restoreRate > 0) || !(status.maximumAvailable > 0)) return;
    this.max = status.maximumAvailable;
    this.rate = status.restoreRate;
    this.available = status.currentlyAvailable;
    this.at = this.now();
    this.known = true;
  }

  /**
   * Runs `send` when the bucket can pay `cost`, one request at a time. `send` returns the reply's
   * throttle status (if any) so the next request is paced by it.
   */
  run<T>(cost: number, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const turn = this.tail.then(async () => {
      const wait = this.waitFor(Math.min(cost, this.max));
      if (wait > 0) { this.stats.waitedMs += wait; await sleep(wait, signal); }
      // the request takes its cost now; the reply's status replaces this guess
      this.available = this.estimate() - cost;
      this.at = this.now();
      this.stats.requests++;
      this.stats.pointsRequested += cost;
      return send();
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** The wait a THROTTLED reply asks for: what is missing, at the restore rate. */
  static throttledWaitMs(requested: number, status: ThrottleStatus): number {
    return Math.max(0, Math.ceil(((requested - status.currentlyAvailable) / status.restoreRate) * 1000));
  }
}

/** One gate per shop and token, shared by every adapter made for it (hub mode makes several). */
const gates = new Map<string, RateGate>();
export function gateFor(key: string): RateGate {
  let gate = gates.get(key);
  if (!gate) { gate = new RateGate(); gates.set(key, gate); }
  return gate;
}
