import type { OrderDetail, OrderLine } from '../../../../shared/contract/orders';
import type { OrderStatus } from '../../../../shared/domain/order-state';
import { money } from '../../lib/format';

// while these hold a reservation, "available" already counts this order, so below zero means short
const RESERVING: readonly OrderStatus[] = ['open', 'picking', 'on_hold'];

type Stock = { text: string; short: boolean };

function stockOf(line: OrderLine, status: OrderStatus): Stock {
  if (line.available === null) return { text: 'Not in catalog', short: true };
  const short = RESERVING.includes(status) && line.available < 0;
  return { text: short ? `${line.available} — short` : String(line.available), short };
}

export function OrderLines({ order }: { order: OrderDetail }) {
  return (
    <table className="table lines-table" data-testid="order-lines">
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Item</th>
          <th scope="col" className="num">Qty</th>
          <th scope="col" className="num">Unit price</th>
          <th scope="col" className="num" title={`Available at ${order.locationName}, after all reservations`}>Available</th>
          <th scope="col">Bin</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => {
          const stock = stockOf(line, order.status);
          return (
            <tr key={line.id} className={stock.short ? 'is-short' : undefined} data-testid="order-line" data-short={stock.short || undefined}>
              <td className="mono">{line.sku}</td>
              <td>{line.title}</td>
              <td className="num qty">{line.quantity}</td>
              <td className="num">{money(line.unitPriceMinor, order.currency)}</td>
              <td className="num">{stock.short ? <strong className="short-stock">{stock.text}</strong> : stock.text}</td>
              <td className="mono">{line.bin ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function OrderTotals({ order }: { order: OrderDetail }) {
  const rows: Array<[string, number]> = [
    ['Subtotal', order.subtotalMinor],
    ['Shipping', order.shippingMinor],
    ['Tax', order.taxMinor],
  ];
  return (
    <dl className="totals" data-testid="order-totals">
      {rows.map(([label, minor]) => (
        <div key={label} className="totals-row"><dt>{label}</dt><dd>{money(minor, order.currency)}</dd></div>
      ))}
      <div className="totals-row totals-grand"><dt>Total</dt><dd>{money(order.totalMinor, order.currency)}</dd></div>
    </dl>
  );
}
