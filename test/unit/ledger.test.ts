import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMovement, available, MOVEMENT_KINDS, movementDeltas, type Balance, type MovementKind } from '../../shared/domain/ledger';

const movement = fc.record({
  kind: fc.constantFrom(...MOVEMENT_KINDS),
  quantity: fc.integer({ min: -50, max: 50 }),
});

describe('ledger rules', () => {
  it('any sequence of movements keeps balances equal to the sum of the accepted movements, never negative', () => {
    fc.assert(fc.property(fc.array(movement, { maxLength: 200 }), (moves) => {
      let balance: Balance = { onHand: 0, committed: 0 };
      const accepted: Array<{ kind: MovementKind; quantity: number }> = [];
      for (const m of moves) {
        const r = applyMovement(balance, m.kind, m.quantity);
        if (r.ok) { balance = r.next; accepted.push(m); }
      }
      const sum = accepted.reduce((s, m) => {
        const d = movementDeltas(m.kind, m.quantity);
        return { onHand: s.onHand + d.onHand, committed: s.committed + d.committed };
      }, { onHand: 0, committed: 0 });
      expect(balance).toEqual(sum);
      expect(balance.onHand).toBeGreaterThanOrEqual(0);
      expect(balance.committed).toBeGreaterThanOrEqual(0);
    }));
  });

  it('a refused movement leaves the balance as it was', () => {
    fc.assert(fc.property(fc.nat(100), fc.nat(100), movement, (onHand, committed, m) => {
      const before = { onHand, committed };
      const r = applyMovement(before, m.kind, m.quantity);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
      expect(before).toEqual({ onHand, committed });
    }));
  });

  it('pick moves stock out of on hand and committed together; reserve only commits', () => {
    expect(applyMovement({ onHand: 5, committed: 3 }, 'pick', 2)).toEqual({ ok: true, next: { onHand: 3, committed: 1 } });
    expect(applyMovement({ onHand: 5, committed: 0 }, 'reserve', 7)).toEqual({ ok: true, next: { onHand: 5, committed: 7 } });
    expect(available({ onHand: 5, committed: 7 })).toBe(-2);
    expect(applyMovement({ onHand: 5, committed: 1 }, 'release', 2).ok).toBe(false);
    expect(applyMovement({ onHand: 1, committed: 0 }, 'adjust', -2).ok).toBe(false);
    expect(applyMovement({ onHand: 1, committed: 0 }, 'receive', 0).ok).toBe(false);
    expect(applyMovement({ onHand: 1, committed: 0 }, 'receive', 1.5).ok).toBe(false);
  });
});
