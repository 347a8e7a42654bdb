import { resolveItemCode } from '../services/scan-codes';
import type { HandlerContext, HandlerMap } from './types';

function changed(ctx: HandlerContext, sessionId: number, orderId: number) {
  ctx.emit('pack.changed', { sessionId });
  ctx.emit('orders.changed', { ids: [orderId] });
}

export const packHandlers: HandlerMap = {
  'pack.open': (input, ctx) => {
    const view = ctx.ws.pack.open(input);
    changed(ctx, view.sessionId, view.orderId);
    return view;
  },
  'pack.current': (_input, ctx) => {
    // with several benches, each screen resumes its own packer's parcel
    const token = ctx.bench().token;
    return ctx.ws.pack.current(token ? ctx.ws.packers.packerOfToken(token)?.name : undefined);
  },
  'pack.get': (input, { ws }) => ws.pack.view(input.sessionId),
  'pack.scan': (input, ctx) => {
    const result = ctx.ws.pack.scan(input.sessionId, input.code, input.quantity);
    ctx.emit('pack.changed', { sessionId: input.sessionId });
    return result;
  },
  'pack.multiply': (input, ctx) => {
    const result = ctx.ws.pack.multiply(input.sessionId, input.quantity);
    ctx.emit('pack.changed', { sessionId: input.sessionId });
    return result;
  },
  'pack.undo': (input, ctx) => {
    const view = ctx.ws.pack.undo(input.sessionId);
    ctx.emit('pack.changed', { sessionId: input.sessionId });
    return view;
  },
  'pack.assignCode': (input, { ws }) => ws.packing.assignCode(input),
  'pack.override': async (input, ctx) => {
    // once the team has a supervisor, only a supervisor with their PIN confirms a line unscanned
    const supervisor = ctx.ws.packers.supervised()
      ? (await ctx.ws.packers.authorizeSupervisor(input.supervisor, input.pin, 'the override')).name
      : input.supervisor;
    const view = ctx.ws.pack.override({ ...input, supervisor });
    changed(ctx, view.sessionId, view.orderId);
    return view;
  },
  'pack.complete': (input, ctx) => {
    const { dispatch, ...done } = ctx.ws.packing.complete(input.sessionId);
    changed(ctx, done.view.sessionId, done.view.orderId);
    ctx.emit('inventory.changed', { variantIds: [] });
    dispatch(); // the label goes out after the parcel is safely recorded
    return done;
  },
  'pack.split': (input, ctx) => {
    const { dispatch, ...done } = ctx.ws.packing.split(input.sessionId, input.reason);
    changed(ctx, done.view.sessionId, done.view.orderId);
    ctx.emit('inventory.changed', { variantIds: [] });
    dispatch();
    return done;
  },
  'pack.abandon': (input, ctx) => {
    const view = ctx.ws.pack.abandon(input.sessionId, input.reason);
    changed(ctx, view.sessionId, view.orderId);
    return view;
  },
  'pack.slip': (input, { ws }) => ws.packing.slip(input.orderId),
  'catalog.findVariants': (input, { ws }) => {
    // a barcode of the same product finds its SKU too
    const byCode = resolveItemCode(ws.repos, input.q, ws.scanner().gsReplacement);
    const found = ws.repos.catalog.findVariants(input.q);
    if (byCode.kind !== 'item') return found;
    const first = { variantId: byCode.variant.id, sku: byCode.variant.sku, title: byCode.variant.title, byCode: byCode.variant.sku.toLowerCase() !== input.q.trim().toLowerCase() };
    return [first, ...found.filter((v) => v.variantId !== first.variantId)];
  },
};
