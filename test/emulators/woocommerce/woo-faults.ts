// Fault injection for the channel emulators: at a set rate, a request meets one of the ways a real shop
// (or the road to it) fails. Some faults strike before the request is applied, some after — the "it
// happened but you never heard" cases are the ones that break exactly-once.

export const FAULT_KINDS = ['latency', '429', '5xx', 'timeout', 'reset', 'truncated', 'garbage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultSettings = {
  /** 0..1: the share of requests that meet a fault */
  rate: number;
  kinds: FaultKind[];
  /** extra delay for a 'latency' fault, ms */
  slowMs: number;
  /** reproducible runs */
  seed: number;
};

/** When a fault strikes: 'before' the shop acts on the request, or 'after' it did. */
export type FaultPlan = { kind: FaultKind; when: 'before' | 'after' } | null;

/** mulberry32: small, seeded, good enough to spread faults */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultPlanner(initial: Partial<FaultSettings> = {}) {
  let settings: FaultSettings = { rate: 0, kinds: [...FAULT_KINDS], slowMs: 800, seed: 1, ...initial };
  let random = seededRandom(settings.seed);
  /** one-off faults queued by a test: the next matching requests get exactly these */
  const queued: Array<{ match: RegExp; method: string | null; plan: NonNullable<FaultPlan> }> = [];
  let injected = 0;

  return {
    configure(patch: Partial<FaultSettings>) {
      settings = { ...settings, ...patch };
      if (patch.seed !== undefined) random = seededRandom(patch.seed);
    },
    settings: () => settings,
    /** the next request whose path matches gets this fault (once) */
    queue(match: RegExp, kind: FaultKind, when: 'before' | 'after' = 'before', method: string | null = null) {
      queued.push({ match, method, plan: { kind, when } });
    },
    plan(method: string, path: string): FaultPlan {
      const i = queued.findIndex((q) => q.match.test(path) && (q.method === null || q.method === method));
      if (i >= 0) { injected++; return queued.splice(i, 1)[0]!.plan; }
      if (settings.rate <= 0 || !settings.kinds.length || random() >= settings.rate) return null;
      injected++;
      const kind = settings.kinds[Math.floor(random() * settings.kinds.length)]!;
      // refusals happen before the shop acts; lost, cut or mangled answers may come after it did
      const when = kind === '429' || kind === '5xx' || kind === 'latency' ? 'before' : random() < 0.5 ? 'before' : 'after';
      return { kind, when };
    },
    injected: () => injected,
  };
}
export type FaultPlanner = ReturnType<typeof createFaultPlanner>;
