/** Figures, not verdicts: medians and tails of repeated measurements on a noisy shared machine. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 3 : 1)} ms`;
}

export function line(label: string, value: string, target?: string, ok?: boolean): void {
  const verdict = target ? `  (target ${target}: ${ok ? 'met' : 'NOT met'})` : '';
  console.log(`  ${label.padEnd(58)} ${value}${verdict}`);
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
