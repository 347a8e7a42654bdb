import type { SoakContext, SoakOperation } from '../soak-types';

type Line = { lineId: number; orderLineId: number; sku: string; expected: number; received: number };
type View = { id: number; number: string; status: string; lines: Line[]; awaitingGrade: { sku: string } | null };
type Returnable = { canReturn: boolean; lines: Array<{ orderLineId: number; returnable: number }> };

const GRADES = ['new', 'new', 'damaged', 'unsellable', 'faulty'] as const;

/** Scans in what is missing, grades it, finishes and refunds: the same steps whether it is new or left by a kill. */
async function workThrough(ctx: SoakContext, start: View): Promise<void> {
  let view = start;
  if (view.status === 'requested' || view.status === 'label_sent' || view.status === 'in_transit') {
    const opened = ctx.ok(await ctx.client.call<{ kind: string; view: View }>('returns.open', { code: view.number }));
    if (!opened || opened.kind !== 'return') return;
    view = opened.view;
  }
  if (view.status === 'received') {
    if (view.awaitingGrade) {
      const g = ctx.ok(await ctx.client.call<{ view: View }>('returns.grade', { returnId: view.id, grade: ctx.pick(GRADES) }));
      if (!g) return;
      view = g.view;
    }
    for (const line of view.lines) {
      for (let i = line.received; i < line.expected; i++) {
        const s = ctx.ok(await ctx.client.call<{ outcome: string }>('returns.scan', { returnId: view.id, code: line.sku }));
        if (!s || s.outcome !== 'accepted') return;
        if (!ctx.ok(await ctx.client.call('returns.grade', { returnId: view.id, grade: ctx.pick(GRADES) }))) return;
      }
    }
    const done = ctx.ok(await ctx.client.call<View>('returns.finish', { returnId: view.id }));
    if (!done) return;
    view = done;
  }
  if (view.status === 'inspected') {
    const r = await ctx.client.call<View>('returns.refund', { returnId: view.id });
    if (r.kind === 'refused') {
      // nothing came back to refund (every unit flagged): closed instead
      await ctx.client.call('returns.close', { returnId: view.id, reason: 'soak: nothing to refund' });
      return;
    }
    ctx.journal.record('return-refunded', view.number, r.kind === 'ok');
  }
}

/** A customer sends part of a packed order back: announced, received by its RMA, graded, put away, refunded once. */
export const returnOrder: SoakOperation = {
  name: 'take a return back',
  weight: 2,
  async run(ctx) {
    // a return left half-done by a kill is finished first, as the packer would
    const waiting = ctx.ok(await ctx.client.call<Array<{ id: number }>>('returns.list', { view: 'bench', limit: 20 })) ?? [];
    if (waiting.length) {
      const view = ctx.ok(await ctx.client.call<View>('returns.get', { id: ctx.pick(waiting).id }));
      if (view) await workThrough(ctx, view);
      return;
    }
    const status = ctx.random() < 0.5 ? 'packed' : 'shipped';
    const rows = ctx.ok(await ctx.client.call<{ rows: Array<{ id: number }> }>('orders.list', { status, limit: 100 }))?.rows ?? [];
    if (rows.length === 0) return;
    const order = ctx.pick(rows);
    const info = ctx.ok(await ctx.client.call<Returnable>('returns.forOrder', { orderId: order.id }));
    const lines = info?.lines.filter((l) => l.returnable > 0) ?? [];
    if (!info?.canReturn || lines.length === 0) return;
    const note = `soak return ${ctx.nextId()}`;
    const created = await ctx.client.call<View>('returns.create', {
      orderId: order.id, shipping: 'customer', note, lines: [{ orderLineId: ctx.pick(lines).orderLineId, quantity: 1, reasonCode: ctx.pick(['changed_mind', 'faulty', 'wrong_size']) }],
    });
    if (created.kind === 'refused') return;
    ctx.journal.record('return-created', note, created.kind === 'ok');
    if (created.kind === 'ok') await workThrough(ctx, created.result);
  },
  counts: {
    'return-created': (db, key) => (db.prepare('SELECT count(*) AS n FROM returns WHERE note = ?').get(key) as { n: number }).n,
    'return-refunded': (db, key) => (db.prepare("SELECT count(*) AS n FROM outbox WHERE topic = 'order.refund' AND json_extract(payload, '$.rma') = ?").get(key) as { n: number }).n,
  },
  check(db) {
    // every refunded return has exactly its one refund row; no return was refunded twice
    const result = { lost: 0, doubled: 0, problems: [] as string[] };
    const rows = db.prepare(`SELECT r.number, r.status, r.refund_outbox_id AS outboxId,
        (SELECT count(*) FROM outbox o WHERE o.topic = 'order.refund' AND json_extract(o.payload, '$.returnId') = r.id) AS n FROM returns r`).all() as Array<{ number: string; status: string; outboxId: number | null; n: number }>;
    for (const r of rows) {
      if (r.n > 1) { result.doubled += r.n - 1; result.problems.push(`${r.number}: ${r.n} refund rows`); }
      if (r.status === 'refunded' && (r.n !== 1 || r.outboxId === null)) { result.lost++; result.problems.push(`${r.number} is refunded with ${r.n} refund rows`); }
      if (r.status !== 'refunded' && r.n > 0) { result.problems.push(`${r.number} is ${r.status} but has a refund row`); result.doubled += r.n; }
    }
    return result;
  },
};
