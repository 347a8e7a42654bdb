import { z } from 'zod';
import { DISPOSITIONS, GRADES, RETURN_STATUSES } from '../domain/return-state';
import { Id, IsoTime } from './orders';

export const ReturnStatusSchema = z.enum(RETURN_STATUSES);
export const GradeSchema = z.enum(GRADES);
export const DispositionSchema = z.enum(DISPOSITIONS);

/** One entry of the shop's list of return reasons; its two flags drive the refund. */
export const ReturnReasonSchema = z.object({
  /** a short stable name, kept on the return line ("changed_mind") */
  code: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Use lower-case letters, digits and _ for the code, such as changed_mind'),
  label: z.string().trim().min(2, 'Give the reason a name the customer would understand').max(80),
  /** our fault or a fault in the goods: the order's shipping is refunded and the return label is ours to pay */
  refundsShipping: z.boolean().default(false),
  /** the customer changed their mind: the restocking fee applies */
  chargesFee: z.boolean().default(false),
});
export type ReturnReason = z.infer<typeof ReturnReasonSchema>;

export const DEFAULT_RETURN_REASONS: ReturnReason[] = [
  { code: 'changed_mind', label: 'Changed their mind', refundsShipping: false, chargesFee: true },
  { code: 'wrong_size', label: 'Wrong size or fit', refundsShipping: false, chargesFee: false },
  { code: 'arrived_damaged', label: 'Arrived damaged', refundsShipping: true, chargesFee: false },
  { code: 'faulty', label: 'Faulty', refundsShipping: true, chargesFee: false },
  { code: 'wrong_item', label: 'We sent the wrong item', refundsShipping: true, chargesFee: false },
  { code: 'not_as_described', label: 'Not as described', refundsShipping: true, chargesFee: false },
  { code: 'other', label: 'Other', refundsShipping: false, chargesFee: false },
];

/** What becomes of a unit given each grade ("not ours" is always flagged: it is not our stock). */
export const GradeDispositionsSchema = z.object({
  new: z.enum(['restock', 'quarantine']).default('restock'),
  damaged: z.enum(['quarantine', 'scrap', 'vendor']).default('quarantine'),
  faulty: z.enum(['quarantine', 'scrap', 'vendor']).default('vendor'),
  unsellable: z.enum(['quarantine', 'scrap', 'vendor']).default('scrap'),
});
export type GradeDispositions = z.infer<typeof GradeDispositionsSchema>;

export const ReturnRulesSchema = z.object({
  /** days after the order was shipped during which a return is accepted without a reason; 0 = no limit */
  windowDays: z.number().int().min(0, 'Use 0 (no limit) or more days').max(3650).default(30),
  /** whole percent kept from items returned for a reason that charges it */
  restockingFeePercent: z.number().int().min(0, 'The fee is 0% or more').max(100, 'The fee cannot be more than 100%').default(0),
  /** customer: a return label the shop bought is taken off the refund, unless the reason refunds shipping */
  returnShippingPaidBy: z.enum(['shop', 'customer']).default('shop'),
  reasons: z.array(ReturnReasonSchema).min(1, 'Keep at least one reason').max(50).default(DEFAULT_RETURN_REASONS)
    .refine((rs) => new Set(rs.map((r) => r.code)).size === rs.length, 'Two reasons have the same code; give each its own'),
  dispositions: GradeDispositionsSchema.default({ new: 'restock', damaged: 'quarantine', faulty: 'vendor', unsellable: 'scrap' }),
  /** where quarantined units go; null = a "Quarantine" location is made on first use */
  quarantineLocationId: Id.nullable().default(null),
  /** tell the channel to put restocked units back in its own stock (leave off when Packbench sends stock counts) */
  channelRestock: z.boolean().default(false),
  notifyCustomer: z.boolean().default(true),
  /** how often parcels on their way back are looked up at the carrier */
  trackEveryMinutes: z.number().int().min(5, 'Look at least 5 minutes apart').max(1440).default(60),
});
export type ReturnRules = z.infer<typeof ReturnRulesSchema>;

