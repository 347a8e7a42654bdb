import type { SoakOperation } from '../soak-types';

type Row = { variantId: number; locationId: number; onHand: number };

/** A stock count that finds a few more on the shelf (never fewer, so packing is never starved). */
export const adjustStock: SoakOperation = {
  name: 'count stock',
  weight: 3,
  async run(ctx) {
    const rows = ctx.ok(await ctx.client.call<{ rows: Row[] }>('inventory.list', { limit: 200 }))?.rows ?? [];
    if (rows.length === 0) return;
    const row = ctx.pick(rows);
    const reason = `soak count ${ctx.nextId()}`;
    const r = await ctx.client.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: row.onHand + 1 + Math.floor(ctx.random() * 5), reason });
    if (r.kind !== 'refused') ctx.journal.record('movement', reason, r.kind === 'ok');
  },
  counts: {
    movement: (db, key) => (db.prepare('SELECT count(*) AS n FROM inventory_movements WHERE reason = ?').get(key) as { n: number }).n,
  },
};
