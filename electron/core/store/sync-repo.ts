import type { Db } from './db';

export type ChannelConfig = {
  baseUrl?: string;
  /** seconds between pulls while the app is open */
  pollSeconds?: number;
  /** send available counts to this channel (off until the owner turns it on: a fresh ledger would zero the shop) */
  pushStock?: boolean;
  /** where this channel's orders ship from */
  locationId?: number;
  /** false once removed in Settings: its orders stay, the engine leaves it alone */
  connected?: boolean;
  demo?: boolean;
  [k: string]: unknown;
};

export type ChannelRecord = { id: number; kind: string; name: string; config: ChannelConfig };

export type ChannelSyncState = {
  channelId: number; cursor: string | null; continuation: string | null; lastPullAt: string | null; lastPushAt: string | null;
  offlineSince: string | null; failures: number; lastError: string; lastErrorAt: string | null; pausedReason: string;
};

export type OrderVersion = {
  orderId: number; channelId: number; externalId: string; remoteUpdatedAt: string; contentHash: string; remote: unknown; heldByChannel: boolean;
};

export type ConflictRecord = {
  id: number; orderId: number; channelId: number; kinds: string[]; ours: unknown; theirs: unknown; heldFrom: string; status: 'open' | 'resolved';
  resolution: string; createdAt: string; resolvedAt: string | null;
};

