import { z } from 'zod';
import { query } from './define';
import { Id, IsoTime, OrderRowSchema, OrderStatusSchema } from './orders';

const Empty = z.object({}).strict().default({});

/** What a scanned or typed code names, for screens where a scan is not counted into a parcel. */
export const CodeLookupSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('order'), code: z.string(), orderId: Id, number: z.string(), status: OrderStatusSchema }),
  z.object({
    kind: z.literal('product'), code: z.string(), variantId: Id, sku: z.string(), title: z.string(),
    /** orders still to pack (open or picking) that contain it, oldest first */
    openOrders: z.array(OrderRowSchema),
    openOrderCount: z.number().int(),
  }),
  z.object({ kind: z.literal('unknown'), code: z.string(), message: z.string(), hint: z.string() }),
]);
export type CodeLookup = z.infer<typeof CodeLookupSchema>;

/** The station itself: is it answering, and what does a code name. */
export const stationMethods = {
  /** answered as soon as the station's event loop is free: the screens use it to say "not answering" */
  'station.ping': query(Empty, z.object({ at: IsoTime })),
  'scan.lookup': query(z.object({ code: z.string().trim().min(1, 'Nothing was scanned: scan the barcode again.').max(500, 'That code is too long to be a barcode (over 500 characters).') }), CodeLookupSchema),
} as const;
