import type { HandlerContext, HandlerMap } from './types';

function changed(ctx: HandlerContext, view: { id: number; orderId: number }) {
  ctx.emit('returns.changed', { returnId: view.id, orderId: view.orderId });
  ctx.emit('orders.changed', { ids: [view.orderId] });
}

export const returnsHandlers: HandlerMap = {
  'returns.list': (input, { ws }) => ws.returns.list(input),
  'returns.get': (input, { ws }) => ws.returns.get(input.id),
  'returns.forOrder': (input, { ws }) => ws.returns.forOrder(input.orderId),
  'returns.preview': (input, { ws }) => ws.returns.preview(input.orderId, input.lines),
  'returns.create': (input, ctx) => {
    const view = ctx.ws.returns.create(input);
    changed(ctx, view);
    return view;
  },
  'returns.open': (input, ctx) => {
    const result = ctx.ws.returns.open(input.code);
    if (result.kind === 'return') changed(ctx, result.view);
    return result;
  },
  'returns.receive': (input, ctx) => {
    const view = ctx.ws.returns.receive(input.returnId);
    changed(ctx, view);
    return view;
  },
  'returns.receiveUnannounced': (input, ctx) => {
    const view = ctx.ws.returns.receiveUnannounced(input.orderId);
    changed(ctx, view);
    return view;
  },
  'returns.scan': (input, ctx) => {
    const r = ctx.ws.returns.scan(input.returnId, input.code);
    ctx.emit('returns.changed', { returnId: r.view.id, orderId: r.view.orderId });
    return r;
  },
  'returns.grade': (input, ctx) => {
    const r = ctx.ws.returns.grade(input.returnId, input.grade);
    ctx.emit('returns.changed', { returnId: r.view.id, orderId: r.view.orderId });
    return r;
  },
  'returns.undo': (input, ctx) => {
    const view = ctx.ws.returns.undo(input.returnId);
    ctx.emit('returns.changed', { returnId: view.id, orderId: view.orderId });
    return view;
  },
  'returns.finish': (input, ctx) => {
    const { view, variantIds, exchangeOrderId } = ctx.ws.returns.finish(input.returnId);
    changed(ctx, view);
    ctx.emit('inventory.changed', { variantIds });
    if (exchangeOrderId !== null) ctx.emit('orders.changed', { ids: [exchangeOrderId] });
    return view;
  },
  'returns.refund': (input, ctx) => {
    const view = ctx.ws.returns.refund(input);
    changed(ctx, view);
    return view;
  },
  'returns.close': (input, ctx) => {
    const view = ctx.ws.returns.close(input.returnId, input.reason);
    changed(ctx, view);
    return view;
  },
  'returns.buyLabel': (input, ctx) => {
    const view = ctx.ws.returns.buyLabel(input.returnId);
    changed(ctx, view);
    return view;
  },
  'returns.setTracking': (input, ctx) => {
    const view = ctx.ws.returns.setTracking(input);
    changed(ctx, view);
    return view;
  },
  'returns.checkTracking': (_input, { ws }) => ws.returns.checkTracking(),
  'returns.slip': (input, { ws }) => ws.returns.slip(input.returnId),
  'returns.printSlip': (input, { ws }) => ws.returns.printSlip(input.returnId),
  'returns.rules': (_input, { ws }) => ws.returns.rules(),
  'returns.saveRules': (input, { ws }) => ws.returns.saveRules(input),
};
