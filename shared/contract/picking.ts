import { z } from 'zod';
import { Id, IsoTime } from './orders';
import { PrioritySchema } from './rules';

export const PICK_KINDS = ['single', 'batch', 'wave'] as const;
export const PickKindSchema = z.enum(PICK_KINDS);

/** Which open orders to offer for a pick list; every filter is optional ("all single-item orders", "UPS before 3 pm"). */
export const PickCandidatesInput = z.object({
  locationId: Id,
  singleItemOnly: z.boolean().default(false),
  tag: z.string().trim().max(40).default(''),
  carrier: z.string().trim().max(60).default(''),
  channelId: Id.optional(),
  /** arrived at or before this time (UTC ISO) */
  before: IsoTime.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const PickCandidateSchema = z.object({
  id: Id, number: z.string(), customerName: z.string(), channelName: z.string(), itemCount: z.number().int(), createdAt: IsoTime,
  priority: PrioritySchema, tags: z.array(z.string()), carrier: z.string(),
});
export type PickCandidate = z.infer<typeof PickCandidateSchema>;

export const PickCreateInput = z.object({
  kind: PickKindSchema,
  locationId: Id,
  orderIds: z.array(Id).min(1, 'Choose at least one order.').max(500, 'At most 500 orders in one go.'),
  name: z.string().trim().max(60).default(''),
  /** a wave is cut into lists of this many orders: the totes one cart holds */
  totesPerList: z.number().int().min(1, 'A cart holds at least 1 tote.').max(50, 'At most 50 totes per cart.').default(12),
}).refine((i) => i.kind !== 'single' || i.orderIds.length === 1, { message: 'A single pick list is for one order; choose a batch for more.', path: ['orderIds'] });

export const PickListSummarySchema = z.object({
  id: Id, kind: PickKindSchema, waveId: Id.nullable(), name: z.string(), locationId: Id, locationName: z.string(),
  status: z.enum(['open', 'picking', 'done', 'cancelled']), picker: z.string(), createdAt: IsoTime,
  orders: z.number().int(), units: z.number().int(), picked: z.number().int(), short: z.number().int(),
});
export type PickListSummary = z.infer<typeof PickListSummarySchema>;

export const PickTaskSchema = z.object({
  id: Id, seq: z.number().int(), binId: Id.nullable(), binCode: z.string(), sku: z.string(), title: z.string(),
  quantity: z.number().int(), picked: z.number().int(), short: z.number().int(), shortReason: z.string(),
  status: z.enum(['open', 'done', 'short']), binScanned: z.boolean(),
  allocations: z.array(z.object({ orderId: Id, number: z.string(), tote: z.string(), quantity: z.number().int(), picked: z.number().int() })),
});
export type PickTask = z.infer<typeof PickTaskSchema>;

export const PickListViewSchema = PickListSummarySchema.extend({
  tasks: z.array(PickTaskSchema),
  members: z.array(z.object({ orderId: Id, number: z.string(), customerName: z.string(), tote: z.string(), status: z.enum(['picking', 'picked', 'short', 'removed']) })),
  /** the stop the picker is at: the first one not done, in walk order */
  currentTaskId: Id.nullable(),
});
export type PickListView = z.infer<typeof PickListViewSchema>;

export const PickCreateOutput = z.object({
  lists: z.array(PickListSummarySchema),
  /** orders not put on a list, each with why (already on a list, not open, no stock in the bins) */
  leftOut: z.array(z.object({ orderId: Id, number: z.string(), why: z.string() })),
});

export const PICK_OUTCOMES = ['bin', 'item', 'wrong_bin', 'wrong_item', 'over_pick', 'unknown', 'bin_first', 'short', 'done'] as const;
export const PickScanInput = z.object({
  listId: Id,
  code: z.string().trim().min(1, 'The code is empty: scan again or type it.').max(500, 'That is too long to be a barcode.'),
  quantity: z.number().int().min(1, 'Pick at least 1.').max(1000, 'At most 1,000 units per scan.').default(1),
});
export const PickScanResultSchema = z.object({
  outcome: z.enum(PICK_OUTCOMES),
  /** accepted or refused, in words for the picker */
  message: z.string(),
  hint: z.string().optional(),
  view: PickListViewSchema,
});
export type PickScanResult = z.infer<typeof PickScanResultSchema>;

export const SHORT_REASONS = ['bin_empty', 'fewer_than_expected', 'damaged', 'cannot_find'] as const;
export const SHORT_REASON_WORDS: Record<(typeof SHORT_REASONS)[number], string> = {
  bin_empty: 'the bin is empty', fewer_than_expected: 'fewer in the bin than expected', damaged: 'the items are damaged', cannot_find: 'the bin or item cannot be found',
};
export const PickShortInput = z.object({
  listId: Id,
  taskId: Id,
  reason: z.enum(SHORT_REASONS, { error: 'Choose why the stop is short.' }),
  note: z.string().trim().max(300).default(''),
});
export const PickShortOutput = z.object({
  message: z.string(),
  /** where else the SKU is: other bins here, other locations, stock on its way */
  elsewhere: z.array(z.object({ where: z.string(), quantity: z.number().int() })),
  view: PickListViewSchema,
});

export const ReadyToPackSchema = z.array(z.object({ orderId: Id, number: z.string(), customerName: z.string(), tote: z.string(), listName: z.string(), itemCount: z.number().int() }));
