import { z } from 'zod';
import { Id, IsoTime } from './orders';

/**
 * Automation rules as plain JSON: a list of conditions and a list of actions, validated here so a rule
 * that reaches the store (or is read back from it) is always one the engine understands.
 */

const Text = (what: string, max: number) => z.string().trim().min(1, `Type ${what}.`).max(max, `Keep ${what} under ${max} characters.`);
const Values = <T extends z.ZodType>(item: T, what: string) => z.array(item).min(1, `Give at least one ${what}.`).max(200, `At most 200 ${what}s in one condition.`);

export const NUMBER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
const NumberOp = z.enum(NUMBER_OPS);
const Count = z.number({ error: 'Type a whole number.' }).int('Type a whole number.').min(0, 'Type a number of 0 or more.').max(1_000_000_000);

export const RISK_LEVELS = ['low', 'medium', 'high', 'unknown'] as const;
export const RiskSchema = z.enum(RISK_LEVELS);
export type Risk = z.infer<typeof RiskSchema>;

export const PRIORITY_LEVELS = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITY_LEVELS);
export type Priority = z.infer<typeof PrioritySchema>;
/** stored as a number so lists sort by it: low -1, normal 0, high 1, urgent 2 */
export const PRIORITY_RANK: Record<Priority, number> = { low: -1, normal: 0, high: 1, urgent: 2 };

/** A tag as people type it: trimmed, no commas (lists of tags are typed with commas). */
export const TagSchema = z.string().trim().min(1, 'A tag cannot be empty.').max(40, 'A tag has at most 40 characters.')
  .regex(/^[^,]+$/, 'A tag cannot contain a comma.');

export const ConditionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('channel'), op: z.enum(['in', 'not_in']), channelIds: Values(Id, 'channel') }),
  z.object({
    field: z.literal('total'), op: NumberOp, amountMinor: Count,
    /** when set, orders in another currency never match (amounts are not converted) */
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR.').optional(),
  }),
  z.object({ field: z.literal('country'), op: z.enum(['in', 'not_in']), countries: Values(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter country codes such as DE.'), 'country') }),
  /** SKU values ending in * match every SKU that starts with the rest ("MUG-*") */
  z.object({ field: z.literal('sku'), op: z.enum(['any', 'all', 'none', 'only']), skus: Values(Text('a SKU', 100), 'SKU') }),
  z.object({ field: z.literal('weight'), op: NumberOp, grams: Count }),
  z.object({ field: z.literal('tags'), op: z.enum(['any', 'all', 'none']), tags: Values(TagSchema, 'tag') }),
  z.object({ field: z.literal('item_count'), op: NumberOp, count: Count }),
  z.object({ field: z.literal('note'), op: z.enum(['contains', 'not_contains', 'empty', 'not_empty']), text: z.string().trim().max(200).default('') })
    .refine((c) => c.op === 'empty' || c.op === 'not_empty' || c.text !== '', { message: 'Type the words the note should contain.', path: ['text'] }),
  z.object({ field: z.literal('risk'), op: z.enum(['in', 'not_in']), levels: Values(RiskSchema, 'risk level') }),
]);
export type Condition = z.infer<typeof ConditionSchema>;
export type ConditionField = Condition['field'];

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tag'), tags: Values(TagSchema, 'tag') }),
  z.object({ type: z.literal('hold'), reason: Text('why the order is held', 300) }),
  z.object({ type: z.literal('location'), locationId: Id }),
  /** carrier and service as the carrier names them; checked against the carrier accounts where those exist */
  z.object({ type: z.literal('shipping'), carrier: Text('the carrier', 60), service: z.string().trim().max(100).default('') }),
  z.object({ type: z.literal('package'), preset: Text('the package preset', 100) }),
  z.object({ type: z.literal('priority'), level: PrioritySchema }),
  z.object({ type: z.literal('note'), text: Text('the note', 500) }),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];

export const RuleDraftSchema = z.object({
  name: Text('a name for the rule', 100),
  enabled: z.boolean().default(false),
  /** all: every condition must hold; any: one is enough. No conditions: every order. */
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(ConditionSchema).max(20, 'At most 20 conditions in one rule.').default([]),
  actions: z.array(ActionSchema).min(1, 'Give the rule at least one action.').max(20, 'At most 20 actions in one rule.'),
  /** when the rule fires, the rules below it are not run for that order */
  stop: z.boolean().default(false),
});
export type RuleDraft = z.output<typeof RuleDraftSchema>;

export const RuleSchema = RuleDraftSchema.extend({
  id: Id,
  /** 1-based place in the list: rules run in this order */
  position: z.number().int().min(1),
  /** bumped on every edit, so a changed rule fires again on orders it fired on before */
  version: z.number().int().min(1),
  updatedAt: IsoTime,
});
export type Rule = z.output<typeof RuleSchema>;

export const RuleSaveInput = RuleDraftSchema.extend({ id: Id.optional() });

export const DryRunInput = z.object({
  /** the rule as edited (not yet saved); with id, it stands in for the saved rule at its place */
  rule: RuleDraftSchema,
  id: Id.optional(),
  /** where the rule would run; default: its saved place, or last for a new rule */
  position: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(500).default(500),
});

export const DryRunHitSchema = z.object({ orderId: Id, number: z.string(), status: z.string(), createdAt: IsoTime, summary: z.string() });
export const DryRunOutput = z.object({
  /** how many of the latest orders were looked at */
  considered: z.number().int(),
  /** how many the rule would fire on */
  hits: z.number().int(),
  /** of those, how many are still open or held (what "Apply to open orders" would change) */
  openHits: z.number().int(),
  sample: z.array(DryRunHitSchema),
});
export type DryRunResult = z.infer<typeof DryRunOutput>;

/** What the rules decided for one order (stored with it, shown on its screen). */
export const OrderHandlingSchema = z.object({
  tags: z.array(z.string()),
  ruleTags: z.array(z.string()),
  note: z.string(),
  risk: RiskSchema,
  priority: PrioritySchema,
  carrier: z.string(),
  service: z.string(),
  packagePreset: z.string(),
  shipFromLocationId: Id.nullable(),
});
export type OrderHandling = z.infer<typeof OrderHandlingSchema>;