export const RefundBreakdownSchema = z.object({
  currency: z.string(),
  itemsMinor: z.number().int(),
  taxMinor: z.number().int(),
  shippingMinor: z.number().int(),
  feeMinor: z.number().int(),
  labelMinor: z.number().int(),
  totalMinor: z.number().int(),
  refundableMinor: z.number().int(),
  capped: z.boolean(),
  words: z.array(z.string()),
});
export type RefundBreakdownView = z.infer<typeof RefundBreakdownSchema>;

export const ReturnLineViewSchema = z.object({
  lineId: Id,
  orderLineId: Id,
  sku: z.string(),
  title: z.string(),
  /** where a unit put back goes (the SKU's bin at the order's location) */
  bin: z.string().nullable(),
  /** announced units; on an unannounced return, what was shipped */
  expected: z.number().int(),
  received: z.number().int(),
  graded: z.number().int(),
  reasonCode: z.string(),
  reasonLabel: z.string(),
  exchangeSku: z.string().nullable(),
  unitPriceMinor: z.number().int(),
  note: z.string(),
});
export type ReturnLineView = z.infer<typeof ReturnLineViewSchema>;

export const ReturnUnitSchema = z.object({
  /** the scan that counted it */
  scanId: Id,
  lineId: Id,
  sku: z.string(),
  title: z.string(),
  code: z.string(),
  grade: GradeSchema.nullable(),
  disposition: DispositionSchema.nullable(),
  /** where it goes, in words ("bin A-02", "Quarantine", "written off") */
  destination: z.string(),
  at: IsoTime,
});
export type ReturnUnit = z.infer<typeof ReturnUnitSchema>;

export const RETURN_SCAN_OUTCOMES = ['accepted', 'wrong_item', 'over_scan', 'unknown_code', 'invalid_code', 'grade_first', 'graded', 'undo'] as const;
export type ReturnScanOutcome = (typeof RETURN_SCAN_OUTCOMES)[number];
/** outcomes that stop the packer: nothing was counted */
export const REFUSED_RETURN_OUTCOMES: readonly ReturnScanOutcome[] = ['wrong_item', 'over_scan', 'unknown_code', 'invalid_code', 'grade_first'];

export const ReturnScanSchema = z.object({
  id: Id,
  code: z.string(),
  outcome: z.enum(RETURN_SCAN_OUTCOMES),
  message: z.string(),
  sku: z.string().nullable(),
  undone: z.boolean(),
  createdAt: IsoTime,
});

export const RefundPushSchema = z.object({
  /** pending: waiting for the channel; sent: the channel has it; failed: refused, in words; by_hand: no channel to send it to */
  status: z.enum(['pending', 'sent', 'failed', 'by_hand']),
  words: z.string(),
  attempts: z.number().int(),
});

export const ReturnViewSchema = z.object({
  id: Id,
  number: z.string(),
  orderId: Id,
  orderNumber: z.string(),
  channelName: z.string(),
  customerName: z.string(),
  countryCode: z.string(),
  currency: z.string(),
  status: ReturnStatusSchema,
  nextStatuses: z.array(ReturnStatusSchema),
  shipping: z.enum(['label', 'customer']),
  unannounced: z.boolean(),
  note: z.string(),
  outsideWindowReason: z.string(),
  tracking: z.object({ number: z.string(), carrier: z.string(), status: z.string(), words: z.string(), checkedAt: IsoTime.nullable() }),
  label: z.object({
    shipmentId: Id, status: z.string(), words: z.string(), carrierName: z.string(), service: z.string(), trackingNumber: z.string(),
    priceMinor: z.number().int().nullable(), currency: z.string(), printJobId: Id.nullable(),
  }).nullable(),
  lines: z.array(ReturnLineViewSchema),
  units: z.array(ReturnUnitSchema),
  /** the unit scanned last and not graded yet: the next grade key is for it */
  awaitingGrade: ReturnUnitSchema.nullable(),
  scans: z.array(ReturnScanSchema),
  /** what would be refunded now (before inspection: as if everything announced came back) */
  preview: RefundBreakdownSchema,
  refund: z.object({
    amountMinor: z.number().int(), breakdown: RefundBreakdownSchema, changedByHand: z.string(), at: IsoTime, push: RefundPushSchema,
  }).nullable(),
  exchangeOrder: z.object({ id: Id, number: z.string() }).nullable(),
  quarantineName: z.string(),
  closeReason: z.string(),
  createdAt: IsoTime,
  receivedAt: IsoTime.nullable(),
  inspectedAt: IsoTime.nullable(),
  finishedAt: IsoTime.nullable(),
});
export type ReturnView = z.infer<typeof ReturnViewSchema>;

