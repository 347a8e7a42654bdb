import type { HandlerMap } from './types';

export const ordersHandlers: HandlerMap = {
  'orders.list': (input, { ws }) => ws.orders.list(input),
  'orders.get': (input, { ws }) => ws.orders.detail(input.id),
  'orders.transition': (input, { ws, emit }) => {
    const detail = ws.orders.transition(input.id, input.to, input.reason);
    emit('orders.changed', { ids: [input.id] });
    return detail;
  },
  'channels.list': (_input, { ws }) => ws.repos.catalog.channels(),
};
