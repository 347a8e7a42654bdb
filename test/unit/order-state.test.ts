import { describe, expect, it } from 'vitest';
import { canTransition, nextStatuses, ORDER_STATUSES, transitionRefusal } from '../../shared/domain/order-state';

describe('order state machine', () => {
  it('follows open -> picking -> packed -> shipped', () => {
    expect(canTransition('open', 'picking')).toBe(true);
    expect(canTransition('picking', 'packed')).toBe(true);
    expect(canTransition('packed', 'shipped')).toBe(true);
  });

  it('refuses skipping steps and leaving final states', () => {
    expect(canTransition('open', 'shipped')).toBe(false);
    expect(canTransition('open', 'packed')).toBe(false);
    for (const to of ORDER_STATUSES) {
      expect(canTransition('shipped', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('allows hold and release, and cancel before packing only', () => {
    expect(canTransition('open', 'on_hold')).toBe(true);
    expect(canTransition('on_hold', 'open')).toBe(true);
    expect(canTransition('picking', 'cancelled')).toBe(true);
    expect(canTransition('packed', 'cancelled')).toBe(false);
    expect(canTransition('on_hold', 'picking')).toBe(false);
  });

  it('never allows a status to transition to itself', () => {
    for (const s of ORDER_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('explains a refusal in words with the allowed next steps', () => {
    expect(transitionRefusal('open', 'shipped')).toMatch(/open cannot become shipped.*Picking, On hold, Cancelled/);
    expect(transitionRefusal('shipped', 'open')).toMatch(/final/);
    expect(nextStatuses('packed')).toEqual(['shipped']);
  });
});
