import { AppError } from '../../../shared/contract/errors';
import { startDemoChannels } from '../demo/demo-channels';
import type { HandlerMap } from './types';

export const syncHandlers: HandlerMap = {
  'sync.status': (_input, { ws }) => ws.sync.status(),
  'sync.now': (input, { ws }) => {
    ws.sync.now(input.channelId);
    return ws.sync.status();
  },
  'sync.retry': (input, { ws, emit }) => {
    ws.sync.retry(input.channelId);
    emit('sync.changed', { channelIds: [input.channelId] });
    return ws.sync.status();
  },
  'sync.conflict': (input, { ws }) => ws.conflicts.view(input.orderId),
  'sync.resolveConflict': (input, { ws, emit }) => {
    ws.conflicts.resolve(input.orderId, input.choice);
    emit('orders.changed', { ids: [input.orderId] });
    ws.sync.now();
    // a label that waited for the decision is looked at now: bought if ours was kept, held if the order is cancelled
    for (const s of ws.repos.shipping.listShipments({ orderId: input.orderId, status: 'pending', limit: 20 })) {
      ws.repos.shipping.updateShipment(s.id, { nextAttemptAt: null }, new Date().toISOString());
    }
    ws.shipping.queue.kick();
    return ws.orders.detail(input.orderId);
  },
  'sync.startDemoChannels': async (_input, ctx) => {
    if (ctx.ws.kind() !== 'demo') {
      throw new AppError('conflict', 'The demo shops run only in the demo workspace, so they never mix with real orders.', 'Use Settings → Workspace → Reset demo to try them.');
    }
    const words = await startDemoChannels(ctx.ws, ctx.dataDir);
    ctx.emit('sync.changed', { channelIds: [] });
    return { words };
  },
  'channels.kinds': (_input, { ws }) => ws.channels.kinds(),
  'channels.settings': (_input, { ws }) => ws.channels.list(),
  'channels.test': (input, { ws }) => ws.channels.test(input),
  'channels.connect': (input, { ws, emit }) => {
    const saved = ws.channels.connect(input);
    emit('sync.changed', { channelIds: [saved.channelId] });
    return saved;
  },
  'channels.remove': (input, { ws, emit }) => {
    const list = ws.channels.remove(input.channelId);
    emit('sync.changed', { channelIds: [input.channelId] });
    return list;
  },
};
