import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuleDraft } from '../../shared/contract/rules';
import { ruleDraftArb } from '../support/rule-arbitraries';
import { incomingOrdersArb, orderFrom, rulesBench, type RulesBench } from '../support/rules-fixture';

/** How many orders show a firing of this rule on their timeline. */
function firedOn(bench: RulesBench, ruleId: number): number {
  return (bench.core.workspace().repos.db.$client.prepare(`SELECT count(DISTINCT order_id) AS n FROM order_events
    WHERE kind = 'rule' AND json_extract(details, '$.ruleId') = ?`).get(ruleId) as { n: number }).n;
}

/** Everything the rules can have changed on the orders: settings, status and the timeline. */
function snapshot(bench: RulesBench) {
  const c = bench.core.workspace().repos.db.$client;
  return {
    handling: c.prepare('SELECT order_id, tags, note, risk, rule_tags, priority, carrier, service, package_preset, ship_from_location_id, fired FROM order_handling ORDER BY order_id').all(),
    statuses: c.prepare('SELECT id, status FROM orders ORDER BY id').all(),
    events: (c.prepare('SELECT count(*) AS n FROM order_events').get() as { n: number }).n,
  };
}

describe('automation rules in the store', () => {
  const benches: RulesBench[] = [];
  const bench = () => { const b = rulesBench(); benches.push(b); return b; };
  afterEach(() => { while (benches.length) benches.pop()!.close(); });

  it('dry-run counts match what the rule does when it is enabled and the same orders arrive', async () => {
    await fc.assert(fc.asyncProperty(fc.array(ruleDraftArb, { maxLength: 4 }), ruleDraftArb, incomingOrdersArb(40), fc.nat(4), async (others, candidate, orders, place) => {
      const before = bench();
      for (const r of others) await before.client.call('rules.save', r);
      before.core.workspace().orders.importOrders(orders, 'a test');
      const position = Math.min(place + 1, others.length + 1);
      const dry = await before.client.call('rules.dryRun', { rule: candidate, position });
      expect(dry.considered).toBe(orders.length);

      const after = bench();
      const saved: number[] = [];
      for (const r of others) saved.push((await after.client.call('rules.save', r)).id);
      const live = await after.client.call('rules.save', { ...candidate, enabled: true } satisfies RuleDraft);
      saved.splice(position - 1, 0, live.id);
      await after.client.call('rules.reorder', { ids: saved });
      after.core.workspace().orders.importOrders(orders, 'a test');
      expect(firedOn(after, live.id)).toBe(dry.hits);
      while (benches.length) benches.pop()!.close();
    }), { numRuns: 25 });
  });

  it('a rule set applied twice gives the same result: nothing changes, nothing is repeated on the timeline', async () => {
    await fc.assert(fc.asyncProperty(fc.array(ruleDraftArb, { minLength: 1, maxLength: 5 }), incomingOrdersArb(25), async (rules, orders) => {
      const b = bench();
      for (const r of rules) await b.client.call('rules.save', { ...r, enabled: true });
      b.core.workspace().orders.importOrders(orders, 'a test');
      const landed = snapshot(b);
      const again = await b.client.call('rules.applyToOpen', { confirm: true });
      expect(again.changed).toBe(0);
      expect(snapshot(b)).toEqual(landed);
      await b.client.call('rules.applyToOpen', { confirm: true });
      expect(snapshot(b)).toEqual(landed);
      while (benches.length) benches.pop()!.close();
    }), { numRuns: 20 });
  });

  it('holds an order with the reason, notes and tags it, all on its timeline; a released hold is not put back by a second run', async () => {
    const b = bench();
    await b.client.call('rules.save', {
      name: 'Big orders abroad', enabled: true, match: 'all',
      conditions: [{ field: 'country', op: 'not_in', countries: ['GB'] }, { field: 'total', op: 'gte', amountMinor: 5000 }],
      actions: [{ type: 'hold', reason: 'check the address' }, { type: 'tag', tags: ['big'] }, { type: 'note', text: 'Use the strong box' }, { type: 'priority', level: 'high' }],
    });
    b.core.workspace().orders.importOrders([
      orderFrom(1, { channelId: 1, country: 'DE', lines: [{ sku: 'PEN-BRS', quantity: 2, unitPriceMinor: 3000 }] }),
      orderFrom(2, { channelId: 1, country: 'GB', lines: [{ sku: 'PEN-BRS', quantity: 2, unitPriceMinor: 3000 }] }),
      orderFrom(3, { channelId: 1, country: 'DE', lines: [{ sku: 'PEN-BRS', quantity: 1, unitPriceMinor: 4999 }] }),
    ], 'a test');
    const [big, home, small] = await Promise.all([1, 2, 3].map((id) => b.client.call('orders.get', { id })));
    expect(big!.status).toBe('on_hold');
    expect(big!.events.map((e) => e.message)).toEqual(expect.arrayContaining([
      'Rule “Big orders abroad” fired: held: check the address; tagged big; note: Use the strong box; priority high.',
      'Open → On hold: rule “Big orders abroad”: check the address',
      'Use the strong box',
    ]));
    expect(await b.client.call('orders.handling', { id: 1 })).toMatchObject({ ruleTags: ['big'], priority: 'high' });
    expect(home!.status).toBe('open');
    expect(small!.status).toBe('open');
    expect(home!.events.some((e) => e.kind === 'rule')).toBe(false);

    await b.client.call('orders.transition', { id: 1, to: 'open', reason: 'address checked' });
    await b.client.call('rules.applyToOpen', { confirm: true });
    expect((await b.client.call('orders.get', { id: 1 })).status).toBe('open');
  });

  it('tags typed on an order are facts the rules read; changing them runs the rules again', async () => {
    const b = bench();
    await b.client.call('rules.save', { name: 'Gifts', enabled: true, conditions: [{ field: 'tags', op: 'any', tags: ['gift'] }], actions: [{ type: 'note', text: 'Wrap it' }] });
    b.core.workspace().orders.importOrders([orderFrom(1, { channelId: 2, country: 'FR', lines: [{ sku: 'TOTE', quantity: 1, unitPriceMinor: 900 }] })], 'a test');
    expect((await b.client.call('orders.get', { id: 1 })).events.some((e) => e.kind === 'rule')).toBe(false);
    const h = await b.client.call('orders.setTags', { id: 1, tags: ['Gift '] });
    expect(h.tags).toEqual(['Gift']);
    const events = (await b.client.call('orders.get', { id: 1 })).events;
    expect(events.filter((e) => e.kind === 'rule')).toHaveLength(1);
    expect(events.at(-1)!.message).toBe('Wrap it');
  });

  it('a dry run of an edited rule stands in for the saved one at its place; a rule with an unknown location is refused in words', async () => {
    const b = bench();
    const stopper = await b.client.call('rules.save', { name: 'Stop all', enabled: true, stop: true, actions: [{ type: 'tag', tags: ['seen'] }] });
    const later = await b.client.call('rules.save', { name: 'Later', enabled: false, actions: [{ type: 'tag', tags: ['later'] }] });
    b.core.workspace().orders.importOrders([orderFrom(1, { channelId: 1, country: 'DE', lines: [{ sku: 'TOTE', quantity: 1, unitPriceMinor: 900 }] })], 'a test');
    // below a rule that stops the list, it would never fire; moved to the top, it would
    expect((await b.client.call('rules.dryRun', { rule: later, id: later.id })).hits).toBe(0);
    expect((await b.client.call('rules.dryRun', { rule: later, id: later.id, position: 1 })).hits).toBe(1);
    expect((await b.client.call('rules.dryRun', { rule: { ...stopper, stop: false }, id: stopper.id })).openHits).toBe(1);
    await expect(b.client.call('rules.save', { name: 'Nowhere', actions: [{ type: 'location', locationId: 99 }] })).rejects.toMatchObject({ message: 'The rule ships from a location that does not exist.' });
  });
});
