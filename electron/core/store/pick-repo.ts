import type { PickCandidate, PickListSummary, PickListView, PickTask } from '../../../shared/contract/picking';
import { PRIORITY_LEVELS, PRIORITY_RANK, type Priority } from '../../../shared/contract/rules';
import type { BinSupply, PickTask as PathTask } from '../../../shared/domain/pick-path';
import type { Db } from './db';

type TaskRow = Omit<PickTask, 'binScanned' | 'allocations'> & { variantId: number; binScannedAt: string | null };

/**
 * The walk order of a bin from its code (zone-aisle-shelf-level, numbers as numbers). The locations work
 * keeps this key on the bin itself; until it has landed the code is all there is.
 */
export function walkKey(code: string): string {
  return code.trim().toUpperCase().split(/[-_./ ]+/).map((p) => p.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(8, '0'))).join('|');
}

const priorityOf = (rank: number): Priority => PRIORITY_LEVELS.find((p) => PRIORITY_RANK[p] === rank) ?? 'normal';

/** Pick lists, their stops and scans. */
export function createPickRepo(db: Db) {
  const c = db.$client;
  const summaryCols = `p.id, p.kind, p.wave_id AS waveId, p.name, p.location_id AS locationId, l.name AS locationName, p.status, p.picker,
    p.created_at AS createdAt,
    (SELECT count(*) FROM pick_list_orders m WHERE m.pick_list_id = p.id AND m.status <> 'removed') AS orders,
    (SELECT coalesce(sum(quantity), 0) FROM pick_tasks t WHERE t.pick_list_id = p.id) AS units,
    (SELECT coalesce(sum(picked), 0) FROM pick_tasks t WHERE t.pick_list_id = p.id) AS picked,
    (SELECT coalesce(sum(short), 0) FROM pick_tasks t WHERE t.pick_list_id = p.id) AS short`;
  const taskCols = `id, seq, bin_id AS binId, bin_code AS binCode, sku, title, quantity, picked, short, short_reason AS shortReason, status,
    variant_id AS variantId, bin_scanned_at AS binScannedAt`;
  const allocationsOf = c.prepare(`SELECT a.task_id AS taskId, a.order_id AS orderId, o.number, a.order_line_id AS orderLineId, a.tote, a.quantity, a.picked
    FROM pick_allocations a JOIN orders o ON o.id = a.order_id JOIN pick_tasks t ON t.id = a.task_id WHERE t.pick_list_id = ? ORDER BY a.task_id, a.rowid`);

  return {
    summary(id: number): PickListSummary | undefined {
      return c.prepare(`SELECT ${summaryCols} FROM pick_lists p JOIN locations l ON l.id = p.location_id WHERE p.id = ?`).get(id) as PickListSummary | undefined;
    },
    lists(active: boolean, limit: number): PickListSummary[] {
      return c.prepare(`SELECT ${summaryCols} FROM pick_lists p JOIN locations l ON l.id = p.location_id
        ${active ? "WHERE p.status IN ('open', 'picking')" : ''} ORDER BY p.id DESC LIMIT ?`).all(limit) as PickListSummary[];
    },
    tasks(listId: number): Array<TaskRow & { allocations: Array<PickTask['allocations'][number] & { orderLineId: number }> }> {
      const tasks = c.prepare(`SELECT ${taskCols} FROM pick_tasks WHERE pick_list_id = ? ORDER BY seq`).all(listId) as TaskRow[];
      const allocs = allocationsOf.all(listId) as Array<PickTask['allocations'][number] & { taskId: number; orderLineId: number }>;
      return tasks.map((t) => ({ ...t, allocations: allocs.filter((a) => a.taskId === t.id).map(({ taskId: _t, ...a }) => a) }));
    },
    members(listId: number): PickListView['members'] {
      return c.prepare(`SELECT m.order_id AS orderId, o.number, o.customer_name AS customerName, m.tote, m.status FROM pick_list_orders m
        JOIN orders o ON o.id = m.order_id WHERE m.pick_list_id = ? ORDER BY m.rowid`).all(listId) as PickListView['members'];
    },
    /** Open orders at a location that no list is picking, most urgent then oldest first. */
    candidates(f: { locationId: number; singleItemOnly: boolean; tag: string; carrier: string; channelId?: number | undefined; before?: string | undefined; limit: number }): PickCandidate[] {
      const where = [`o.status = 'open'`, 'o.location_id = @locationId',
        `NOT EXISTS (SELECT 1 FROM pick_list_orders m WHERE m.order_id = o.id AND m.status IN ('picking', 'picked'))`,
        "NOT EXISTS (SELECT 1 FROM pack_sessions s WHERE s.order_id = o.id AND s.status <> 'abandoned')"];
      if (f.singleItemOnly) where.push('o.item_count = 1');
      if (f.channelId) where.push('o.channel_id = @channelId');
      if (f.before) where.push('o.created_at <= @before');
      if (f.carrier) where.push('h.carrier = @carrier COLLATE NOCASE');
      if (f.tag) where.push(`EXISTS (SELECT 1 FROM json_each(h.tags) WHERE value = @tag COLLATE NOCASE UNION ALL SELECT 1 FROM json_each(h.rule_tags) WHERE value = @tag COLLATE NOCASE)`);
      const rows = c.prepare(`SELECT o.id, o.number, o.customer_name AS customerName, ch.name AS channelName, o.item_count AS itemCount, o.created_at AS createdAt,
          coalesce(h.priority, 0) AS priority, coalesce(h.tags, '[]') AS tags, coalesce(h.rule_tags, '[]') AS ruleTags, coalesce(h.carrier, '') AS carrier
        FROM orders o JOIN channels ch ON ch.id = o.channel_id LEFT JOIN order_handling h ON h.order_id = o.id
        WHERE ${where.join(' AND ')} ORDER BY coalesce(h.priority, 0) DESC, o.id LIMIT @limit`).all({ ...f, channelId: f.channelId ?? null, before: f.before ?? null }) as Array<{
        id: number; number: string; customerName: string; channelName: string; itemCount: number; createdAt: string; priority: number; tags: string; ruleTags: string; carrier: string;
      }>;
      return rows.map((r) => ({ ...r, priority: priorityOf(r.priority), tags: [...JSON.parse(r.tags) as string[], ...JSON.parse(r.ruleTags) as string[]] }));
    },
    /** the order's lines to pick at a location: its parcel there when split, else all of it; known SKUs only */
    demandLines(orderId: number, locationId: number): Array<{ orderLineId: number; variantId: number; sku: string; title: string; quantity: number }> {
      const lines = c.prepare(`SELECT id AS orderLineId, variant_id AS variantId, sku, title, quantity FROM order_lines WHERE order_id = ? AND variant_id IS NOT NULL ORDER BY id`)
        .all(orderId) as Array<{ orderLineId: number; variantId: number; sku: string; title: string; quantity: number }>;
      const shipments = c.prepare("SELECT location_id AS locationId, lines FROM order_shipments WHERE order_id = ? AND status = 'agreed'").all(orderId) as Array<{ locationId: number; lines: string }>;
      if (!shipments.length) return lines;
      const here = shipments.find((s) => s.locationId === locationId);
      const left = new Map((here ? JSON.parse(here.lines) as Array<{ variantId: number; quantity: number }> : []).map((l) => [l.variantId, l.quantity]));
      return lines.map((l) => {
        const q = Math.min(l.quantity, left.get(l.variantId) ?? 0);
        left.set(l.variantId, (left.get(l.variantId) ?? 0) - q);
        return { ...l, quantity: q };
      }).filter((l) => l.quantity > 0);
    },
    /**
     * Where the SKUs are at a location, less what open lists will still take from there. Today a SKU has
     * one home bin (its balance row) holding all its units at the location; stock per bin replaces this.
     */
    supplies(locationId: number, variantIds: number[]): BinSupply[] {
      if (!variantIds.length) return [];
      const rows = c.prepare(`SELECT b.variant_id AS variantId, b.on_hand AS onHand, b.bin_id AS binId, bn.code,
          (SELECT coalesce(sum(t.quantity - t.picked - t.short), 0) FROM pick_tasks t JOIN pick_lists p ON p.id = t.pick_list_id
            WHERE t.variant_id = b.variant_id AND p.location_id = b.location_id AND p.status IN ('open', 'picking') AND t.status = 'open') AS promised
        FROM inventory_balances b LEFT JOIN bins bn ON bn.id = b.bin_id
        WHERE b.location_id = ? AND b.variant_id IN (SELECT value FROM json_each(?))`).all(locationId, JSON.stringify(variantIds)) as Array<{
        variantId: number; onHand: number; binId: number | null; code: string | null; promised: number;
      }>;
      return rows.map((r) => ({ binId: r.binId, code: r.code ?? 'no bin', sortKey: r.code ? walkKey(r.code) : '', variantId: r.variantId, available: r.onHand - r.promised, home: r.binId !== null }));
    },
    insertList(l: { kind: string; waveId: number | null; name: string; locationId: number; createdBy: string; at: string }): number {
      return Number(c.prepare(`INSERT INTO pick_lists (kind, wave_id, name, location_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(l.kind, l.waveId, l.name, l.locationId, l.createdBy, l.at).lastInsertRowid);
    },
    setWave(listId: number, waveId: number) {
      c.prepare('UPDATE pick_lists SET wave_id = ? WHERE id = ?').run(waveId, listId);
    },
    insertMember(listId: number, orderId: number, tote: string) {
      c.prepare(`INSERT INTO pick_list_orders (pick_list_id, order_id, tote) VALUES (?, ?, ?)`).run(listId, orderId, tote);
    },
    insertTasks(listId: number, tasks: PathTask[]) {
      const ins = c.prepare(`INSERT INTO pick_tasks (pick_list_id, seq, bin_id, bin_code, sort_key, variant_id, sku, title, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const alloc = c.prepare('INSERT INTO pick_allocations (task_id, order_id, order_line_id, tote, quantity) VALUES (?, ?, ?, ?, ?)');
      for (const t of tasks) {
        const id = Number(ins.run(listId, t.seq, t.binId, t.binCode, t.sortKey, t.variantId, t.sku, t.title, t.quantity).lastInsertRowid);
        for (const a of t.allocations) alloc.run(id, a.orderId, a.orderLineId, a.tote, a.quantity);
      }
    },
    setListStatus(listId: number, status: 'picking' | 'done' | 'cancelled', at: string, picker?: string) {
      if (status === 'picking') c.prepare("UPDATE pick_lists SET status = 'picking', started_at = ?, picker = ? WHERE id = ?").run(at, picker ?? '', listId);
      else c.prepare('UPDATE pick_lists SET status = ?, finished_at = ? WHERE id = ?').run(status, at, listId);
    },
    binScanned(taskId: number, at: string) {
      c.prepare('UPDATE pick_tasks SET bin_scanned_at = ? WHERE id = ?').run(at, taskId);
    },
    addPicked(taskId: number, orderLineId: number, units: number) {
      c.prepare('UPDATE pick_allocations SET picked = picked + ? WHERE task_id = ? AND order_line_id = ?').run(units, taskId, orderLineId);
      c.prepare("UPDATE pick_tasks SET picked = picked + ?, status = CASE WHEN picked + ? >= quantity THEN 'done' ELSE status END WHERE id = ?").run(units, units, taskId);
    },
    markShort(taskId: number, short: number, reason: string) {
      c.prepare("UPDATE pick_tasks SET short = ?, short_reason = ?, status = 'short' WHERE id = ?").run(short, reason, taskId);
    },
    setMemberStatus(listId: number, orderId: number, status: 'picked' | 'short' | 'removed') {
      c.prepare('UPDATE pick_list_orders SET status = ? WHERE pick_list_id = ? AND order_id = ?').run(status, listId, orderId);
    },
    addScan(s: { listId: number; taskId: number | null; code: string; outcome: string; quantity: number; message: string; actor: string; at: string }) {
      c.prepare(`INSERT INTO pick_scans (pick_list_id, task_id, code, outcome, quantity, message, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(s.listId, s.taskId, s.code, s.outcome, s.quantity, s.message, s.actor, s.at);
    },
    activeListOf(orderId: number): number | undefined {
      return (c.prepare("SELECT pick_list_id AS id FROM pick_list_orders WHERE order_id = ? AND status = 'picking'").get(orderId) as { id: number } | undefined)?.id;
    },
    binAt(locationId: number, code: string): { id: number; code: string } | undefined {
      return c.prepare('SELECT id, code FROM bins WHERE location_id = ? AND code = ? COLLATE NOCASE').get(locationId, code) as { id: number; code: string } | undefined;
    },
    /** picked orders that are waiting for the bench */
    readyToPack(limit: number) {
      return c.prepare(`SELECT m.order_id AS orderId, o.number, o.customer_name AS customerName, m.tote, p.name AS listName, o.item_count AS itemCount
        FROM pick_list_orders m JOIN pick_lists p ON p.id = m.pick_list_id JOIN orders o ON o.id = m.order_id
        WHERE m.status = 'picked' AND o.status = 'open' AND NOT EXISTS (SELECT 1 FROM pack_sessions s WHERE s.order_id = o.id AND s.status <> 'abandoned')
        ORDER BY p.finished_at, m.rowid LIMIT ?`).all(limit) as Array<{ orderId: number; number: string; customerName: string; tote: string; listName: string; itemCount: number }>;
    },
  };
}
export type PickRepo = ReturnType<typeof createPickRepo>;
