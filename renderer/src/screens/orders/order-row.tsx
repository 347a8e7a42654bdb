import type { OrderRow } from '../../../../shared/contract/orders';
import { countryName } from '../../../../shared/domain/address';
import { StatusBadge } from '../../components/status-badge';
import { formatShortTime, formatTime, money } from '../../lib/format';

export const ORDER_COLUMNS = ['Number', 'Customer', 'Country', 'Channel', 'Items', 'Total', 'Status', 'Created'] as const;

/** The column headings, laid out on the same grid as the rows. */
export function OrderHeader() {
  return (
    <div className="order-grid order-header" aria-hidden="true">
      {ORDER_COLUMNS.map((c) => <span key={c} className={`col col-${c.toLowerCase()}`}>{c}</span>)}
    </div>
  );
}

export function OrderRowCells({ row }: { row: OrderRow }) {
  return (
    <>
      <span className="col col-number">{row.number}</span>
      <span className="col col-customer">{row.customerName}</span>
      {/* the code fits the narrow column; the name is a hover away, and written out on the order itself */}
      <span className="col col-country" title={countryName(row.countryCode)}>{row.countryCode}</span>
      <span className="col col-channel">{row.channelName}</span>
      <span className="col col-items">{row.itemCount}</span>
      <span className="col col-total">{money(row.totalMinor, row.currency)}</span>
      <span className="col col-status"><StatusBadge status={row.status} /></span>
      <span className="col col-created" title={formatTime(row.createdAt)}>{formatShortTime(row.createdAt)}</span>
    </>
  );
}
