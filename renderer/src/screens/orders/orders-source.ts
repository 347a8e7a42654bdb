import type { OrderRow } from '../../../../shared/contract/orders';
import type { OrderStatus } from '../../../../shared/domain/order-state';
import { api } from '../../api/client';
import { createPagedList } from '../../lib/paged-list';
import { useAppStore } from '../../stores/app-store';

export type OrdersQuery = { q: string; status?: OrderStatus; channelId?: number };

export const ORDERS_PAGE_SIZE = 100;

/** The queue's rows, one instance for the renderer so the cache outlives the screen. */
export const ordersSource = createPagedList<OrderRow, OrdersQuery>(
  (query, offset, limit) => api.call('orders.list', { ...query, offset, limit }),
  { pageSize: ORDERS_PAGE_SIZE, maxPages: 60, onError: (e) => useAppStore.getState().showError(e) },
);
