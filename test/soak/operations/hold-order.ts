import type { SoakOperation } from '../soak-types';

/** Put an open order on hold and release it, each with a reason the timeline must keep once. */
export const holdOrder: SoakOperation = {
  name: 'hold and release an order',
  weight: 2,
  async run(ctx) {
    const rows = ctx.ok(await ctx.client.call<{ rows: Array<{ id: number }> }>('orders.list', { status: 'open', limit: 100 }))?.rows ?? [];
    if (rows.length === 0) return;
    const { id } = ctx.pick(rows);
    for (const [to, words] of [['on_hold', 'hold'], ['open', 'release']] as const) {
      const reason = `soak ${words} ${ctx.nextId()}`;
      const r = await ctx.client.call('orders.transition', { id, to, reason });
      if (r.kind === 'refused') return;
      ctx.journal.record('order-event', reason, r.kind === 'ok');
      if (r.kind === 'lost') return;
    }
  },
  counts: {
    'order-event': (db, key) => (db.prepare("SELECT count(*) AS n FROM order_events WHERE kind = 'status' AND json_extract(details, '$.reason') = ?").get(key) as { n: number }).n,
  },
};
