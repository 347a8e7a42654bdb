import { randomUUID } from 'node:crypto';
import type { Db } from './db';

export type OutboxTopic = 'inventory.available' | 'order.status' | 'order.fulfilled' | 'order.refund';

/**
 * Writes what must reach a channel later. Always called inside the transaction of the local change,
 * so a crash leaves either both or neither. The sync engine drains it (a later issue).
 */
export function createOutboxRepo(db: Db) {
  const c = db.$client;
  const insert = c.prepare(`INSERT INTO outbox (topic, channel_id, idempotency_key, payload, created_at) VALUES (?, ?, ?, ?, ?)`);
  // orders typed in at the station or imported from a file have no far side to tell
  const channelIds = c.prepare<[], { id: number }>("SELECT id FROM channels WHERE kind NOT IN ('manual', 'csv') ORDER BY id");
  const isLocal = c.prepare<[number], { local: number }>("SELECT kind IN ('manual', 'csv') AS local FROM channels WHERE id = ?");
  return {
    /** the new row's id (a refund shows whether its row went out); null: an order typed in here or imported from a file has no shop to tell */
    enqueue(topic: OutboxTopic, channelId: number | null, payload: Record<string, unknown>, at: string): number | null {
      if (channelId !== null && isLocal.get(channelId)?.local === 1) return null;
      return Number(insert.run(topic, channelId, randomUUID(), JSON.stringify(payload), at).lastInsertRowid);
    },
    /** one row per channel that lists products: every channel must hear about a changed available count */
    enqueueForAllChannels(topic: OutboxTopic, payload: Record<string, unknown>, at: string) {
      for (const { id } of channelIds.all()) insert.run(topic, id, randomUUID(), JSON.stringify(payload), at);
    },
    pending(limit = 100) {
      return c.prepare(`SELECT id, topic, channel_id AS channelId, idempotency_key AS idempotencyKey, payload, created_at AS createdAt
        FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?`).all(limit) as Array<{ id: number; topic: string; channelId: number | null; idempotencyKey: string; payload: string; createdAt: string }>;
    },
  };
}
export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
