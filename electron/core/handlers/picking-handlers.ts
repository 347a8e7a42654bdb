import type { HandlerContext, HandlerMap } from './types';

function changed(ctx: HandlerContext, listId: number, orderIds: number[]) {
  ctx.emit('picking.changed', { listId });
  if (orderIds.length) ctx.emit('orders.changed', { ids: orderIds });
}

export const pickingHandlers: HandlerMap = {
  'picking.candidates': (input, { ws }) => ws.picking.candidates(input),
  'picking.create': (input, ctx) => {
    const out = ctx.ws.picking.create(input);
    for (const l of out.lists) changed(ctx, l.id, input.orderIds);
    return out;
  },
  'picking.lists': (input, { ws }) => ws.picking.lists(input.active),
  'picking.get': (input, { ws }) => ws.picking.view(input.listId),
  'picking.scan': (input, ctx) => {
    const r = ctx.ws.picking.scan(input.listId, input.code, input.quantity);
    changed(ctx, input.listId, r.view.status === 'done' ? r.view.members.map((m) => m.orderId) : []);
    return r;
  },
  'picking.short': (input, ctx) => {
    const r = ctx.ws.picking.short(input);
    changed(ctx, input.listId, r.view.members.map((m) => m.orderId));
    return r;
  },
  'picking.cancel': (input, ctx) => {
    const v = ctx.ws.picking.cancel(input.listId);
    changed(ctx, input.listId, v.members.map((m) => m.orderId));
    return v;
  },
  'picking.readyToPack': (_input, { ws }) => ws.picking.readyToPack(),
  'picking.sheet': (input, { ws }) => ws.pickPrint.sheet(input.listId),
  'picking.printLabel': (input, { ws }) => ws.pickPrint.printLabel(input.listId),
};
