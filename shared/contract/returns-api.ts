import { z } from 'zod';
import { command, query } from './define';
import { Id } from './orders';
import { PrintJobSchema } from './pack';
import {
  GradeSchema, OrderReturnsSchema, RefundBreakdownSchema, ReturnCode, ReturnCreateInput, ReturnLineInput, ReturnListInput, ReturnOpenOutput,
  ReturnReasonText, ReturnRefundInput, ReturnRowSchema, ReturnRulesSchema, ReturnScanResultSchema, ReturnViewSchema,
} from './returns';

const Empty = z.object({}).default({});
const ReturnId = z.object({ returnId: Id });

/** Returns: announce, send a label, receive by scanning, grade, put away, refund on the channel. Every scan is a command. */
export const returnsMethods = {
  'returns.list': query(ReturnListInput, z.array(ReturnRowSchema)),
  'returns.get': query(z.object({ id: Id }), ReturnViewSchema),
  'returns.forOrder': query(z.object({ orderId: Id }), OrderReturnsSchema),
  /** the refund a return of these lines would give, before it is created */
  'returns.preview': query(z.object({ orderId: Id, shipping: z.enum(['label', 'customer']), lines: z.array(ReturnLineInput).max(200) }), RefundBreakdownSchema),
  'returns.create': command(ReturnCreateInput, ReturnViewSchema),
  /** a scanned return label, RMA slip or order number: the return it names is received at the bench */
  'returns.open': command(z.object({ code: ReturnCode }), ReturnOpenOutput),
  'returns.receive': command(ReturnId, ReturnViewSchema),
  /** a parcel that came back with no RMA: received from its order */
  'returns.receiveUnannounced': command(z.object({ orderId: Id }), ReturnViewSchema),
  'returns.scan': command(z.object({ returnId: Id, code: ReturnCode }), ReturnScanResultSchema),
  'returns.grade': command(z.object({ returnId: Id, grade: GradeSchema }), ReturnScanResultSchema),
  'returns.undo': command(ReturnId, ReturnViewSchema),
  'returns.finish': command(ReturnId, ReturnViewSchema),
  'returns.refund': command(ReturnRefundInput, ReturnViewSchema),
  'returns.close': command(z.object({ returnId: Id, reason: ReturnReasonText }), ReturnViewSchema),
  'returns.buyLabel': command(ReturnId, ReturnViewSchema),
  'returns.setTracking': command(z.object({ returnId: Id, trackingNumber: z.string().trim().min(4, 'Type the whole tracking number').max(60), carrier: z.string().trim().max(60).default('') }), ReturnViewSchema),
  'returns.checkTracking': command(Empty, z.object({ checked: z.number().int(), words: z.string() })),
  'returns.slip': query(ReturnId, z.object({ html: z.string(), fileName: z.string() })),
  'returns.printSlip': command(ReturnId, PrintJobSchema),
  'returns.rules': query(Empty, ReturnRulesSchema),
  'returns.saveRules': command(ReturnRulesSchema, ReturnRulesSchema),
} as const;