export const ReturnRowSchema = z.object({
  id: Id,
  number: z.string(),
  orderId: Id,
  orderNumber: z.string(),
  customerName: z.string(),
  status: ReturnStatusSchema,
  shipping: z.enum(['label', 'customer']),
  unannounced: z.boolean(),
  trackingNumber: z.string(),
  /** the carrier's last word, in words ("On its way back", "Delivered, not scanned in yet") */
  inbound: z.string(),
  units: z.number().int(),
  received: z.number().int(),
  currency: z.string(),
  refundMinor: z.number().int().nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ReturnRow = z.infer<typeof ReturnRowSchema>;

export const ReturnScanResultSchema = z.object({
  outcome: z.enum(RETURN_SCAN_OUTCOMES),
  message: z.string(),
  hint: z.string().optional(),
  code: z.string(),
  view: ReturnViewSchema,
});
export type ReturnScanResult = z.infer<typeof ReturnScanResultSchema>;

const Code = z.string().trim().min(1, 'The code is empty: scan again or type it').max(500);
const Reason = z.string().trim().min(3, 'Say why (at least 3 characters)').max(500);
const Note = z.string().trim().max(500).default('');

export const ReturnLineInput = z.object({
  orderLineId: Id,
  quantity: z.number().int().min(1, 'Return at least 1').max(9999),
  reasonCode: z.string().trim().min(1, 'Choose a reason').max(40),
  note: Note,
  /** send this SKU instead of refunding (an exchange) */
  exchangeSku: z.string().trim().max(100).nullable().default(null),
});

export const ReturnCreateInput = z.object({
  orderId: Id,
  shipping: z.enum(['label', 'customer']),
  lines: z.array(ReturnLineInput).min(1, 'Choose at least one item to return').max(200),
  note: Note,
  /** required when the order is past the return window */
  outsideWindowReason: z.string().trim().max(500).default(''),
  /** the customer's own tracking number, when they send it themselves and gave one */
  trackingNumber: z.string().trim().max(60).default(''),
  trackingCarrier: z.string().trim().max(60).default(''),
});

export const ReturnOpenOutput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('return'), view: ReturnViewSchema, message: z.string() }),
  /** the code names an order with no return expected: it may be received without an RMA */
  z.object({ kind: z.literal('order'), orderId: Id, orderNumber: z.string(), message: z.string() }),
]);
export type ReturnOpenResult = z.infer<typeof ReturnOpenOutput>;

export const ReturnableLineSchema = z.object({
  orderLineId: Id,
  sku: z.string(),
  title: z.string(),
  unitPriceMinor: z.number().int(),
  /** units that left with the order */
  shipped: z.number().int(),
  /** units already on another return */
  onReturns: z.number().int(),
  returnable: z.number().int(),
});

export const OrderReturnsSchema = z.object({
  orderId: Id,
  orderNumber: z.string(),
  currency: z.string(),
  /** returns are possible for a packed or shipped order */
  canReturn: z.boolean(),
  words: z.string(),
  window: z.object({ shippedAt: IsoTime.nullable(), days: z.number().int(), endsAt: IsoTime.nullable(), outside: z.boolean() }),
  lines: z.array(ReturnableLineSchema),
  returns: z.array(ReturnRowSchema),
  reasons: z.array(ReturnReasonSchema),
  /** a carrier can sell a return label (buying labels is on and an account is set up) */
  labelsAvailable: z.boolean(),
});
export type OrderReturns = z.infer<typeof OrderReturnsSchema>;

export const ReturnListInput = z.object({
  /** expected: still to come; bench: received or waiting for the refund; done: refunded or closed */
  view: z.enum(['expected', 'bench', 'done', 'all']).default('all'),
  q: z.string().max(200).default(''),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ReturnRefundInput = z.object({
  returnId: Id,
  /** a different amount than the computed one, with a reason; omitted = the computed refund */
  amountMinor: z.number().int().min(0, 'A refund cannot be negative').max(1e12).optional(),
  reason: z.string().trim().max(500).default(''),
});

export { Code as ReturnCode, Reason as ReturnReasonText };