/** SQL for channels' sync state, credentials (ciphertext only), order versions, conflicts, SKU refs and the sync log. */
export function createSyncRepo(db: Db) {
  const c = db.$client;
  const stateCols = `channel_id AS channelId, cursor, continuation, last_pull_at AS lastPullAt, last_push_at AS lastPushAt,
    offline_since AS offlineSince, failures, last_error AS lastError, last_error_at AS lastErrorAt, paused_reason AS pausedReason`;
  const getState = c.prepare<[number], ChannelSyncState>(`SELECT ${stateCols} FROM channel_sync WHERE channel_id = ?`);
  const versionCols = `order_id AS orderId, channel_id AS channelId, external_id AS externalId, remote_updated_at AS remoteUpdatedAt,
    content_hash AS contentHash, remote, held_by_channel AS heldByChannel`;
  const getVersion = c.prepare(`SELECT ${versionCols} FROM order_versions WHERE channel_id = ? AND external_id = ?`);
  const getVersionByOrder = c.prepare(`SELECT ${versionCols} FROM order_versions WHERE order_id = ?`);
  const conflictCols = `id, order_id AS orderId, channel_id AS channelId, kinds, ours, theirs, held_from AS heldFrom, status, resolution,
    created_at AS createdAt, resolved_at AS resolvedAt`;
  const insertLog = c.prepare('INSERT INTO sync_log (channel_id, level, words, detail, external_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');

  const toVersion = (r: Record<string, unknown> | undefined): OrderVersion | undefined =>
    r ? { ...(r as OrderVersion), remote: JSON.parse(r.remote as string), heldByChannel: Boolean(r.heldByChannel) } : undefined;
  const toConflict = (r: Record<string, unknown> | undefined): ConflictRecord | undefined =>
    r ? { ...(r as ConflictRecord), kinds: JSON.parse(r.kinds as string) as string[], ours: JSON.parse(r.ours as string), theirs: JSON.parse(r.theirs as string) } : undefined;

  return {
    channel(id: number): ChannelRecord | undefined {
      const r = c.prepare('SELECT id, kind, name, config FROM channels WHERE id = ?').get(id) as { id: number; kind: string; name: string; config: string } | undefined;
      return r ? { ...r, config: JSON.parse(r.config) as ChannelConfig } : undefined;
    },
    channels(): ChannelRecord[] {
      return (c.prepare('SELECT id, kind, name, config FROM channels ORDER BY id').all() as Array<{ id: number; kind: string; name: string; config: string }>)
        .map((r) => ({ ...r, config: JSON.parse(r.config) as ChannelConfig }));
    },
    setChannel(id: number, name: string, config: ChannelConfig) {
      c.prepare('UPDATE channels SET name = ?, config = ? WHERE id = ?').run(name, JSON.stringify(config), id);
    },

    state(channelId: number): ChannelSyncState {
      c.prepare('INSERT INTO channel_sync (channel_id) VALUES (?) ON CONFLICT DO NOTHING').run(channelId);
      return getState.get(channelId)!;
    },
    saveCursor(channelId: number, cursor: string | null, continuation: string | null) {
      c.prepare('UPDATE channel_sync SET cursor = ?, continuation = ? WHERE channel_id = ?').run(cursor, continuation, channelId);
    },
    markPulled(channelId: number, at: string) { c.prepare('UPDATE channel_sync SET last_pull_at = ? WHERE channel_id = ?').run(at, channelId); },
    markPushed(channelId: number, at: string) { c.prepare('UPDATE channel_sync SET last_push_at = ? WHERE channel_id = ?').run(at, channelId); },
    /** a call reached the shop: online again */
    markReachable(channelId: number) {
      c.prepare(`UPDATE channel_sync SET failures = 0, offline_since = NULL WHERE channel_id = ? AND (failures <> 0 OR offline_since IS NOT NULL)`).run(channelId);
    },
    /** a call could not reach the shop; offline from the first failure once `threshold` happened in a row */
    markUnreachable(channelId: number, firstFailureAt: string, threshold: number): ChannelSyncState {
      c.prepare(`UPDATE channel_sync SET failures = failures + 1,
          offline_since = CASE WHEN offline_since IS NULL AND failures + 1 >= ? THEN ? ELSE offline_since END WHERE channel_id = ?`)
        .run(threshold, firstFailureAt, channelId);
      return getState.get(channelId)!;
    },
    setError(channelId: number, words: string, at: string | null) {
      c.prepare('UPDATE channel_sync SET last_error = ?, last_error_at = ? WHERE channel_id = ?').run(words, at, channelId);
    },
    setPaused(channelId: number, reason: string) {
      c.prepare('UPDATE channel_sync SET paused_reason = ? WHERE channel_id = ?').run(reason, channelId);
    },
    resetState(channelId: number) {
      c.prepare('DELETE FROM channel_sync WHERE channel_id = ?').run(channelId);
    },

    credentials(channelId: number) {
      return c.prepare('SELECT scheme, ciphertext FROM channel_credentials WHERE channel_id = ?').get(channelId) as { scheme: 'safe-storage' | 'key-file'; ciphertext: Buffer } | undefined;
    },
    setCredentials(channelId: number, scheme: 'safe-storage' | 'key-file', ciphertext: Buffer, at: string) {
      c.prepare(`INSERT INTO channel_credentials (channel_id, scheme, ciphertext, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (channel_id) DO UPDATE SET scheme = excluded.scheme, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`).run(channelId, scheme, ciphertext, at);
    },
    deleteCredentials(channelId: number) { c.prepare('DELETE FROM channel_credentials WHERE channel_id = ?').run(channelId); },

    version(channelId: number, externalId: string): OrderVersion | undefined { return toVersion(getVersion.get(channelId, externalId) as Record<string, unknown> | undefined); },
    versionOfOrder(orderId: number): OrderVersion | undefined { return toVersion(getVersionByOrder.get(orderId) as Record<string, unknown> | undefined); },
    saveVersion(v: OrderVersion, at: string) {
      c.prepare(`INSERT INTO order_versions (order_id, channel_id, external_id, remote_updated_at, content_hash, remote, held_by_channel, applied_at)
        VALUES (@orderId, @channelId, @externalId, @remoteUpdatedAt, @contentHash, @remote, @held, @at)
        ON CONFLICT (order_id) DO UPDATE SET remote_updated_at = excluded.remote_updated_at, content_hash = excluded.content_hash,
          remote = excluded.remote, held_by_channel = excluded.held_by_channel, applied_at = excluded.applied_at`)
        .run({ ...v, remote: JSON.stringify(v.remote), held: v.heldByChannel ? 1 : 0, at });
    },

    openConflict(orderId: number): ConflictRecord | undefined {
      return toConflict(c.prepare(`SELECT ${conflictCols} FROM order_conflicts WHERE order_id = ? AND status = 'open'`).get(orderId) as Record<string, unknown> | undefined);
    },
    insertConflict(x: { orderId: number; channelId: number; kinds: string[]; ours: unknown; theirs: unknown; heldFrom: string; at: string }) {
      c.prepare(`INSERT INTO order_conflicts (order_id, channel_id, kinds, ours, theirs, held_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(x.orderId, x.channelId, JSON.stringify(x.kinds), JSON.stringify(x.ours), JSON.stringify(x.theirs), x.heldFrom, x.at);
    },
    updateConflict(id: number, kinds: string[], theirs: unknown) {
      c.prepare('UPDATE order_conflicts SET kinds = ?, theirs = ? WHERE id = ?').run(JSON.stringify(kinds), JSON.stringify(theirs), id);
    },
    resolveConflict(id: number, resolution: string, at: string) {
      c.prepare(`UPDATE order_conflicts SET status = 'resolved', resolution = ?, resolved_at = ? WHERE id = ?`).run(resolution, at, id);
    },
    openConflictCount(): number {
      return (c.prepare(`SELECT count(*) AS n FROM order_conflicts WHERE status = 'open'`).get() as { n: number }).n;
    },

    skuRef(channelId: number, sku: string) {
      return c.prepare('SELECT ref, tracks_stock AS tracksStock, remote_available AS remoteAvailable FROM channel_skus WHERE channel_id = ? AND sku = ?')
        .get(channelId, sku) as { ref: string; tracksStock: number; remoteAvailable: number | null } | undefined;
    },
    /** the shop is connected again: what it did not list or count is asked again */
    forgetUncounted(channelId: number) {
      c.prepare('DELETE FROM channel_skus WHERE channel_id = ? AND tracks_stock = 0').run(channelId);
    },
    saveSkuRef(channelId: number, sku: string, ref: string, tracksStock: boolean, remoteAvailable: number | null, at: string) {
      c.prepare(`INSERT INTO channel_skus (channel_id, sku, ref, tracks_stock, remote_available, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (channel_id, sku) DO UPDATE SET ref = excluded.ref, tracks_stock = excluded.tracks_stock, remote_available = excluded.remote_available, updated_at = excluded.updated_at`)
        .run(channelId, sku, ref, tracksStock ? 1 : 0, remoteAvailable, at);
    },

    lastEventOf(orderId: number) {
      return c.prepare('SELECT kind, message FROM order_events WHERE order_id = ? ORDER BY id DESC LIMIT 1').get(orderId) as { kind: string; message: string } | undefined;
    },

    log(channelId: number, level: 'info' | 'warning' | 'error', words: string, detail: string, externalId: string, at: string) {
      insertLog.run(channelId, level, words, detail, externalId, at);
    },
    recentLog(channelId: number, limit: number, levels: Array<'info' | 'warning' | 'error'> = ['info', 'warning', 'error']) {
      return c.prepare(`SELECT id, level, words, external_id AS externalId, created_at AS createdAt FROM sync_log
        WHERE channel_id = ? AND level IN (${levels.map(() => '?').join(',')}) ORDER BY id DESC LIMIT ?`).all(channelId, ...levels, limit) as
        Array<{ id: number; level: 'info' | 'warning' | 'error'; words: string; externalId: string; createdAt: string }>;
    },
    /** keeps the log to its newest rows per channel */
    trimLog(channelId: number, keep: number) {
      c.prepare('DELETE FROM sync_log WHERE channel_id = ? AND id <= (SELECT id FROM sync_log WHERE channel_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)').run(channelId, channelId, keep);
    },
  };
}
export type SyncRepo = ReturnType<typeof createSyncRepo>;
