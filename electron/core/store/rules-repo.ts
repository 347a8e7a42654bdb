import { PRIORITY_LEVELS, PRIORITY_RANK, RuleSchema, type Priority, type Risk, type Rule, type RuleDraft } from '../../../shared/contract/rules';
import type { OrderFacts } from '../../../shared/domain/rules-engine';
import type { Db } from './db';

type RuleRow = {
  id: number; position: number; name: string; enabled: number; match: string; conditions: string; actions: string;
  stop: number; version: number; updatedAt: string;
};

export type HandlingRecord = {
  tags: string[]; note: string; risk: Risk; ruleTags: string[]; priority: Priority; carrier: string; service: string;
  packagePreset: string; shipFromLocationId: number | null; fired: Record<string, number>;
};

export const EMPTY_HANDLING: HandlingRecord = {
  tags: [], note: '', risk: 'unknown', ruleTags: [], priority: 'normal', carrier: '', service: '', packagePreset: '', shipFromLocationId: null, fired: {},
};

const priorityOf = (rank: number): Priority => PRIORITY_LEVELS.find((p) => PRIORITY_RANK[p] === rank) ?? 'normal';

/** Rules and what they decided per order. Conditions and actions are read back through the contract's schema. */
export function createRulesRepo(db: Db) {
  const c = db.$client;
  const ruleCols = `id, position, name, enabled, match, conditions, actions, stop, version, updated_at AS updatedAt`;
  const getHandling = c.prepare<[number], Record<string, unknown>>(`SELECT tags, note, risk, rule_tags AS ruleTags, priority, carrier, service,
    package_preset AS packagePreset, ship_from_location_id AS shipFromLocationId, fired FROM order_handling WHERE order_id = ?`);
  const upsertHandling = c.prepare(`INSERT INTO order_handling (order_id, tags, note, risk, rule_tags, priority, carrier, service, package_preset,
      ship_from_location_id, fired, evaluated_at)
    VALUES (@orderId, @tags, @note, @risk, @ruleTags, @priority, @carrier, @service, @packagePreset, @shipFromLocationId, @fired, @at)
    ON CONFLICT (order_id) DO UPDATE SET tags = excluded.tags, note = excluded.note, risk = excluded.risk, rule_tags = excluded.rule_tags,
      priority = excluded.priority, carrier = excluded.carrier, service = excluded.service, package_preset = excluded.package_preset,
      ship_from_location_id = excluded.ship_from_location_id, fired = excluded.fired, evaluated_at = excluded.evaluated_at`);

  function toRule(r: RuleRow): Rule | null {
    const parsed = RuleSchema.safeParse({
      id: r.id, position: r.position, name: r.name, enabled: r.enabled === 1, match: r.match, conditions: JSON.parse(r.conditions),
      actions: JSON.parse(r.actions), stop: r.stop === 1, version: r.version, updatedAt: r.updatedAt,
    });
    if (!parsed.success) {
      // a rule written by a newer version: it is kept, but never run by this one
      console.error(`[rules] rule ${r.id} is not understood by this version and is skipped`);
      return null;
    }
    return parsed.data;
  }

  /** Facts of many orders at once: one pass over orders, one over their lines. */
  function factsOf(ids: number[]): Map<number, OrderFacts> {
    const out = new Map<number, OrderFacts>();
    if (!ids.length) return out;
    const list = JSON.stringify(ids);
    const heads = c.prepare(`SELECT o.id, o.channel_id AS channelId, o.total_minor AS totalMinor, o.currency, o.ship_country_code AS countryCode,
        o.item_count AS itemCount, coalesce(h.tags, '[]') AS tags, coalesce(h.note, '') AS note, coalesce(h.risk, 'unknown') AS risk
      FROM orders o LEFT JOIN order_handling h ON h.order_id = o.id WHERE o.id IN (SELECT value FROM json_each(?))`).all(list) as Array<{
      id: number; channelId: number; totalMinor: number; currency: string; countryCode: string; itemCount: number; tags: string; note: string; risk: Risk;
    }>;
    for (const h of heads) {
      out.set(h.id, { channelId: h.channelId, totalMinor: h.totalMinor, currency: h.currency, countryCode: h.countryCode, itemCount: h.itemCount,
        tags: JSON.parse(h.tags) as string[], note: h.note, risk: h.risk, skus: [], weightGrams: 0 });
    }
    const lines = c.prepare(`SELECT ol.order_id AS orderId, ol.sku, ol.quantity, coalesce(v.weight_grams, 0) AS grams
      FROM order_lines ol LEFT JOIN variants v ON v.id = ol.variant_id WHERE ol.order_id IN (SELECT value FROM json_each(?))`).all(list) as Array<{
      orderId: number; sku: string; quantity: number; grams: number;
    }>;
    for (const l of lines) {
      const f = out.get(l.orderId)!;
      if (!f.skus.includes(l.sku)) f.skus.push(l.sku);
      f.weightGrams += l.grams * l.quantity;
    }
    return out;
  }

  return {
    list(): Rule[] {
      return (c.prepare(`SELECT ${ruleCols} FROM automation_rules ORDER BY position, id`).all() as RuleRow[]).map(toRule).filter((r): r is Rule => r !== null);
    },
    get(id: number): Rule | undefined {
      const r = c.prepare(`SELECT ${ruleCols} FROM automation_rules WHERE id = ?`).get(id) as RuleRow | undefined;
      return r ? toRule(r) ?? undefined : undefined;
    },
    insert(d: RuleDraft, at: string): number {
      const last = (c.prepare('SELECT coalesce(max(position), 0) AS n FROM automation_rules').get() as { n: number }).n;
      return Number(c.prepare(`INSERT INTO automation_rules (position, name, enabled, match, conditions, actions, stop, version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`).run(last + 1, d.name, d.enabled ? 1 : 0, d.match, JSON.stringify(d.conditions), JSON.stringify(d.actions), d.stop ? 1 : 0, at, at).lastInsertRowid);
    },
    update(id: number, d: RuleDraft, at: string) {
      c.prepare(`UPDATE automation_rules SET name = ?, enabled = ?, match = ?, conditions = ?, actions = ?, stop = ?, version = version + 1, updated_at = ?
        WHERE id = ?`).run(d.name, d.enabled ? 1 : 0, d.match, JSON.stringify(d.conditions), JSON.stringify(d.actions), d.stop ? 1 : 0, at, id);
    },
    remove(id: number) {
      c.prepare('DELETE FROM automation_rules WHERE id = ?').run(id);
      this.renumber(this.list().map((r) => r.id));
    },
    /** Puts the rules in the given order (1, 2, 3 …). */
    renumber(ids: number[]) {
      const set = c.prepare('UPDATE automation_rules SET position = ? WHERE id = ?');
      ids.forEach((id, i) => set.run(i + 1, id));
    },
    handling(orderId: number): HandlingRecord {
      const r = getHandling.get(orderId);
      if (!r) return { ...EMPTY_HANDLING };
      return {
        tags: JSON.parse(r.tags as string) as string[], note: r.note as string, risk: r.risk as Risk, ruleTags: JSON.parse(r.ruleTags as string) as string[],
        priority: priorityOf(r.priority as number), carrier: r.carrier as string, service: r.service as string, packagePreset: r.packagePreset as string,
        shipFromLocationId: r.shipFromLocationId as number | null, fired: JSON.parse(r.fired as string) as Record<string, number>,
      };
    },
    saveHandling(orderId: number, h: HandlingRecord, at: string | null) {
      upsertHandling.run({
        orderId, tags: JSON.stringify(h.tags), note: h.note, risk: h.risk, ruleTags: JSON.stringify(h.ruleTags), priority: PRIORITY_RANK[h.priority],
        carrier: h.carrier, service: h.service, packagePreset: h.packagePreset, shipFromLocationId: h.shipFromLocationId, fired: JSON.stringify(h.fired), at,
      });
    },
    factsOf,
    /** the newest orders by arrival, for a dry run */
    latestOrders(limit: number): Array<{ id: number; number: string; status: string; createdAt: string }> {
      return c.prepare('SELECT id, number, status, created_at AS createdAt FROM orders ORDER BY id DESC LIMIT ?').all(limit) as Array<{ id: number; number: string; status: string; createdAt: string }>;
    },
    /** orders the rules may still change: not yet being packed, nor gone */
    openOrderIds(): number[] {
      return (c.prepare("SELECT id FROM orders WHERE status IN ('open', 'on_hold') ORDER BY id").all() as Array<{ id: number }>).map((r) => r.id);
    },
  };
}
export type RulesRepo = ReturnType<typeof createRulesRepo>;
