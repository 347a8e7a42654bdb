import { z } from 'zod';
import { Id } from './orders';

export const IMPORT_KINDS = ['orders', 'catalog'] as const;
export const EXPORT_KINDS = ['orders', 'stock', 'shipments', 'catalog'] as const;

/** One field Packbench reads from a CSV column, for the mapping screen. */
export const ImportFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** header names that map to it without asking (lower case, folded) */
  aliases: z.array(z.string()),
  help: z.string(),
});
export type ImportField = z.infer<typeof ImportFieldSchema>;

export const ImportStartInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().max(300).default(''),
  /** CSV header -> field key, chosen on the mapping screen */
  mapping: z.record(z.string().max(200), z.string().max(50)),
  headers: z.array(z.string().max(500)).max(500, 'The file has more than 500 columns: is it the right file?'),
});
export const ImportStartOutput = z.object({ importId: z.string(), fields: z.array(ImportFieldSchema) });

export const ImportRowsInput = z.object({
  importId: z.string().max(64),
  /** rows as the file has them: the line number a spreadsheet shows (header = 1) and the cells */
  rows: z.array(z.object({ row: z.number().int().min(1), cells: z.array(z.string().max(100_000)).max(500) })).max(5000),
  /** rows the parser itself could not read (a quote never closed, a wrong number of cells) */
  parseErrors: z.array(z.object({ row: z.number().int().min(0), message: z.string().max(2000), cells: z.array(z.string().max(100_000)).max(500).optional() })).max(5000).default([]),
  /** the last call: the answer then says what will land (orders grouped, duplicates found); before it, counts so far */
  done: z.boolean().default(false),
});

export const RowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

export const ImportSummarySchema = z.object({
  importId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  rows: z.number().int(),
  goodRows: z.number().int(),
  badRows: z.number().int(),
  /** rows that are fine but belong to an order with a bad row: an order lands whole or not at all */
  heldRows: z.number().int(),
  /** orders or products that will land */
  records: z.number().int(),
  /** already here (same order number from CSV): skipped, never doubled */
  duplicates: z.number().int(),
  errors: z.array(RowErrorSchema),
  /** errors beyond those listed */
  moreErrors: z.number().int(),
  preview: z.array(z.record(z.string(), z.string())),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportCommitOutput = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rows: z.number().int(),
  message: z.string(),
});

export const ExportInput = z.object({
  kind: z.enum(EXPORT_KINDS),
  /** a page of rows: large exports come in pages so no message is huge */
  cursor: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(2000),
});
export const ExportOutput = z.object({ csv: z.string(), nextCursor: z.number().int().nullable(), rows: z.number().int(), fileName: z.string() });

export const ImportIdInput = z.object({ importId: z.string().max(64) });
export { Id };
