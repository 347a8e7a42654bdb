import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import {
  PackAbandonInput, PackAssignInput, PackCompleteOutput, PackMultiplyInput, PackOpenInput, PackOverrideInput, PackScanInput,
  PackSplitInput, PackViewSchema, PrinterInput, PrinterSchema, PrinterStatusSchema, PrintJobSchema, ScannerSettingsSchema, ScanResultSchema,
} from './pack';

/** Pack station and printing. Each scan is a command: it is written to the database before it is answered. */
export const packMethods = {
  'pack.open': command(PackOpenInput, PackViewSchema),
  'pack.current': query(z.object({}).default({}), PackViewSchema.nullable()),
  'pack.get': query(z.object({ sessionId: Id }), PackViewSchema),
  'pack.scan': command(PackScanInput, ScanResultSchema),
  'pack.multiply': command(PackMultiplyInput, ScanResultSchema),
  'pack.undo': command(z.object({ sessionId: Id }), PackViewSchema),
  'pack.assignCode': command(PackAssignInput, z.object({ code: z.string(), sku: z.string(), symbology: z.string() })),
  'pack.override': command(PackOverrideInput, PackViewSchema),
  'pack.complete': command(z.object({ sessionId: Id }), PackCompleteOutput),
  'pack.split': command(PackSplitInput, PackCompleteOutput),
  'pack.abandon': command(PackAbandonInput, PackViewSchema),
  'pack.slip': query(z.object({ orderId: Id }), z.object({ html: z.string(), fileName: z.string() })),
  // byCode: q is one of this SKU's barcodes (or a GS1 code holding it), so q names exactly this SKU
  'catalog.findVariants': query(z.object({ q: z.string().max(100) }), z.array(z.object({ variantId: Id, sku: z.string(), title: z.string(), byCode: z.boolean().optional() }))),

  'printers.list': query(z.object({}).default({}), z.array(PrinterSchema)),
  'printers.save': command(PrinterInput, PrinterSchema),
  'printers.status': query(z.object({ printerId: Id }), PrinterStatusSchema),
  'printers.testPrint': command(z.object({ printerId: Id }), PrintJobSchema),
  'print.jobs': query(z.object({ orderId: Id.optional(), limit: z.number().int().min(1).max(500).default(50) }), z.array(PrintJobSchema)),
  'print.job': query(z.object({ jobId: Id }), PrintJobSchema.extend({ zpl: z.string(), dpi: z.number().int(), labelSize: z.string() })),
  'print.retry': command(z.object({ jobId: Id }), PrintJobSchema),
  'print.reprint': command(z.object({ jobId: Id }), PrintJobSchema),
  /** a label that failed or was not confirmed, sent to another printer of the same kind instead */
  'print.moveTo': command(z.object({ jobId: Id, printerId: Id }), PrintJobSchema),
  'print.label': command(z.object({ orderId: Id }), PrintJobSchema),

  'station.settings': query(z.object({}).default({}), z.object({ scanner: ScannerSettingsSchema })),
  'station.saveScanner': command(ScannerSettingsSchema, ScannerSettingsSchema),
} as const;
