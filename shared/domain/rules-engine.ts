import type { Action, Condition, Priority, Risk, Rule } from '../contract/rules';
import { foldForSearch } from './search-text';

/**
 * The facts a rule looks at, gathered from the order as the channel (or a person) gave it. Tags added by
 * rules are not facts: they are recomputed on every run, which is what makes a run repeatable.
 */
export type OrderFacts = {
  channelId: number;
  totalMinor: number;
  currency: string;
  countryCode: string;
  skus: string[];
  weightGrams: number;
  tags: string[];
  itemCount: number;
  note: string;
  risk: Risk;
};

export type Firing = { ruleId: number; version: number; name: string; actions: Action[] };

/** What a run of the rules decided. Tags and notes add up; for one setting the last rule that sets it wins; the first hold's reason is kept. */
export type RulesOutcome = {
  fired: Firing[];
  tags: string[];
  hold: { ruleId: number; reason: string } | null;
  locationId: number | null;
  shipping: { carrier: string; service: string } | null;
  packagePreset: string | null;
  priority: Priority | null;
  notes: Array<{ ruleId: number; text: string }>;
};

export type RunnableRule = Pick<Rule, 'id' | 'version' | 'name' | 'enabled' | 'match' | 'conditions' | 'actions' | 'stop' | 'position'>;

function compare(op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', value: number, target: number): boolean {
  switch (op) {
    case 'eq': return value === target;
    case 'ne': return value !== target;
    case 'gt': return value > target;
    case 'gte': return value >= target;
    case 'lt': return value < target;
    case 'lte': return value <= target;
  }
}

/** The facts with the text already folded once per run, not once per condition. */
type Prepared = { facts: OrderFacts; note: string; skus: string[]; tagKeys: Set<string> };

function prepare(f: OrderFacts, tagKeys: Set<string>): Prepared {
  return { facts: f, note: foldForSearch(f.note), skus: f.skus.map((s) => s.toUpperCase()), tagKeys };
}

function skuMatches(pattern: string, upperSku: string): boolean {
  const p = pattern.toUpperCase();
  return p.endsWith('*') ? upperSku.startsWith(p.slice(0, -1)) : upperSku === p;
}

/** rule texts (tags, note words) folded once: rules are few and run on every order */
const folded = new Map<string, string>();
function tagKey(t: string): string {
  let k = folded.get(t);
  if (k === undefined) {
    k = foldForSearch(t);
    if (folded.size > 10_000) folded.clear();
    folded.set(t, k);
  }
  return k;
}

/** One condition against the facts (with the tags earlier rules of this run added). */
function holds(c: Condition, p: Prepared): boolean {
  const f = p.facts;
  switch (c.field) {
    case 'channel': return c.channelIds.includes(f.channelId) === (c.op === 'in');
    case 'total': return (c.currency === undefined || c.currency === f.currency) && compare(c.op, f.totalMinor, c.amountMinor);
    case 'country': return c.countries.includes(f.countryCode.toUpperCase()) === (c.op === 'in');
    case 'sku': {
      const hit = (sku: string) => c.skus.some((pattern) => skuMatches(pattern, sku));
      if (c.op === 'any') return p.skus.some(hit);
      if (c.op === 'none') return !p.skus.some(hit);
      if (c.op === 'only') return p.skus.length > 0 && p.skus.every(hit);
      return c.skus.every((pattern) => p.skus.some((sku) => skuMatches(pattern, sku)));
    }
    case 'weight': return compare(c.op, f.weightGrams, c.grams);
    case 'tags': {
      const has = (t: string) => p.tagKeys.has(tagKey(t));
      if (c.op === 'any') return c.tags.some(has);
      if (c.op === 'all') return c.tags.every(has);
      return !c.tags.some(has);
    }
    case 'item_count': return compare(c.op, f.itemCount, c.count);
    case 'note': {
      if (c.op === 'empty') return p.note === '';
      if (c.op === 'not_empty') return p.note !== '';
      const found = p.note.includes(tagKey(c.text));
      return c.op === 'contains' ? found : !found;
    }
    case 'risk': return c.levels.includes(f.risk) === (c.op === 'in');
  }
}

