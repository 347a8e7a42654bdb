import type { HandlerMap } from './types';

export const inventoryHandlers: HandlerMap = {
  'inventory.list': (input, { ws }) => ws.repos.inventory.list(input),
  'inventory.history': (input, { ws }) => ws.repos.inventory.history(input.variantId, input.locationId, input.limit),
  'inventory.adjust': (input, { ws, emit }) => {
    const row = ws.inventory.adjust(input);
    emit('inventory.changed', { variantIds: [input.variantId] });
    return row;
  },
  'locations.list': (_input, { ws }) => ws.repos.catalog.locations(),
};
