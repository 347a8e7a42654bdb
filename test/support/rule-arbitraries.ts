import fc from 'fast-check';
import type { Action, Condition, RuleDraft } from '../../shared/contract/rules';
import type { OrderFacts, RunnableRule } from '../../shared/domain/rules-engine';

/** Small value pools so generated rules and orders actually meet (a random SKU would never match). */
export const SKUS = ['MUG-BLUE', 'MUG-RED', 'PEN-BRS', 'SOCK-S', 'SOCK-M', 'TOTE'];
export const COUNTRIES = ['DE', 'GB', 'FR', 'US', 'JP'];
export const TAGS = ['vip', 'gift', 'fragile', 'wholesale', 'Geschenk'];
export const NOTES = ['', 'Please gift wrap', 'leave at the door', 'GIFT for mum', 'Fragile!'];
export const CHANNEL_IDS = [1, 2, 3];

const numberOp = fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte' as const);
const someOf = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

export const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ field: fc.constant('channel' as const), op: fc.constantFrom('in', 'not_in' as const), channelIds: someOf(CHANNEL_IDS) }),
  fc.record({ field: fc.constant('total' as const), op: numberOp, amountMinor: fc.integer({ min: 0, max: 20_000 }) }, { requiredKeys: ['field', 'op', 'amountMinor'] }),
  fc.record({ field: fc.constant('total' as const), op: numberOp, amountMinor: fc.integer({ min: 0, max: 20_000 }), currency: fc.constantFrom('EUR', 'GBP') }),
  fc.record({ field: fc.constant('country' as const), op: fc.constantFrom('in', 'not_in' as const), countries: someOf(COUNTRIES) }),
  fc.record({ field: fc.constant('sku' as const), op: fc.constantFrom('any', 'all', 'none', 'only' as const), skus: someOf([...SKUS, 'MUG-*', 'SOCK-*']) }),
  fc.record({ field: fc.constant('weight' as const), op: numberOp, grams: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ field: fc.constant('tags' as const), op: fc.constantFrom('any', 'all', 'none' as const), tags: someOf(TAGS) }),
  fc.record({ field: fc.constant('item_count' as const), op: numberOp, count: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ field: fc.constant('note' as const), op: fc.constantFrom('contains', 'not_contains' as const), text: fc.constantFrom('gift', 'door', 'fragile') }),
  fc.record({ field: fc.constant('note' as const), op: fc.constantFrom('empty', 'not_empty' as const), text: fc.constant('') }),
  fc.record({ field: fc.constant('risk' as const), op: fc.constantFrom('in', 'not_in' as const), levels: someOf(['low', 'medium', 'high', 'unknown'] as const) }),
);

/** Locations 1 and 2 exist in the integration fixture; actions name only those. */
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('tag' as const), tags: someOf(TAGS) }),
  fc.record({ type: fc.constant('hold' as const), reason: fc.constantFrom('check the address', 'large order: call the customer') }),
  fc.record({ type: fc.constant('location' as const), locationId: fc.constantFrom(1, 2) }),
  fc.record({ type: fc.constant('shipping' as const), carrier: fc.constantFrom('UPS', 'DHL'), service: fc.constantFrom('', 'Express', 'Ground') }),
  fc.record({ type: fc.constant('package' as const), preset: fc.constantFrom('Small box', 'Mailer') }),
  fc.record({ type: fc.constant('priority' as const), level: fc.constantFrom('low', 'normal', 'high', 'urgent' as const) }),
  fc.record({ type: fc.constant('note' as const), text: fc.constantFrom('Add a thank-you card', 'Check the glass') }),
);

export const ruleDraftArb: fc.Arbitrary<RuleDraft> = fc.record({
  name: fc.constantFrom('Gifts', 'Big orders', 'Abroad', 'Socks', 'Risky'),
  enabled: fc.boolean(),
  match: fc.constantFrom('all', 'any' as const),
  conditions: fc.array(conditionArb, { maxLength: 3 }),
  actions: fc.array(actionArb, { minLength: 1, maxLength: 3 }),
  stop: fc.boolean(),
});

/** A rule set with distinct positions, given out of order on purpose. */
export const ruleSetArb: fc.Arbitrary<RunnableRule[]> = fc.array(ruleDraftArb, { maxLength: 8 }).chain((drafts) =>
  fc.shuffledSubarray(drafts.map((_, i) => i + 1), { minLength: drafts.length, maxLength: drafts.length }).map((positions) =>
    drafts.map((d, i) => ({ ...d, id: i + 1, version: 1, position: positions[i]! }))));

export const factsArb: fc.Arbitrary<OrderFacts> = fc.record({
  channelId: fc.constantFrom(...CHANNEL_IDS),
  totalMinor: fc.integer({ min: 0, max: 20_000 }),
  currency: fc.constantFrom('EUR', 'GBP', 'USD'),
  countryCode: fc.constantFrom(...COUNTRIES),
  skus: fc.uniqueArray(fc.constantFrom(...SKUS), { minLength: 1, maxLength: 4 }),
  weightGrams: fc.integer({ min: 0, max: 3000 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  itemCount: fc.integer({ min: 1, max: 8 }),
  note: fc.constantFrom(...NOTES),
  risk: fc.constantFrom('low', 'medium', 'high', 'unknown' as const),
});
