import { z } from 'zod';
import { STOCK_RULE_KINDS } from '../domain/stock-allocation';
import { command, query } from './define';
import { Id, IsoTime, OrderDetailSchema } from './orders';

/** Inventory sync (#7): what each channel may list, what it was told and why, and reconciliation with the shops. */

const Empty = z.object({}).strict().default({});
const Sku = z.string().trim().min(1, 'Enter a SKU.').max(100, 'A SKU is at most 100 characters.');
const Count = z.number().int('Use a whole number.').min(0, 'Use 0 or more.').max(1_000_000, 'Use a number up to 1,000,000.');

export const StockRuleSchema = z.object({
  id: Id, channelId: z.number().int().min(0), channelName: z.string(), sku: z.string(), kind: z.enum(STOCK_RULE_KINDS), value: z.number().int(),
  /** "WooCommerce lists at most 5 of MUG-01" */
  words: z.string(),
});
export const StockRulesSchema = z.object({ rules: z.array(StockRuleSchema), safety: z.array(z.object({ sku: z.string(), quantity: z.number().int() })) });

export const SetStockRuleInput = z.object({
  /** 0 = every channel */
  channelId: z.number().int().min(0),
  /** '' = the whole catalog */
  sku: z.string().trim().max(100, 'A SKU is at most 100 characters.').default(''),
  kind: z.enum(STOCK_RULE_KINDS),
  value: Count,
}).superRefine((v, ctx) => {
  if (v.kind === 'percent' && v.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage is at most 100.' });
});

export const StockChannelSchema = z.object({
  channelId: Id, name: z.string(), offline: z.boolean(),
  /** units it was last told, over every SKU: what it may still sell while Packbench cannot reach it */
  budgetUnits: z.number().int(), skusAtZero: z.number().int(),
  /** SKUs whose new count has not gone out yet */
  waiting: z.number().int(),
});
export const StockOverviewRowSchema = z.object({
  sku: z.string(), available: z.number().int(), safety: z.number().int(),
  channels: z.array(z.object({
    channelId: Id, published: z.number().int().nullable(), shouldBe: z.number().int(), pending: z.boolean(),
    /** false once the shop said it does not list the SKU (or does not count its stock): it takes no share */
    listed: z.boolean(),
  })),
});
export const StockOverviewSchema = z.object({ channels: z.array(StockChannelSchema), rows: z.array(StockOverviewRowSchema), total: z.number().int(), dailyAt: z.string().nullable() });

export const DriftLineSchema = z.object({
  id: Id, channelId: Id, channelName: z.string(), sku: z.string(),
  /** what the channel was told */
  ours: z.number().int(),
  /** what it shows; null when it could not be read */
  theirs: z.number().int().nullable(),
  available: z.number().int(),
  fix: z.enum(['', 'push_ours', 'accept_theirs']), fixWords: z.string(), fixedAt: IsoTime.nullable(),
});
export const ReconciliationSchema = z.object({
  id: Id, trigger: z.enum(['manual', 'schedule', 'reconnect']), startedAt: IsoTime, finishedAt: IsoTime.nullable(), summary: z.string(),
  drifts: z.number().int(), fixed: z.number().int(),
});
export const ReconciliationReportSchema = z.object({ report: ReconciliationSchema, lines: z.array(DriftLineSchema) });

export const PublishedHistorySchema = z.object({
  rows: z.array(z.object({ id: Id, channelName: z.string(), quantity: z.number().int(), previous: z.number().int().nullable(), cause: z.string(), createdAt: IsoTime })),
});

export const ShortageSchema = z.object({
  orderId: Id, lines: z.array(z.object({ sku: z.string(), wanted: z.number().int(), short: z.number().int() })),
  status: z.enum(['open', 'resolved']), choice: z.string(), reason: z.string(), createdAt: IsoTime,
});

export const stockSyncMethods = {
  /** an order that arrived with its stock already sold elsewhere (null when it did not) */
  'stockSync.shortage': query(z.object({ orderId: Id }), ShortageSchema.nullable()),
  'stockSync.resolveShortage': command(z.object({
    orderId: Id, choice: z.enum(['backorder', 'cancel', 'adjust']), reason: z.string().trim().max(500).default(''),
  }).superRefine((v, ctx) => {
    if (v.choice !== 'backorder' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: v.choice === 'cancel' ? 'Say why the order is cancelled: the customer reads it.' : 'Say why the stock count changes.' });
  }), OrderDetailSchema),
  'stockSync.overview': query(z.object({ q: z.string().max(100).default(''), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }), StockOverviewSchema),
  'stockSync.rules': query(Empty, StockRulesSchema),
  'stockSync.setRule': command(SetStockRuleInput, StockRulesSchema),
  'stockSync.removeRule': command(z.object({ id: Id }), StockRulesSchema),
  'stockSync.setSafety': command(z.object({ sku: Sku, quantity: Count }), StockRulesSchema),
  'stockSync.reconcile': command(Empty, ReconciliationReportSchema),
  'stockSync.reports': query(Empty, z.array(ReconciliationSchema)),
  'stockSync.report': query(z.object({ id: Id }), ReconciliationReportSchema),
  'stockSync.fix': command(z.object({
    lineIds: z.array(Id).min(1, 'Choose at least one drift.').max(5000),
    action: z.enum(['push_ours', 'accept_theirs']),
    reason: z.string().trim().max(500).default(''),
  }).superRefine((v, ctx) => {
    if (v.action === 'accept_theirs' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the shop\'s number is right (it becomes a stock adjustment).' });
  }), ReconciliationReportSchema.extend({ words: z.string() })),
  'stockSync.exportReport': query(z.object({ id: Id }), z.object({ filename: z.string(), csv: z.string() })),
  'stockSync.history': query(z.object({ sku: Sku }), PublishedHistorySchema),
  /** the daily reconciliation: 'HH:MM' UTC, or null for none */
  'stockSync.setSchedule': command(z.object({ dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 06:30.').nullable() }), z.object({ dailyAt: z.string().nullable() })),
} as const;
