// Fault injection: at a set rate (seeded, so a failing run can be repeated), or scripted one by one
// for a named operation. A fault strikes either before the request is handled (nothing was applied) or
// after it (the shop applied the change but the client never learns it), which is the case that makes
// "exactly once" hard.

export type FaultKind = 'latency' | 'http429' | 'http5xx' | 'timeout' | 'reset' | 'truncated' | 'garbage';
export const FAULT_KINDS: FaultKind[] = ['latency', 'http429', 'http5xx', 'timeout', 'reset', 'truncated', 'garbage'];

export type FaultSettings = {
  /** share of requests that get a fault, 0..1 */
  rate: number;
  kinds: FaultKind[];
  /** share of the faults that strike after the request was applied (not for latency or 429) */
  afterShare: number;
  /** added to every request, in ms */
  baseLatencyMs: number;
  /** extra delay of a `latency` fault, in ms */
  latencyMs: number;
  seed: number;
};

/** A scripted fault for the next request whose operation name (or mutation field) matches. */
export type ScriptedFault = { kind: FaultKind; after?: boolean; operation?: string };

export type Fault = { kind: FaultKind; after: boolean };

export const NO_FAULTS: FaultSettings = { rate: 0, kinds: FAULT_KINDS, afterShare: 0.5, baseLatencyMs: 0, latencyMs: 300, seed: 1 };

/** mulberry32: small, fast and good enough to spread faults evenly and repeatably. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaults(initial: Partial<FaultSettings> = {}) {
  let settings: FaultSettings = { ...NO_FAULTS, ...initial };
  let random = seeded(settings.seed);
  const script: ScriptedFault[] = [];
  const injected: Array<Fault & { operation: string }> = [];

  function matches(spec: ScriptedFault, operation: string, query: string): boolean {
    return !spec.operation || spec.operation === operation || new RegExp(`\\b${spec.operation}\\s*\\(`).test(query);
  }

  return {
    get settings() { return settings; },
    injected,
    configure(next: Partial<FaultSettings>) {
      settings = { ...settings, ...next };
      if (next.seed !== undefined) random = seeded(next.seed);
    },
    /** Queues faults that strike the next matching requests, in order. */
    script(...faults: ScriptedFault[]) { script.push(...faults); },
    clear() { script.length = 0; settings = { ...settings, rate: 0 }; },
    /** Decides the fault for one request, if any. */
    pick(operation: string, query: string): Fault | null {
      const i = script.findIndex((s) => matches(s, operation, query));
      let fault: Fault | null = null;
      if (i >= 0) {
        const s = script.splice(i, 1)[0]!;
        fault = { kind: s.kind, after: s.after ?? false };
      } else if (settings.rate > 0 && settings.kinds.length && random() < settings.rate) {
        const kind = settings.kinds[Math.floor(random() * settings.kinds.length)]!;
        fault = { kind, after: kind !== 'latency' && kind !== 'http429' && random() < settings.afterShare };
      }
      if (fault) injected.push({ ...fault, operation });
      return fault;
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