export function conditionHolds(c: Condition, f: OrderFacts, tagKeys: ReadonlySet<string>): boolean {
  return holds(c, prepare(f, new Set(tagKeys)));
}

function matches(rule: Pick<RunnableRule, 'match' | 'conditions'>, p: Prepared): boolean {
  if (!rule.conditions.length) return true;
  return rule.match === 'all' ? rule.conditions.every((c) => holds(c, p)) : rule.conditions.some((c) => holds(c, p));
}

export function ruleMatches(rule: Pick<RunnableRule, 'match' | 'conditions'>, f: OrderFacts, tagKeys: ReadonlySet<string>): boolean {
  return matches(rule, prepare(f, new Set(tagKeys)));
}

/** Rules run by position, then id, so two rules never race for a place. */
export function inRunOrder<R extends Pick<RunnableRule, 'position' | 'id'>>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
}

/**
 * Runs the enabled rules over one order's facts, top to bottom. Pure and deterministic: the same rules
 * and facts always give the same outcome. A later rule sees the tags an earlier one added.
 */
export function runRules(rules: readonly RunnableRule[], facts: OrderFacts): RulesOutcome {
  const out: RulesOutcome = { fired: [], tags: [], hold: null, locationId: null, shipping: null, packagePreset: null, priority: null, notes: [] };
  const tagKeys = new Set(facts.tags.map(tagKey));
  const prepared = prepare(facts, tagKeys);
  const added = new Map<string, string>();
  for (const rule of inRunOrder(rules)) {
    if (!rule.enabled || !matches(rule, prepared)) continue;
    out.fired.push({ ruleId: rule.id, version: rule.version, name: rule.name, actions: rule.actions });
    for (const a of rule.actions) {
      switch (a.type) {
        case 'tag':
          for (const t of a.tags) {
            const k = tagKey(t);
            if (!tagKeys.has(k)) { tagKeys.add(k); added.set(k, t.trim()); }
          }
          break;
        case 'hold': if (!out.hold) out.hold = { ruleId: rule.id, reason: a.reason }; break;
        case 'location': out.locationId = a.locationId; break;
        case 'shipping': out.shipping = { carrier: a.carrier, service: a.service }; break;
        case 'package': out.packagePreset = a.preset; break;
        case 'priority': out.priority = a.level; break;
        case 'note': if (!out.notes.some((n) => n.text === a.text)) out.notes.push({ ruleId: rule.id, text: a.text }); break;
      }
    }
    if (rule.stop) break;
  }
  out.tags = [...added.values()].sort((a, b) => a.localeCompare(b));
  return out;
}

/** Did this rule fire in the outcome? */
export function firedRule(outcome: RulesOutcome, ruleId: number): boolean {
  return outcome.fired.some((f) => f.ruleId === ruleId);
}

const PRIORITY_WORDS: Record<Priority, string> = { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' };

/** What one rule's actions do, in words for the timeline and the dry-run ("tagged gift; priority high"). */
export function describeActions(actions: readonly Action[], names: { location(id: number): string } = { location: (id) => `location ${id}` }): string {
  return actions.map((a) => {
    switch (a.type) {
      case 'tag': return `tagged ${a.tags.join(', ')}`;
      case 'hold': return `held: ${a.reason}`;
      case 'location': return `ships from ${names.location(a.locationId)}`;
      case 'shipping': return `ships with ${a.carrier}${a.service ? ` ${a.service}` : ''}`;
      case 'package': return `packed in ${a.preset}`;
      case 'priority': return `priority ${PRIORITY_WORDS[a.level]}`;
      case 'note': return `note: ${a.text}`;
    }
  }).join('; ');
}
