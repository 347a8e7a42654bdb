import { z } from 'zod';

export const WorkspaceInfoSchema = z.object({
  kind: z.enum(['demo', 'empty', 'live']),
  dataDir: z.string(),
  version: z.string(),
  /** the operator name recorded on ledger movements and order events */
  actor: z.string(),
  counts: z.object({ orders: z.number().int(), skus: z.number().int(), openOrders: z.number().int() }),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;
