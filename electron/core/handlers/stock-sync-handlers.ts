import type { HandlerMap } from './types';

/** Inventory sync (#7): rules, what each channel shows, reconciliation. */
export const stockSyncHandlers: HandlerMap = {
  'stockSync.shortage': (input, { ws }) => ws.stockSync.shortage(input.orderId),
  'stockSync.resolveShortage': (input, { ws, emit }) => {
    const order = ws.stockSync.resolveShortage(input.orderId, input.choice, input.reason);
    emit('orders.changed', { ids: [input.orderId] });
    if (input.choice === 'adjust') emit('inventory.changed', { variantIds: [] });
    return order;
  },
  'stockSync.overview': (input, { ws }) => ws.stockSync.overview(input),
  'stockSync.rules': (_input, { ws }) => ws.stockSync.rules(),
  'stockSync.setRule': (input, { ws, emit }) => { const r = ws.stockSync.setRule(input); ws.sync.now(); emit('sync.changed', { channelIds: [] }); return r; },
  'stockSync.removeRule': (input, { ws, emit }) => { const r = ws.stockSync.removeRule(input.id); ws.sync.now(); emit('sync.changed', { channelIds: [] }); return r; },
  'stockSync.setSafety': (input, { ws, emit }) => { const r = ws.stockSync.setSafety(input.sku, input.quantity); ws.sync.now(); emit('sync.changed', { channelIds: [] }); return r; },
  'stockSync.reconcile': async (_input, { ws, emit }) => { const r = await ws.stockSync.reconcile('manual'); emit('sync.changed', { channelIds: [] }); return r; },
  'stockSync.reports': (_input, { ws }) => ws.stockSync.reports(),
  'stockSync.report': (input, { ws }) => ws.stockSync.report(input.id),
  'stockSync.fix': (input, { ws, emit }) => {
    const r = ws.stockSync.fix(input);
    emit('sync.changed', { channelIds: [] });
    if (input.action === 'accept_theirs') emit('inventory.changed', { variantIds: [] });
    return r;
  },
  'stockSync.exportReport': (input, { ws }) => ws.stockSync.exportReport(input.id),
  'stockSync.history': (input, { ws }) => ws.stockSync.history(input.sku),
  'stockSync.setSchedule': (input, { ws }) => ws.stockSync.setSchedule(input.dailyAt),
};
