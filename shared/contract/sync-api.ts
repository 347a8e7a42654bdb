import { z } from 'zod';
import { AddressSchema } from '../domain/address';
import { command, query } from './define';
import { Id, IsoTime, OrderDetailSchema } from './orders';

/** Sales channels and the sync engine: the Sync screen, Settings → Channels, and conflicts on the order screen. */

export const ChannelSyncStateSchema = z.enum(['online', 'offline', 'paused', 'not_connected', 'starting']);
export type ChannelSyncState = z.infer<typeof ChannelSyncStateSchema>;

export const ChannelSyncStatusSchema = z.object({
  channelId: Id,
  name: z.string(),
  kind: z.string(),
  state: ChannelSyncStateSchema,
  /** when the channel stopped answering (from failures, never assumed) */
  offlineSince: IsoTime.nullable(),
  lastPullAt: IsoTime.nullable(),
  lastPushAt: IsoTime.nullable(),
  /** changes waiting to go out (the queue depth) */
  waiting: z.number().int(),
  /** changes the channel refused; they wait for Retry */
  failed: z.number().int(),
  oldestWaitingAt: IsoTime.nullable(),
  pollSeconds: z.number(),
  /** the newest problem, in words ('' when none) */
  lastError: z.string(),
  errors: z.array(z.object({ id: Id, at: IsoTime, level: z.enum(['info', 'warning', 'error']), words: z.string() })),
  /** stock counts (#7): units the channel was last told it may sell, over all SKUs (its budget while unreachable); null when counts are off */
  budgetLeft: z.object({ units: z.number().int(), skus: z.number().int(), skusAtZero: z.number().int() }).nullable().optional(),
});
export type ChannelSyncStatus = z.infer<typeof ChannelSyncStatusSchema>;

export const SyncStatusSchema = z.object({
  channels: z.array(ChannelSyncStatusSchema),
  /** over connected channels */
  waiting: z.number().int(),
  failed: z.number().int(),
  /** the earliest offlineSince of a connected channel, null when all answer */
  offlineSince: IsoTime.nullable(),
  conflicts: z.number().int(),
  /** changes waiting for shops that are not connected: they go out only if the shop is connected again */
  stranded: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const ConflictSideSchema = z.object({
  status: z.string(),
  shipTo: AddressSchema,
  lines: z.array(z.object({ sku: z.string(), title: z.string(), quantity: z.number().int() })),
  note: z.string(),
});
export const OrderConflictSchema = z.object({
  orderId: Id,
  channelName: z.string(),
  kinds: z.array(z.string()),
  summary: z.string(),
  heldFrom: z.string(),
  ours: ConflictSideSchema,
  theirs: ConflictSideSchema,
  createdAt: IsoTime,
  /** false when taking theirs is not possible (new items for a parcel already packed) */
  canTakeTheirs: z.boolean(),
});
export type OrderConflict = z.infer<typeof OrderConflictSchema>;

export const ChannelKindSchema = z.object({
  kind: z.string(),
  label: z.string(),
  urlHint: z.string(),
  credentialFields: z.array(z.object({ name: z.string(), label: z.string(), hint: z.string() })),
});

export const ChannelSettingsSchema = z.object({
  channelId: Id,
  kind: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  pollSeconds: z.number(),
  pushStock: z.boolean(),
  locationId: Id.nullable(),
  connected: z.boolean(),
  /** keys are stored (encrypted); they are never sent back to a screen */
  hasKeys: z.boolean(),
  keyStorage: z.enum(['safe-storage', 'key-file']).nullable(),
  demo: z.boolean(),
});
export type ChannelSettings = z.infer<typeof ChannelSettingsSchema>;

const Credentials = z.record(z.string().max(100), z.string().max(2000));

export const ChannelConnectInput = z.object({
  /** present to change a channel already connected; absent to add one */
  channelId: Id.optional(),
  kind: z.string().min(1).max(50),
  name: z.string().trim().min(1, 'Give the channel a name the packers will recognise').max(100),
  baseUrl: z.string().trim().min(1, "Enter the shop's address, such as https://shop.example.com").max(500),
  /** empty values keep the stored ones (the form never shows stored keys) */
  credentials: Credentials.default({}),
  pollSeconds: z.number().min(2, 'Poll at most every 2 seconds').max(3600).default(10),
  pushStock: z.boolean().default(false),
  locationId: Id.nullable().default(null),
});

export const ChannelTestInput = z.object({
  channelId: Id.optional(),
  kind: z.string().max(50).optional(),
  baseUrl: z.string().trim().max(500).optional(),
  credentials: Credentials.default({}),
});

const Empty = z.object({}).strict().default({});

export const syncMethods = {
  'sync.status': query(Empty, SyncStatusSchema),
  'sync.now': command(z.object({ channelId: Id.optional() }).default({}), SyncStatusSchema),
  'sync.retry': command(z.object({ channelId: Id }), SyncStatusSchema),
  'sync.conflict': query(z.object({ orderId: Id }), OrderConflictSchema.nullable()),
  'sync.resolveConflict': command(z.object({ orderId: Id, choice: z.enum(['ours', 'theirs']) }), OrderDetailSchema),
  'sync.startDemoChannels': command(Empty, z.object({ words: z.string() })),
  'channels.kinds': query(Empty, z.array(ChannelKindSchema)),
  'channels.settings': query(Empty, z.array(ChannelSettingsSchema)),
  'channels.test': command(ChannelTestInput, z.object({ ok: z.boolean(), shopName: z.string(), words: z.string() })),
  'channels.connect': command(ChannelConnectInput, ChannelSettingsSchema),
  'channels.remove': command(z.object({ channelId: Id, confirm: z.literal(true) }), z.array(ChannelSettingsSchema)),
} as const;
