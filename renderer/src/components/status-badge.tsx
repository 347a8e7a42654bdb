import { STATUS_WORDS, type OrderStatus } from '../../../shared/domain/order-state';

/** Status in words and colour, never colour alone. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`status-badge status-${status}`} data-testid="status-badge">{STATUS_WORDS[status]}</span>;
}
