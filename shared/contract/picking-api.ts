import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { PrintJobSchema } from './pack';
import {
  PickCandidateSchema, PickCandidatesInput, PickCreateInput, PickCreateOutput, PickListSummarySchema, PickListViewSchema, PickScanInput,
  PickScanResultSchema, PickShortInput, PickShortOutput, ReadyToPackSchema,
} from './picking';

/** Pick lists: made from open orders, walked by scanning bins and items, printed for pickers without a device. */
export const pickingMethods = {
  'picking.candidates': query(PickCandidatesInput, z.array(PickCandidateSchema)),
  'picking.create': command(PickCreateInput, PickCreateOutput),
  'picking.lists': query(z.object({ active: z.boolean().default(true) }), z.array(PickListSummarySchema)),
  'picking.get': query(z.object({ listId: Id }), PickListViewSchema),
  'picking.scan': command(PickScanInput, PickScanResultSchema),
  'picking.short': command(PickShortInput, PickShortOutput),
  'picking.cancel': command(z.object({ listId: Id }), PickListViewSchema),
  'picking.readyToPack': query(z.object({}).default({}), ReadyToPackSchema),
  'picking.sheet': query(z.object({ listId: Id }), z.object({ html: z.string(), fileName: z.string() })),
  'picking.printLabel': command(z.object({ listId: Id }), PrintJobSchema),
} as const;
