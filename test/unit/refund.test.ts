import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRefund, type RefundInput } from '../../shared/domain/refund';
import { canReturnTransition, gradeForKey, gradeKey, GRADES, RETURN_STATUSES } from '../../shared/domain/return-state';

const base: RefundInput = {
  currency: 'GBP',
  order: { subtotalMinor: 4549, shippingMinor: 495, taxMinor: 0, totalMinor: 5044 },
  lines: [{ sku: 'A', unitPriceMinor: 1250, units: 1, refundsShipping: false, chargesFee: true }, { sku: 'B', unitPriceMinor: 2400, units: 1, refundsShipping: false, chargesFee: false }],
  restockingFeePercent: 0,
  returnShippingPaidBy: 'shop',
  label: null,
  earlier: { refundedMinor: 0, shippingRefunded: false },
};

describe('refund rules', () => {
  it('refunds the items; the restocking fee only on items whose reason carries it, rounded half up to the unit', () => {
    expect(computeRefund(base).totalMinor).toBe(3650);
    const fee = computeRefund({ ...base, restockingFeePercent: 15 });
    expect(fee.feeMinor).toBe(188); // 15% of 12.50 = 1.875
    expect(fee.totalMinor).toBe(3650 - 188);
    expect(fee.words).toContain('restocking fee of 15% on £12.50: −£1.88');
  });

  it('a reason that refunds shipping gives the order shipping back once, and the customer never pays the return label then', () => {
    const ours = { ...base, lines: [{ ...base.lines[1]!, refundsShipping: true }], returnShippingPaidBy: 'customer' as const, label: { priceMinor: 560, currency: 'GBP' } };
    expect(computeRefund(ours)).toMatchObject({ itemsMinor: 2400, shippingMinor: 495, labelMinor: 0, totalMinor: 2895 });
    expect(computeRefund({ ...ours, earlier: { refundedMinor: 1000, shippingRefunded: true } })).toMatchObject({ shippingMinor: 0, totalMinor: 2400 });
  });

  it('a customer who pays return shipping has the label taken off, in the order currency only', () => {
    const theirs = { ...base, returnShippingPaidBy: 'customer' as const, label: { priceMinor: 560, currency: 'GBP' } };
    expect(computeRefund(theirs)).toMatchObject({ labelMinor: 560, totalMinor: 3650 - 560 });
    const usd = computeRefund({ ...theirs, label: { priceMinor: 560, currency: 'USD' } });
    expect(usd.labelMinor).toBe(0);
    expect(usd.words.at(-1)).toBe('the return label was bought in USD, not GBP, so it is not taken off here');
  });

  it('tax on top of the prices is refunded in proportion; tax inside the prices is not added again', () => {
    const onTop = { ...base, order: { subtotalMinor: 4000, shippingMinor: 0, taxMinor: 800, totalMinor: 4800 }, lines: [{ ...base.lines[1]!, unitPriceMinor: 1000 }] };
    expect(computeRefund(onTop)).toMatchObject({ taxMinor: 200, totalMinor: 1200 });
    const inside = { ...onTop, order: { subtotalMinor: 4000, shippingMinor: 0, taxMinor: 667, totalMinor: 4000 } };
    expect(computeRefund(inside)).toMatchObject({ taxMinor: 0, totalMinor: 1000 });
  });

  it('never refunds more than is left on the order, never less than nothing (any lines, fee, label, earlier refunds)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ unitPriceMinor: fc.integer({ min: 0, max: 100_000 }), units: fc.integer({ min: 0, max: 5 }), refundsShipping: fc.boolean(), chargesFee: fc.boolean() }), { maxLength: 6 }),
      fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 }),
      (lines, pct, label, total, earlier) => {
        const r = computeRefund({ ...base, order: { ...base.order, totalMinor: total }, lines: lines.map((l, i) => ({ sku: `S${i}`, ...l })), restockingFeePercent: pct,
          returnShippingPaidBy: 'customer', label: { priceMinor: label, currency: 'GBP' }, earlier: { refundedMinor: earlier, shippingRefunded: false } });
        expect(Number.isInteger(r.totalMinor)).toBe(true);
        expect(r.totalMinor).toBeGreaterThanOrEqual(0);
        expect(r.totalMinor).toBeLessThanOrEqual(Math.max(0, total - earlier));
      }));
  });
});

describe('return life cycle', () => {
  it('moves forward only, and nothing follows refunded or closed', () => {
    expect(canReturnTransition('requested', 'received')).toBe(true);
    expect(canReturnTransition('received', 'closed')).toBe(false);
    expect(canReturnTransition('inspected', 'refunded')).toBe(true);
    for (const s of RETURN_STATUSES) {
      expect(canReturnTransition('refunded', s)).toBe(false);
      expect(canReturnTransition('closed', s)).toBe(false);
    }
  });

  it('one key per grade, 1 to 5, and back', () => {
    expect(GRADES.map(gradeKey)).toEqual(['1', '2', '3', '4', '5']);
    for (const g of GRADES) expect(gradeForKey(gradeKey(g))).toBe(g);
    expect(gradeForKey('6')).toBeUndefined();
    expect(gradeForKey('a')).toBeUndefined();
  });
});
