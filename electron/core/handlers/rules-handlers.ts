import type { HandlerMap } from './types';

export const rulesHandlers: HandlerMap = {
  'rules.list': (_input, { ws }) => ws.rules.list(),
  'rules.save': (input, { ws, emit }) => {
    const rule = ws.rules.save(input);
    emit('rules.changed', {});
    return rule;
  },
  'rules.remove': (input, { ws, emit }) => {
    const list = ws.rules.remove(input.id);
    emit('rules.changed', {});
    return list;
  },
  'rules.reorder': (input, { ws, emit }) => {
    const list = ws.rules.reorder(input.ids);
    emit('rules.changed', {});
    return list;
  },
  'rules.dryRun': (input, { ws }) => ws.rules.dryRun(input),
  'rules.applyToOpen': (_input, { ws, emit }) => {
    const r = ws.rules.applyToOpen();
    if (r.changed.length) emit('orders.changed', { ids: r.changed });
    return { considered: r.considered, changed: r.changed.length };
  },
  'orders.handling': (input, { ws }) => ws.rules.handling(input.id),
  'orders.setTags': (input, { ws, emit }) => {
    const h = ws.rules.setTags(input.id, input.tags);
    emit('orders.changed', { ids: [input.id] });
    return h;
  },
};
