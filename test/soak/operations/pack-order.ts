import type { SoakOperation } from '../soak-types';

type Row = { id: number };
type Line = { sku: string; scanned: number; expected: number };
type View = { sessionId: number; lines: Line[] };

const sent = new Map<number, number>();
const acked = new Map<number, number>();

/** Open an order (new or left half-packed by a kill), scan what is missing, close the parcel. */
export const packOrder: SoakOperation = {
  name: 'pack an order',
  weight: 5,
  async run(ctx) {
    const status = ctx.random() < 0.4 ? 'picking' : 'open';
    const rows = ctx.ok(await ctx.client.call<{ rows: Row[] }>('orders.list', { status, limit: 100 }))?.rows ?? [];
    if (rows.length === 0) return;
    const order = ctx.pick(rows);
    const view = ctx.ok(await ctx.client.call<View>('pack.open', { orderId: order.id }));
    if (!view) return;
    for (const line of view.lines) {
      for (let i = line.scanned; i < line.expected; i++) {
        sent.set(view.sessionId, (sent.get(view.sessionId) ?? 0) + 1);
        const r = await ctx.client.call<{ outcome: string }>('pack.scan', { sessionId: view.sessionId, code: line.sku });
        if (r.kind !== 'ok' || r.result.outcome !== 'accepted') return;
        acked.set(view.sessionId, (acked.get(view.sessionId) ?? 0) + 1);
      }
    }
    const done = await ctx.client.call('pack.complete', { sessionId: view.sessionId });
    if (done.kind === 'refused') return;
    ctx.journal.record('packed', String(order.id), done.kind === 'ok');
  },
  counts: {
    packed: (db, key) => (db.prepare("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'packed'").get(Number(key)) as { n: number }).n,
  },
  check(db) {
    // every scan the station answered is stored; none is stored twice (at most what was sent)
    const result = { lost: 0, doubled: 0, problems: [] as string[] };
    for (const [sessionId, n] of sent) {
      const stored = (db.prepare("SELECT count(*) AS n FROM pack_scans WHERE session_id = ? AND outcome = 'accepted'").get(sessionId) as { n: number }).n;
      const ack = acked.get(sessionId) ?? 0;
      if (stored < ack) { result.lost += ack - stored; result.problems.push(`session ${sessionId}: ${ack} scans answered, ${stored} stored`); }
      if (stored > n) { result.doubled += stored - n; result.problems.push(`session ${sessionId}: ${n} scans sent, ${stored} stored`); }
    }
    return result;
  },
};
