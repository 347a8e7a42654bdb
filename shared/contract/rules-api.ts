import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { DryRunInput, DryRunOutput, OrderHandlingSchema, RuleSaveInput, RuleSchema, TagSchema } from './rules';

/** Automation rules: the Rules screen, its dry run, and an order's tags. */
export const rulesMethods = {
  'rules.list': query(z.object({}).default({}), z.array(RuleSchema)),
  'rules.save': command(RuleSaveInput, RuleSchema),
  'rules.remove': command(z.object({ id: Id }), z.array(RuleSchema)),
  'rules.reorder': command(z.object({ ids: z.array(Id).max(500) }), z.array(RuleSchema)),
  'rules.dryRun': query(DryRunInput, DryRunOutput),
  'rules.applyToOpen': command(z.object({ confirm: z.literal(true) }), z.object({ considered: z.number().int(), changed: z.number().int() })),
  'orders.handling': query(z.object({ id: Id }), OrderHandlingSchema),
  'orders.setTags': command(z.object({ id: Id, tags: z.array(TagSchema).max(30, 'At most 30 tags on an order.') }), OrderHandlingSchema),
} as const;
