import type { StockRuleKind } from '../../../shared/domain/stock-allocation';
import type { Db } from './db';

export type DirtyMark = { sku: string; version: number; cause: string; markedAt: string };
export type PublishedRow = { sku: string; quantity: number; remoteSeen: number | null; sending: number | null; publishedAt: string };
export type StockRuleRow = { id: number; channelId: number; sku: string; kind: StockRuleKind; value: number; updatedAt: string };
export type ReconciliationRow = { id: number; trigger: 'manual' | 'schedule' | 'reconnect'; startedAt: string; finishedAt: string | null; summary: string };
export type ReconciliationLineRow = {
  id: number; reconciliationId: number; channelId: number; sku: string; ours: number; theirs: number | null; available: number;
  fix: '' | 'push_ours' | 'accept_theirs'; fixWords: string; fixedAt: string | null;
};

/** SQL of inventory sync (#7): dirty marks, what each channel was told, rules, safety stock, reconciliations. */
export function createStockSyncRepo(db: Db) {
  const c = db.$client;
  const dirtyPage = c.prepare<[number, number], DirtyMark>(`SELECT sku, version, cause, marked_at AS markedAt FROM stock_dirty
    WHERE channel_id = ? ORDER BY marked_at, sku LIMIT ?`);
  const clearAt = c.prepare('DELETE FROM stock_dirty WHERE channel_id = ? AND sku = ? AND version = ?');
  const mark = c.prepare(`INSERT INTO stock_dirty (channel_id, sku, version, cause, marked_at) VALUES (?, ?, 1, ?, ?)
    ON CONFLICT (channel_id, sku) DO UPDATE SET version = version + 1, cause = excluded.cause, marked_at = excluded.marked_at`);
  // a follow-up mark (a share moved) keeps the cause already waiting: the order or count behind it says more
  const markKeep = c.prepare(`INSERT INTO stock_dirty (channel_id, sku, version, cause, marked_at) VALUES (?, ?, 1, ?, ?)
    ON CONFLICT (channel_id, sku) DO UPDATE SET version = version + 1`);
  const getPublished = c.prepare<[number, string], PublishedRow>('SELECT sku, quantity, remote_seen AS remoteSeen, sending, published_at AS publishedAt FROM stock_published WHERE channel_id = ? AND sku = ?');
  const upsertPublished = c.prepare(`INSERT INTO stock_published (channel_id, sku, quantity, remote_seen, published_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (channel_id, sku) DO UPDATE SET quantity = excluded.quantity, remote_seen = excluded.remote_seen, published_at = excluded.published_at`);
  const setSending = c.prepare('UPDATE stock_published SET sending = ? WHERE channel_id = ? AND sku = ?');
  const shift = c.prepare(`UPDATE stock_published SET quantity = max(0, quantity + @delta),
    remote_seen = CASE WHEN remote_seen IS NULL THEN NULL ELSE max(0, remote_seen + @delta) END WHERE channel_id = @channelId AND sku = @sku`);
  const insertHistory = c.prepare('INSERT INTO stock_publish_history (channel_id, sku, quantity, previous, cause, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const balanceSum = c.prepare<[string], { onHand: number; committed: number }>(`SELECT coalesce(sum(b.on_hand), 0) AS onHand, coalesce(sum(b.committed), 0) AS committed
    FROM inventory_balances b JOIN variants v ON v.id = b.variant_id WHERE v.sku = ?`);
  const balanceAt = c.prepare<[string, number], { onHand: number; committed: number }>(`SELECT coalesce(sum(b.on_hand), 0) AS onHand, coalesce(sum(b.committed), 0) AS committed
    FROM inventory_balances b JOIN variants v ON v.id = b.variant_id WHERE v.sku = ? AND b.location_id = ?`);

  return {
    dirty(channelId: number, limit: number): DirtyMark[] { return dirtyPage.all(channelId, limit); },
    dirtyCount(channelId: number): number {
      return (c.prepare('SELECT count(*) AS n FROM stock_dirty WHERE channel_id = ?').get(channelId) as { n: number }).n;
    },
    /** done at the version that was sent; a newer mark (bumped meanwhile) stays and goes out next */
    clear(channelId: number, sku: string, version: number): boolean { return clearAt.run(channelId, sku, version).changes > 0; },
    mark(channelId: number, sku: string, cause: string, at: string, keepCause = false) { (keepCause ? markKeep : mark).run(channelId, sku, cause, at); },
    /** every SKU of the catalog, for one channel or all that list products (a rule changed, a channel was connected) */
    markAll(channelId: number | null, cause: string, at: string, sku?: string): number {
      return c.prepare(`INSERT INTO stock_dirty (channel_id, sku, version, cause, marked_at)
        SELECT ch.id, v.sku, 1, ?, ? FROM channels ch, variants v
        WHERE ch.kind <> 'manual' AND (? IS NULL OR ch.id = ?) AND (? IS NULL OR v.sku = ?)
        ON CONFLICT (channel_id, sku) DO UPDATE SET version = version + 1, cause = excluded.cause, marked_at = excluded.marked_at`)
        .run(cause, at, channelId, channelId, sku ?? null, sku ?? null).changes;
    },
    published(channelId: number, sku: string): PublishedRow | undefined { return getPublished.get(channelId, sku); },
    publishedAll(channelId: number): PublishedRow[] {
      return c.prepare('SELECT sku, quantity, remote_seen AS remoteSeen, sending, published_at AS publishedAt FROM stock_published WHERE channel_id = ? ORDER BY sku').all(channelId) as PublishedRow[];
    },
    /** a number the channel now shows: remembered, with its cause in the history (only when it changed) */
    recordPublished(channelId: number, sku: string, quantity: number, cause: string, at: string) {
      const before = getPublished.get(channelId, sku);
      upsertPublished.run(channelId, sku, quantity, quantity, at);
      setSending.run(null, channelId, sku);
      if (!before || before.quantity !== quantity) insertHistory.run(channelId, sku, quantity, before?.quantity ?? null, cause, at);
    },
    /** written before a set goes out (its own transaction), so it survives the app stopping before the answer.
     *  A channel never told has no row and needs none: its first set is unconditional, never answered stale. */
    sending(channelId: number, sku: string, quantity: number | null) { setSending.run(quantity, channelId, sku); },
    /** a raise that may have arrived (no answer): the channel is counted at the higher number until we know */
    promise(channelId: number, sku: string, quantity: number, at: string) {
      const before = getPublished.get(channelId, sku);
      if (!before) upsertPublished.run(channelId, sku, quantity, null, at);
      else if (quantity > before.quantity) upsertPublished.run(channelId, sku, quantity, before.remoteSeen, before.publishedAt);
    },
    /**
     * The shop moved its own count: it lowers it when it sells (the order that lands here) and raises it
     * when it restocks a cancelled order. What we believe it shows follows, so the pusher tops the shop
     * back up to its share, or lowers it, instead of taking the shop's own move for drift.
     */
    shopMoved(channelId: number, sku: string, delta: number) { shift.run({ delta, channelId, sku }); },
    /** the channel's own count, as read (a stale compare-and-set, a reconciliation) */
    sawRemote(channelId: number, sku: string, remote: number | null, at: string) {
      const before = getPublished.get(channelId, sku);
      upsertPublished.run(channelId, sku, before?.quantity ?? (remote ?? 0), remote, before?.publishedAt ?? at);
    },
    budgetLeft(channelId: number) {
      return c.prepare(`SELECT coalesce(sum(quantity), 0) AS units, count(*) AS skus, coalesce(sum(quantity = 0), 0) AS skusAtZero FROM stock_published WHERE channel_id = ?`)
        .get(channelId) as { units: number; skus: number; skusAtZero: number };
    },
    history(sku: string, limit: number) {
      return c.prepare(`SELECT h.id, h.channel_id AS channelId, ch.name AS channelName, h.quantity, h.previous, h.cause, h.created_at AS createdAt
        FROM stock_publish_history h JOIN channels ch ON ch.id = h.channel_id WHERE h.sku = ? ORDER BY h.id DESC LIMIT ?`).all(sku, limit) as
        Array<{ id: number; channelId: number; channelName: string; quantity: number; previous: number | null; cause: string; createdAt: string }>;
    },
    pushCount(): number { return (c.prepare('SELECT count(*) AS n FROM stock_publish_history').get() as { n: number }).n; },

    /** on hand and committed of a SKU, at one location or summed over all */
    balance(sku: string, locationId: number | null) { return (locationId === null ? balanceSum.get(sku) : balanceAt.get(sku, locationId)) ?? { onHand: 0, committed: 0 }; },
    skus(): string[] { return (c.prepare('SELECT sku FROM variants ORDER BY sku').all() as Array<{ sku: string }>).map((r) => r.sku); },
    hasSku(sku: string): boolean { return c.prepare('SELECT 1 FROM variants WHERE sku = ?').get(sku) !== undefined; },

    rules(): StockRuleRow[] {
      return c.prepare('SELECT id, channel_id AS channelId, sku, kind, value, updated_at AS updatedAt FROM stock_rules ORDER BY channel_id, sku').all() as StockRuleRow[];
    },
    setRule(channelId: number, sku: string, kind: StockRuleKind, value: number, at: string) {
      c.prepare(`INSERT INTO stock_rules (channel_id, sku, kind, value, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (channel_id, sku) DO UPDATE SET kind = excluded.kind, value = excluded.value, updated_at = excluded.updated_at`).run(channelId, sku, kind, value, at);
    },
    removeRule(id: number): StockRuleRow | undefined {
      const r = c.prepare('SELECT id, channel_id AS channelId, sku, kind, value, updated_at AS updatedAt FROM stock_rules WHERE id = ?').get(id) as StockRuleRow | undefined;
      if (r) c.prepare('DELETE FROM stock_rules WHERE id = ?').run(id);
      return r;
    },
    safety(sku: string): number { return (c.prepare('SELECT quantity FROM safety_stock WHERE sku = ?').get(sku) as { quantity: number } | undefined)?.quantity ?? 0; },
    safetyAll(): Array<{ sku: string; quantity: number }> { return c.prepare('SELECT sku, quantity FROM safety_stock WHERE quantity > 0 ORDER BY sku').all() as Array<{ sku: string; quantity: number }>; },
    setSafety(sku: string, quantity: number, at: string) {
      if (quantity === 0) c.prepare('DELETE FROM safety_stock WHERE sku = ?').run(sku);
      else c.prepare(`INSERT INTO safety_stock (sku, quantity, updated_at) VALUES (?, ?, ?) ON CONFLICT (sku) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at`).run(sku, quantity, at);
    },

    startReconciliation(trigger: ReconciliationRow['trigger'], at: string): number {
      return Number(c.prepare('INSERT INTO stock_reconciliations (trigger, started_at) VALUES (?, ?)').run(trigger, at).lastInsertRowid);
    },
    addDrift(line: Omit<ReconciliationLineRow, 'id' | 'fix' | 'fixWords' | 'fixedAt'>) {
      c.prepare('INSERT INTO stock_reconciliation_lines (reconciliation_id, channel_id, sku, ours, theirs, available) VALUES (?, ?, ?, ?, ?, ?)')
        .run(line.reconciliationId, line.channelId, line.sku, line.ours, line.theirs, line.available);
    },
    finishReconciliation(id: number, summary: string, at: string) {
      c.prepare('UPDATE stock_reconciliations SET finished_at = ?, summary = ? WHERE id = ?').run(at, summary, id);
    },
    reconciliations(limit: number): ReconciliationRow[] {
      return c.prepare('SELECT id, trigger, started_at AS startedAt, finished_at AS finishedAt, summary FROM stock_reconciliations ORDER BY id DESC LIMIT ?').all(limit) as ReconciliationRow[];
    },
    lastReconciliation(trigger?: ReconciliationRow['trigger']): ReconciliationRow | undefined {
      return c.prepare(`SELECT id, trigger, started_at AS startedAt, finished_at AS finishedAt, summary FROM stock_reconciliations
        WHERE (? IS NULL OR trigger = ?) ORDER BY id DESC LIMIT 1`).get(trigger ?? null, trigger ?? null) as ReconciliationRow | undefined;
    },
    reconciliation(id: number): ReconciliationRow | undefined {
      return c.prepare('SELECT id, trigger, started_at AS startedAt, finished_at AS finishedAt, summary FROM stock_reconciliations WHERE id = ?').get(id) as ReconciliationRow | undefined;
    },
    driftLines(reconciliationId: number): ReconciliationLineRow[] {
      return c.prepare(`SELECT id, reconciliation_id AS reconciliationId, channel_id AS channelId, sku, ours, theirs, available, fix, fix_words AS fixWords, fixed_at AS fixedAt
        FROM stock_reconciliation_lines WHERE reconciliation_id = ? ORDER BY sku, channel_id`).all(reconciliationId) as ReconciliationLineRow[];
    },
    driftLine(id: number): ReconciliationLineRow | undefined {
      return c.prepare(`SELECT id, reconciliation_id AS reconciliationId, channel_id AS channelId, sku, ours, theirs, available, fix, fix_words AS fixWords, fixed_at AS fixedAt
        FROM stock_reconciliation_lines WHERE id = ?`).get(id) as ReconciliationLineRow | undefined;
    },
    addShortage(orderId: number, lines: Array<{ sku: string; wanted: number; short: number }>, at: string) {
      c.prepare(`INSERT INTO order_shortages (order_id, lines, created_at) VALUES (?, ?, ?) ON CONFLICT (order_id) DO NOTHING`).run(orderId, JSON.stringify(lines), at);
    },
    shortage(orderId: number) {
      const r = c.prepare(`SELECT order_id AS orderId, lines, status, choice, reason, created_at AS createdAt, resolved_at AS resolvedAt FROM order_shortages WHERE order_id = ?`).get(orderId) as
        { orderId: number; lines: string; status: 'open' | 'resolved'; choice: string; reason: string; createdAt: string; resolvedAt: string | null } | undefined;
      return r ? { ...r, lines: JSON.parse(r.lines) as Array<{ sku: string; wanted: number; short: number }> } : undefined;
    },
    resolveShortage(orderId: number, choice: 'backorder' | 'cancel' | 'adjust', reason: string, at: string) {
      c.prepare(`UPDATE order_shortages SET status = 'resolved', choice = ?, reason = ?, resolved_at = ? WHERE order_id = ?`).run(choice, reason, at, orderId);
    },
    openShortages(): number { return (c.prepare(`SELECT count(*) AS n FROM order_shortages WHERE status = 'open'`).get() as { n: number }).n; },
    setFix(id: number, fix: 'push_ours' | 'accept_theirs', words: string, at: string) {
      c.prepare('UPDATE stock_reconciliation_lines SET fix = ?, fix_words = ?, fixed_at = ? WHERE id = ?').run(fix, words, at, id);
    },
  };
}
export type StockSyncRepo = ReturnType<typeof createStockSyncRepo>;
