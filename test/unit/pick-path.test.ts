import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binSortKeyForTest } from '../support/bin-keys';
import { buildPickPath, cutWave, type BinSupply, type PickDemand } from '../../shared/domain/pick-path';

const bin = (id: number | null, code: string, variantId: number, available: number, home = false): BinSupply =>
  ({ binId: id, code, sortKey: binSortKeyForTest(code), variantId, available, home });
const demand = (orderId: number, variantId: number, quantity: number, tote = `T${orderId}`): PickDemand =>
  ({ orderId, orderLineId: orderId * 10 + variantId, variantId, sku: `SKU-${variantId}`, title: `Item ${variantId}`, quantity, tote });

describe('pick path', () => {
  it('walks bins in zone, aisle, shelf, level order (numbers as numbers), units summed per bin with a tote for each order', () => {
    const { tasks, unplaced } = buildPickPath(
      [demand(1, 1, 2), demand(2, 1, 1), demand(2, 2, 1), demand(3, 3, 1)],
      [bin(5, 'B-10-1', 1, 9), bin(6, 'B-2-1', 2, 9), bin(7, 'A-3-2', 3, 9)],
    );
    expect(tasks.map((t) => [t.seq, t.binCode, t.sku, t.quantity])).toEqual([[1, 'A-3-2', 'SKU-3', 1], [2, 'B-2-1', 'SKU-2', 1], [3, 'B-10-1', 'SKU-1', 3]]);
    expect(tasks[2]!.allocations).toEqual([{ orderId: 1, orderLineId: 11, tote: 'T1', quantity: 2 }, { orderId: 2, orderLineId: 21, tote: 'T2', quantity: 1 }]);
    expect(unplaced).toEqual([]);
  });

  it('takes from the home bin first, then other bins in walk order, then stock in no bin; what nothing covers is unplaced', () => {
    const { tasks, unplaced } = buildPickPath([demand(1, 1, 6), demand(2, 1, 3)], [
      bin(1, 'A-1', 1, 2), bin(2, 'C-1', 1, 2, true), bin(3, 'B-1', 1, 1), bin(null, 'no bin', 1, 2),
    ]);
    expect(tasks.map((t) => [t.binCode, t.quantity])).toEqual([['A-1', 2], ['B-1', 1], ['C-1', 2], ['no bin', 2]]);
    expect(tasks.find((t) => t.binCode === 'no bin')!.allocations).toEqual([{ orderId: 1, orderLineId: 11, tote: 'T1', quantity: 1 }, { orderId: 2, orderLineId: 21, tote: 'T2', quantity: 1 }]);
    expect(unplaced).toEqual([{ orderId: 2, orderLineId: 21, variantId: 1, sku: 'SKU-1', quantity: 2 }]);
  });

  it('never takes more from a bin than it holds; every unit demanded is either on a task or unplaced; tasks are in walk order', () => {
    const supplyArb = fc.array(fc.record({ id: fc.integer({ min: 1, max: 30 }), v: fc.integer({ min: 1, max: 5 }), n: fc.nat(6), home: fc.boolean() }), { maxLength: 40 });
    const demandArb = fc.array(fc.record({ o: fc.integer({ min: 1, max: 20 }), v: fc.integer({ min: 1, max: 5 }), q: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 });
    fc.assert(fc.property(supplyArb, demandArb, (sup, dem) => {
      const seen = new Set<string>();
      const supplies = sup.filter((s) => !seen.has(`${s.id}:${s.v}`) && seen.add(`${s.id}:${s.v}`)).map((s) => bin(s.id, `Z-${s.id}`, s.v, s.n, s.home));
      const demands = dem.map((d, i) => ({ ...demand(d.o, d.v, d.q), orderLineId: i + 1 }));
      const { tasks, unplaced } = buildPickPath(demands, supplies);
      for (const t of tasks) {
        expect(t.quantity).toBeLessThanOrEqual(supplies.find((s) => s.binId === t.binId && s.variantId === t.variantId)!.available);
        expect(t.allocations.reduce((n, a) => n + a.quantity, 0)).toBe(t.quantity);
      }
      for (const d of demands) {
        const placed = tasks.flatMap((t) => t.allocations).filter((a) => a.orderLineId === d.orderLineId).reduce((n, a) => n + a.quantity, 0);
        const missing = unplaced.filter((u) => u.orderLineId === d.orderLineId).reduce((n, u) => n + u.quantity, 0);
        expect(placed + missing).toBe(d.quantity);
      }
      for (let i = 1; i < tasks.length; i++) expect(tasks[i - 1]!.sortKey <= tasks[i]!.sortKey).toBe(true);
    }), { numRuns: 500 });
  });

  it('cuts a wave into carts of at most N orders, keeping their order', () => {
    expect(cutWave([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
