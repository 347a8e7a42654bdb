import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConditionSchema, RuleDraftSchema, type Condition } from '../../shared/contract/rules';
import { inRunOrder, runRules, type OrderFacts, type RunnableRule } from '../../shared/domain/rules-engine';
import { factsArb, ruleDraftArb, ruleSetArb } from '../support/rule-arbitraries';

/**
 * An independent reading of what each condition means, written differently from the engine
 * (regular expressions, plain loops), so a shared mistake is unlikely.
 */
function oracle(c: Condition, f: OrderFacts, tags: string[]): boolean {
  const lowerTags = tags.map((t) => t.toLowerCase());
  const num = (op: string, a: number, b: number) => ({ eq: a === b, ne: a !== b, gt: a > b, gte: a >= b, lt: a < b, lte: a <= b } as Record<string, boolean>)[op]!;
  const skuRe = (p: string) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*$/, '.*')}$`, 'i');
  switch (c.field) {
    case 'channel': return c.op === 'in' ? c.channelIds.indexOf(f.channelId) >= 0 : c.channelIds.indexOf(f.channelId) < 0;
    case 'total': return (!c.currency || c.currency === f.currency) && num(c.op, f.totalMinor, c.amountMinor);
    case 'country': return c.op === 'in' ? c.countries.indexOf(f.countryCode) >= 0 : c.countries.indexOf(f.countryCode) < 0;
    case 'sku': {
      let hits = 0;
      for (const s of f.skus) if (c.skus.some((p) => skuRe(p).test(s))) hits++;
      if (c.op === 'any') return hits > 0;
      if (c.op === 'none') return hits === 0;
      if (c.op === 'only') return hits === f.skus.length && hits > 0;
      return c.skus.every((p) => f.skus.some((s) => skuRe(p).test(s)));
    }
    case 'weight': return num(c.op, f.weightGrams, c.grams);
    case 'tags': {
      const n = c.tags.filter((t) => lowerTags.includes(t.toLowerCase())).length;
      return c.op === 'any' ? n > 0 : c.op === 'all' ? n === c.tags.length : n === 0;
    }
    case 'item_count': return num(c.op, f.itemCount, c.count);
    case 'note': {
      if (c.op === 'empty') return f.note.trim() === '';
      if (c.op === 'not_empty') return f.note.trim() !== '';
      const has = f.note.toLowerCase().includes(c.text.toLowerCase());
      return c.op === 'contains' ? has : !has;
    }
    case 'risk': return c.op === 'in' ? c.levels.includes(f.risk) : !c.levels.includes(f.risk);
  }
}

function oracleRule(r: RunnableRule, f: OrderFacts, tags: string[]): boolean {
  if (!r.conditions.length) return true;
  const results = r.conditions.map((c) => oracle(c, f, tags));
  return r.match === 'all' ? results.every(Boolean) : results.some(Boolean);
}

describe('rules engine', () => {
  it('every generated rule is one the contract accepts (the generators make real rules)', () => {
    fc.assert(fc.property(ruleDraftArb, (d) => {
      expect(RuleDraftSchema.safeParse(d).success).toBe(true);
    }));
  });

  it('a rule never fires on an order it does not match, and always fires on one it does (alone, enabled)', () => {
    fc.assert(fc.property(ruleDraftArb, factsArb, (draft, facts) => {
      const rule = { ...draft, enabled: true, id: 1, version: 1, position: 1 };
      const fired = runRules([rule], facts).fired.length === 1;
      expect(fired).toBe(oracleRule(rule, facts, facts.tags));
    }), { numRuns: 2000 });
  });

  it('in a set, each rule that fired matched what it saw, and each enabled rule it passed over did not match', () => {
    fc.assert(fc.property(ruleSetArb, factsArb, (rules, facts) => {
      const outcome = runRules(rules, facts);
      const tags = [...facts.tags];
      const firedIds = outcome.fired.map((f) => f.ruleId);
      for (const r of inRunOrder(rules)) {
        if (!r.enabled) { expect(firedIds).not.toContain(r.id); continue; }
        const matches = oracleRule(r, facts, tags);
        expect(firedIds.includes(r.id)).toBe(matches);
        if (!matches) continue;
        for (const a of r.actions) if (a.type === 'tag') tags.push(...a.tags);
        if (r.stop) break;
      }
    }), { numRuns: 1000 });
  });

  it('the same rules and order always give the same outcome, whatever order the rules are listed in', () => {
    fc.assert(fc.property(ruleSetArb, factsArb, fc.integer(), (rules, facts, seed) => {
      const first = runRules(rules, facts);
      const shuffled = [...rules].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
      expect(runRules(shuffled, facts)).toEqual(first);
      expect(runRules(rules, structuredClone(facts))).toEqual(first);
    }));
  });

  it('tags and notes add up without repeats; the last rule wins a setting; the first hold is kept', () => {
    const facts: OrderFacts = { channelId: 1, totalMinor: 5000, currency: 'EUR', countryCode: 'DE', skus: ['MUG-BLUE'], weightGrams: 300, tags: ['vip'], itemCount: 1, note: '', risk: 'unknown' };
    const rules: RunnableRule[] = [
      { id: 1, version: 1, position: 1, name: 'a', enabled: true, match: 'all', stop: false, conditions: [], actions: [{ type: 'tag', tags: ['gift', 'VIP'] }, { type: 'priority', level: 'high' }, { type: 'hold', reason: 'first' }] },
      { id: 2, version: 1, position: 2, name: 'b', enabled: true, match: 'all', stop: false, conditions: [{ field: 'tags', op: 'all', tags: ['gift'] }], actions: [{ type: 'priority', level: 'urgent' }, { type: 'hold', reason: 'second' }, { type: 'tag', tags: ['gift'] }] },
      { id: 3, version: 1, position: 3, name: 'c', enabled: true, match: 'all', stop: true, conditions: [], actions: [{ type: 'shipping', carrier: 'UPS', service: 'Express' }] },
      { id: 4, version: 1, position: 4, name: 'd', enabled: true, match: 'all', stop: false, conditions: [], actions: [{ type: 'shipping', carrier: 'DHL', service: '' }] },
    ];
    const o = runRules(rules, facts);
    expect(o.fired.map((f) => f.ruleId)).toEqual([1, 2, 3]);
    expect(o.tags).toEqual(['gift']); // VIP was already there (case and accents are folded)
    expect(o.priority).toBe('urgent');
    expect(o.hold).toEqual({ ruleId: 1, reason: 'first' });
    expect(o.shipping).toEqual({ carrier: 'UPS', service: 'Express' }); // rule 3 stops the list
  });

  it('refuses conditions and actions that are not understood, in words', () => {
    const bad = ConditionSchema.safeParse({ field: 'country', op: 'in', countries: ['Germany'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/two-letter country codes/);
    const noAction = RuleDraftSchema.safeParse({ name: 'x', actions: [] });
    expect(noAction.error?.issues[0]?.message).toBe('Give the rule at least one action.');
    const note = ConditionSchema.safeParse({ field: 'note', op: 'contains', text: '' });
    expect(note.error?.issues[0]?.message).toBe('Type the words the note should contain.');
  });
});
