import type { CodeLookup } from '../../../shared/contract/station-api';
import type { Repos } from '../store';
import { resolveItemCode, resolveOrderCode } from './scan-codes';

const OPEN_ORDERS_SHOWN = 8;

/**
 * What a code names, without changing anything: an order (packing slip, order number), a product
 * (any barcode form, SKU, in any case) with the orders still to pack that hold it, or nothing, in words.
 */
export function lookupCode(repos: Repos, raw: string, gsReplacement: string): CodeLookup {
  const code = raw.trim();
  const orderId = resolveOrderCode(repos, code, gsReplacement);
  if (orderId) {
    const order = repos.orders.record(orderId)!;
    return { kind: 'order', code, orderId, number: order.number, status: order.status };
  }
  const item = resolveItemCode(repos, code, gsReplacement);
  if (item.kind === 'item') {
    const open = repos.orders.openOrdersWithSku(item.variant.sku, OPEN_ORDERS_SHOWN);
    return { kind: 'product', code, variantId: item.variant.id, sku: item.variant.sku, title: item.variant.title, openOrders: open.rows, openOrderCount: open.total };
  }
  if (item.kind === 'invalid') return { kind: 'unknown', code, message: item.message, hint: 'Scan it again, or type the code as printed.' };
  return {
    kind: 'unknown', code,
    message: `No order or product matches ${code.slice(0, 60)}.`,
    hint: 'Check the code on the label. A product barcode that is not in the catalog can be assigned to its SKU from the Pack screen while packing an order.',
  };
}
