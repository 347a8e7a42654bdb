import { formatMoney } from './money';

/**
 * What a return gives back, in integer minor units of the order's currency. Pure, so the refund
 * preview on the screen, the refund written at the bench and the tests agree to the unit.
 */
export type RefundLine = {
  sku: string;
  unitPriceMinor: number;
  /** units that came back and are refunded (received, not flagged "not ours", not exchanged) */
  units: number;
  /** the line's reason refunds the shipping (our mistake, a fault) */
  refundsShipping: boolean;
  /** the line's reason carries the restocking fee (a change of mind) */
  chargesFee: boolean;
};

export type RefundInput = {
  currency: string;
  order: { subtotalMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number };
  lines: RefundLine[];
  /** whole percent of the fee-bearing items' price */
  restockingFeePercent: number;
  returnShippingPaidBy: 'customer' | 'shop';
  /** the return label the shop bought, if any */
  label: { priceMinor: number; currency: string } | null;
  /** what earlier returns of the same order already gave back */
  earlier: { refundedMinor: number; shippingRefunded: boolean };
};

export type RefundBreakdown = {
  currency: string;
  itemsMinor: number;
  taxMinor: number;
  shippingMinor: number;
  feeMinor: number;
  labelMinor: number;
  totalMinor: number;
  /** what is left to refund on the order, before this refund */
  refundableMinor: number;
  /** the total was cut down to what is left to refund */
  capped: boolean;
  /** one sentence per part, for the preview and the timeline */
  words: string[];
};

/** round(a * b / c) for non-negative integers, half up, without floating point drift */
function mulDiv(a: number, b: number, c: number): number {
  if (c === 0) return 0;
  return Math.floor((2 * a * b + c) / (2 * c));
}

/**
 * Tax is refunded in proportion to the items when the order's total has it on top of the prices; when
 * prices include tax (total = subtotal + shipping), the items' price already carries it.
 */
function taxOnTop(o: RefundInput['order']): boolean {
  return o.taxMinor > 0 && Math.abs(o.totalMinor - (o.subtotalMinor + o.shippingMinor + o.taxMinor)) <= 1;
}

export function computeRefund(input: RefundInput): RefundBreakdown {
  const money = (m: number) => formatMoney(m, input.currency);
  const words: string[] = [];
  const itemsMinor = input.lines.reduce((s, l) => s + l.units * l.unitPriceMinor, 0);
  const units = input.lines.reduce((n, l) => n + l.units, 0);
  words.push(`${units} item${units === 1 ? '' : 's'}: ${money(itemsMinor)}`);

  const taxMinor = taxOnTop(input.order) && input.order.subtotalMinor > 0 ? mulDiv(input.order.taxMinor, itemsMinor, input.order.subtotalMinor) : 0;
  if (taxMinor) words.push(`their share of the order's tax: ${money(taxMinor)}`);

  const shopsFault = input.lines.some((l) => l.units > 0 && l.refundsShipping);
  let shippingMinor = 0;
  if (shopsFault && input.order.shippingMinor > 0) {
    if (input.earlier.shippingRefunded) words.push('the shipping was refunded with an earlier return');
    else {
      shippingMinor = input.order.shippingMinor;
      words.push(`the order's shipping, because of the reason given: ${money(shippingMinor)}`);
    }
  }

  const feeBase = input.lines.reduce((s, l) => s + (l.chargesFee ? l.units * l.unitPriceMinor : 0), 0);
  const feeMinor = mulDiv(feeBase, Math.max(0, Math.min(100, input.restockingFeePercent)), 100);
  if (feeMinor) words.push(`restocking fee of ${input.restockingFeePercent}% on ${money(feeBase)}: −${money(feeMinor)}`);

  let labelMinor = 0;
  if (input.label && input.returnShippingPaidBy === 'customer' && !shopsFault) {
    if (input.label.currency.toUpperCase() === input.currency.toUpperCase()) {
      labelMinor = input.label.priceMinor;
      words.push(`the return label, paid by the customer: −${money(labelMinor)}`);
    } else {
      words.push(`the return label was bought in ${input.label.currency}, not ${input.currency}, so it is not taken off here`);
    }
  }

  const refundableMinor = Math.max(0, input.order.totalMinor - input.earlier.refundedMinor);
  const raw = Math.max(0, itemsMinor + taxMinor + shippingMinor - feeMinor - labelMinor);
  const totalMinor = Math.min(raw, refundableMinor);
  const capped = totalMinor < raw;
  if (capped) words.push(`cut to ${money(refundableMinor)}, what is left to refund on the order`);
  return { currency: input.currency, itemsMinor, taxMinor, shippingMinor, feeMinor, labelMinor, totalMinor, refundableMinor, capped, words };
}
