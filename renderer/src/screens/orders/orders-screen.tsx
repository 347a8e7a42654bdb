import { useOrdersStore } from '../../stores/orders-store';
import { OrderDetailView } from './order-detail';
import { OrdersQueue } from './orders-queue';
import './orders.css';

/** The queue, or one order's detail over it; Escape in the detail comes back to the same place in the queue. */
export function OrdersScreen() {
  const openId = useOrdersStore((s) => s.openId);
  return openId === null ? <OrdersQueue /> : <OrderDetailView id={openId} />;
}
