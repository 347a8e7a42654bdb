import { z } from 'zod';
import { isHostAddress } from '../domain/host-address';
import { AddressSchema } from '../domain/address';
import { Id, IsoTime, OrderStatusSchema } from './orders';

export const SCAN_OUTCOMES = ['accepted', 'wrong_item', 'over_scan', 'unknown_code', 'invalid_code', 'undo', 'override'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];
/** outcomes that stop the packer: never counted */
export const BLOCKED_OUTCOMES: readonly ScanOutcome[] = ['wrong_item', 'over_scan', 'unknown_code', 'invalid_code'];

export const PackLineSchema = z.object({
  lineId: Id,
  sku: z.string(),
  title: z.string(),
  bin: z.string().nullable(),
  ordered: z.number().int(),
  /** packed in earlier parcels of a split order */
  packedEarlier: z.number().int(),
  /** what this parcel must hold */
  expected: z.number().int(),
  scanned: z.number().int(),
  overridden: z.boolean(),
  complete: z.boolean(),
  /** the product picture (catalog.image), shown big while this item is packed */
  imageId: Id.nullable().default(null),
});
export type PackLine = z.infer<typeof PackLineSchema>;

export const PackScanSchema = z.object({
  id: Id,
  code: z.string(),
  outcome: z.enum(SCAN_OUTCOMES),
  message: z.string(),
  sku: z.string().nullable(),
  quantity: z.number().int(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  serial: z.string().nullable(),
  undone: z.boolean(),
  createdAt: IsoTime,
});
export type PackScan = z.infer<typeof PackScanSchema>;

export const PRINT_JOB_STATUSES = ['queued', 'sending', 'done', 'unconfirmed', 'failed'] as const;

export const PrintJobSchema = z.object({
  id: Id,
  orderId: Id.nullable(),
  orderNumber: z.string().nullable(),
  parcelNo: z.number().int().nullable(),
  printerId: Id,
  printerName: z.string(),
  kind: z.enum(['label', 'test', 'pick_list']),
  /** done: the printer confirmed it; unconfirmed: sent, but the printer never showed it printed it */
  status: z.enum(PRINT_JOB_STATUSES),
  /** in words: why it failed or is unconfirmed, what was kept, what to do */
  error: z.string(),
  /** in words: a label that printed but needs a look (characters no label font has) */
  notice: z.string(),
  /** the first label this job is another copy of; null for an original */
  reprintOf: Id.nullable(),
  attempts: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const PackViewSchema = z.object({
  sessionId: Id,
  sessionStatus: z.enum(['active', 'completed', 'abandoned']),
  orderId: Id,
  orderNumber: z.string(),
  orderStatus: OrderStatusSchema,
  customerName: z.string(),
  countryCode: z.string(),
  /** the address the parcel goes to, for the packer to check against the label */
  shipTo: AddressSchema,
  parcelNo: z.number().int(),
  lines: z.array(PackLineSchema),
  /** every line holds what it should: the parcel may be closed and its label printed */
  verified: z.boolean(),
  scans: z.array(PackScanSchema),
  labelJobs: z.array(PrintJobSchema),
  startedAt: IsoTime,
  /** in words, when the order arrived with its stock sold elsewhere (or was back-ordered for it); '' otherwise */
  shortWords: z.string(),
});
export type PackView = z.infer<typeof PackViewSchema>;

export const ScanResultSchema = z.object({
  outcome: z.enum(SCAN_OUTCOMES),
  /** words for the packer, shown large */
  message: z.string(),
  hint: z.string().optional(),
  /** a short heading for a refusal whose outcome alone would mislead (a packing slip is not a "wrong item") */
  title: z.string().optional(),
  /** the scanned code normalised (GTIN-14 for retail codes), for "assign this code" */
  code: z.string(),
  view: PackViewSchema,
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

const Reason = z.string().trim().min(3, 'Say why, in a few words (at least 3 characters).').max(500, 'Keep the reason under 500 characters.');
const Code = z.string().min(1, 'The code is empty: scan it again or type it.').max(500, 'That is too long to be one code (over 500 characters): scan it again.');
const CaseQuantity = z.number().int('Count whole items only (x12, not x1.5).').min(1, 'A quantity is at least 1.').max(9999, 'Up to 9999 items can be counted at once: check the number.');

export const PackOpenInput = z.union([
  z.object({ code: Code }),
  z.object({ orderId: Id }),
]);
export const PackScanInput = z.object({ sessionId: Id, code: Code, quantity: CaseQuantity.default(1) });
export const PackMultiplyInput = z.object({ sessionId: Id, quantity: CaseQuantity });
export const PackAssignInput = z.object({ sessionId: Id.optional(), code: Code, sku: z.string().min(1, 'Choose the SKU this code belongs to.').max(100), reason: Reason });
export const PackOverrideInput = z.object({
  sessionId: Id, lineId: Id, supervisor: z.string().trim().min(2, 'Name the supervisor who confirms this.').max(100, "Keep the supervisor's name under 100 characters."), reason: Reason,
  /** the supervisor's PIN; required once the team has a supervisor */
  pin: z.string().max(12, 'A PIN has at most 12 digits.').default(''),
});
export const PackSplitInput = z.object({ sessionId: Id, reason: Reason });
export const PackAbandonInput = z.object({ sessionId: Id, reason: z.string().trim().max(500).default('') });

export const PackCompleteOutput = z.object({ view: PackViewSchema, labelJob: PrintJobSchema.nullable() });

export const PRINTER_KINDS = ['virtual', 'tcp', 'usb', 'cups'] as const;

export const PrinterSchema = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(PRINTER_KINDS),
  host: z.string(),
  port: z.number().int(),
  dpi: z.union([z.literal(203), z.literal(300)]),
  labelSize: z.enum(['4x6', '4x4']),
  folder: z.string(),
  isDefault: z.boolean(),
  /** the printer's command language; the same label layout is emitted in it */
  language: z.enum(['zpl', 'epl', 'tspl']),
  /** calibration: dots to move everything right / down (negative: left / up) */
  offsetX: z.number().int(),
  offsetY: z.number().int(),
  /** USB printers: vendor:product:serial; OS-queue printers: the queue name */
  device: z.string(),
});
export type Printer = z.infer<typeof PrinterSchema>;

export const PrinterInput = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1, 'Give the printer a name.').max(100, 'Keep the name under 100 characters.'),
  kind: z.enum(PRINTER_KINDS),
  host: z.string().trim().max(253, 'A printer address is at most 253 characters.').default('')
    .refine((h) => h === '' || isHostAddress(h), 'That is not a printer address: type its IP address (like 192.168.1.50) or its host name (like zebra-bench.local), with no spaces or symbols.'),
  port: z.number().int('A port is a whole number.').min(1, 'A port is a whole number from 1 to 65535; label printers use 9100.').max(65535, 'A port is a whole number from 1 to 65535; label printers use 9100.').default(9100),
  dpi: z.union([z.literal(203), z.literal(300)]).default(203),
  labelSize: z.enum(['4x6', '4x4']).default('4x6'),
  folder: z.string().trim().max(1000).default(''),
  isDefault: z.boolean().default(false),
  // left out: kept as they are (a new printer gets ZPL, no offset)
  language: z.enum(['zpl', 'epl', 'tspl']).optional(),
  offsetX: z.number().int().min(-200).max(200).optional(),
  offsetY: z.number().int().min(-200).max(200).optional(),
  device: z.string().trim().max(300, 'A printer\'s device name is at most 300 characters.').optional(),
}).refine((p) => p.kind !== 'tcp' || p.host !== '', { message: 'A network printer needs its address (IP or host name).', path: ['host'] })
  .refine((p) => (p.kind !== 'usb' && p.kind !== 'cups') || (p.device ?? '') !== '' || p.id !== undefined, { message: 'Choose the printer from the Devices screen (its USB id or print queue).', path: ['device'] });

export const PrinterStatusSchema = z.object({ ready: z.boolean(), message: z.string(), problems: z.array(z.object({ code: z.string(), words: z.string() })) });

export const ScannerSettingsSchema = z.object({
  minLength: z.number().int().min(1).max(50).default(4),
  maxGapMs: z.number().int().min(5).max(200).default(40),
  suffix: z.enum(['Enter', 'Tab', 'none']).default('Enter'),
  prefix: z.string().max(5).default(''),
  layout: z.enum(['us', 'de', 'fr']).default('us'),
  gsReplacement: z.string().max(1).default(''),
});
export type ScannerSettings = z.infer<typeof ScannerSettingsSchema>;
