import { describe, expect, it, vi } from 'vitest';
import { createPagedList } from '../../renderer/src/lib/paged-list';

type Q = { q: string };
type Call = { q: string; offset: number; resolve(total: number): void };

/** A fetcher whose answers the test releases by hand, in any order. */
function manualFetcher() {
  const calls: Call[] = [];
  const fetch = (query: Q, offset: number, limit: number) => new Promise<{ total: number; rows: string[] }>((resolve) => {
    calls.push({
      q: query.q, offset,
      resolve: (total) => resolve({ total, rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `${query.q}:${offset + i}`) }),
    });
  });
  return { calls, fetch };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('paged list behind the virtualised order queue', () => {
  it('fetches pages by offset only when they come into view, and never twice', async () => {
    vi.useFakeTimers();
    const { calls, fetch } = manualFetcher();
    const list = createPagedList<string, Q>(fetch, { pageSize: 100, settleMs: 10 });
    list.setQuery({ q: '' });
    expect(calls.map((c) => c.offset)).toEqual([0]);
    calls[0]!.resolve(100_000);
    await vi.runAllTimersAsync();
    expect(list.getSnapshot().total).toBe(100_000);
    expect(list.getSnapshot().rowAt(5)).toBe(':5');

    list.ensureVisible(50_010, 50_030);
    list.ensureVisible(50_020, 50_040); // still settling: one fetch for the page, not two
    await vi.advanceTimersByTimeAsync(20);
    expect(calls.map((c) => c.offset)).toEqual([0, 50_000]);
    calls[1]!.resolve(100_000);
    await vi.runAllTimersAsync();
    expect(list.getSnapshot().rowAt(50_020)).toBe(':50020');

    list.ensureVisible(50_000, 50_020);
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toHaveLength(2);
    vi.useRealTimers();
  });

  it('drops an answer that arrives after the query changed', async () => {
    const { calls, fetch } = manualFetcher();
    const list = createPagedList<string, Q>(fetch, { pageSize: 100, settleMs: 0 });
    list.setQuery({ q: 'zo' });
    list.setQuery({ q: 'zoe' });
    expect(calls.map((c) => c.q)).toEqual(['zo', 'zoe']);
    calls[1]!.resolve(3);
    await flush();
    calls[0]!.resolve(40); // the slow, stale answer
    await flush();
    const snap = list.getSnapshot();
    expect(snap.total).toBe(3);
    expect(snap.query).toEqual({ q: 'zoe' });
    expect(snap.rowAt(0)).toBe('zoe:0');
  });

  it('keeps showing the old rows while a reload is in flight, then swaps them at once', async () => {
    const { calls, fetch } = manualFetcher();
    const list = createPagedList<string, Q>(fetch, { pageSize: 10, settleMs: 0 });
    list.setQuery({ q: 'a' });
    calls[0]!.resolve(25);
    await flush();
    list.reload();
    expect(list.getSnapshot().reloading).toBe(true);
    expect(list.getSnapshot().rowAt(3)).toBe('a:3');
    calls[1]!.resolve(24);
    await flush();
    expect(list.getSnapshot()).toMatchObject({ reloading: false, total: 24 });
    expect(list.setQuery({ q: 'a' })).toBe(false);
  });

  it('keeps memory bounded by dropping the pages farthest from the view', async () => {
    const { calls, fetch } = manualFetcher();
    const list = createPagedList<string, Q>(fetch, { pageSize: 10, maxPages: 3, settleMs: 0 });
    list.setQuery({ q: '' });
    calls[0]!.resolve(1000);
    await flush();
    for (const start of [100, 200, 300, 400]) {
      list.ensureVisible(start, start + 5);
      await new Promise((r) => setTimeout(r, 1));
      calls.at(-1)!.resolve(1000);
      await flush();
    }
    const snap = list.getSnapshot();
    expect(snap.rowAt(400)).toBe(':400');
    expect(snap.rowAt(0)).toBeUndefined();
  });
});
