import type { ReturnRules } from '../../../shared/contract/returns';
import { computeRefund, type RefundBreakdown, type RefundLine } from '../../../shared/domain/refund';
import type { Repos } from '../store';
import type { OrderRecord } from '../store/orders-repo';
import type { UnitState } from './return-units';

type LineLike = { id: number; sku: string; quantity: number; unitPriceMinor: number; refundsShipping: boolean; chargesFee: boolean; exchangeSku: string | null };

/**
 * What the return gives back. Before the parcel is in: as if every announced unit came back as announced.
 * After: the units received, less those flagged "not ours"; exchanged units are replaced, not refunded.
 */
export function refundFor(repos: Repos, args: {
  order: OrderRecord; returnId: number | null; lines: LineLike[]; units: UnitState[] | null; rules: ReturnRules; labelShipmentId?: number | undefined;
}): RefundBreakdown {
  const { order, rules } = args;
  const refundLines: RefundLine[] = args.lines.map((l) => {
    const came = args.units === null ? l.quantity : args.units.filter((u) => u.lineId === l.id && u.grade !== 'not_ours').length;
    return { sku: l.sku, unitPriceMinor: l.unitPriceMinor, units: l.exchangeSku ? 0 : came, refundsShipping: l.refundsShipping, chargesFee: l.chargesFee };
  });
  const label = args.labelShipmentId ? repos.shipping.shipment(args.labelShipmentId) : undefined;
  return computeRefund({
    currency: order.currency,
    order: { subtotalMinor: order.subtotalMinor, shippingMinor: order.shippingMinor, taxMinor: order.taxMinor, totalMinor: order.totalMinor },
    lines: refundLines,
    restockingFeePercent: rules.restockingFeePercent,
    returnShippingPaidBy: rules.returnShippingPaidBy,
    label: label && label.status === 'bought' && label.priceMinor !== null ? { priceMinor: label.priceMinor, currency: label.currency } : null,
    earlier: args.returnId === null ? repos.returns.refundedOnOrder(order.id, 0) : repos.returns.refundedOnOrder(order.id, args.returnId),
  });
}
