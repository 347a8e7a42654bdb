import type { HandlerMap } from './types';

export const routingHandlers: HandlerMap = {
  'routing.settings': (_input, { ws }) => ws.routing.settings(),
  'routing.saveSettings': (input, { ws }) => ws.routing.saveSettings(input),
  'routing.plan': (input, { ws }) => ws.routing.view(input.orderId),
  'routing.route': (input, { ws, emit }) => {
    const plan = ws.routing.routeNow(input.orderId);
    emit('orders.changed', { ids: [input.orderId] });
    emit('inventory.changed', { variantIds: [] });
    return plan;
  },
  'routing.agreeSplit': (input, { ws, emit }) => {
    const plan = ws.routing.agreeSplit(input.orderId);
    emit('orders.changed', { ids: [input.orderId] });
    emit('inventory.changed', { variantIds: [] });
    return plan;
  },
  'transfers.list': (input, { ws }) => ws.transfers.list(input.status, input.limit),
  'transfers.create': (input, { ws, emit }) => {
    const t = ws.transfers.create(input);
    emit('inventory.changed', { variantIds: t.lines.map((l) => l.variantId) });
    if (t.orderId) emit('orders.changed', { ids: [t.orderId] });
    return t;
  },
  'transfers.receive': (input, { ws, emit }) => {
    const t = ws.transfers.receive(input.id);
    emit('inventory.changed', { variantIds: t.lines.map((l) => l.variantId) });
    return t;
  },
  'transfers.cancel': (input, { ws, emit }) => {
    const t = ws.transfers.cancel(input.id, input.reason);
    emit('inventory.changed', { variantIds: t.lines.map((l) => l.variantId) });
    return t;
  },
};
