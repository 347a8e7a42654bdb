import type { Db } from './db';

export type DeliveryState = 'waiting' | 'sending' | 'no_answer' | 'done' | 'skipped' | 'failed';

export type OutboxCandidate = {
  id: number;
  topic: string;
  channelId: number;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: string;
  state: DeliveryState;
  nextAttemptAt: string | null;
};

/**
 * The drain side of the outbox: which rows may go, and how each attempt ended. Every attempt is recorded
 * BEFORE it is sent (state 'sending', attempts + 1), so after a crash a row found 'sending' is known to
 * have possibly arrived and is checked on the channel before it is sent again.
 */
export function createOutboxDrainRepo(db: Db) {
  const c = db.$client;
  const candidates = c.prepare(`SELECT o.id, o.topic, o.channel_id AS channelId, o.idempotency_key AS idempotencyKey, o.payload,
      o.attempts, o.created_at AS createdAt, coalesce(d.state, 'waiting') AS state, d.next_attempt_at AS nextAttemptAt
    FROM outbox o LEFT JOIN outbox_delivery d ON d.outbox_id = o.id
    WHERE o.status = 'pending' AND o.channel_id = ? AND o.id > ? ORDER BY o.id LIMIT ?`);
  const upsert = c.prepare(`INSERT INTO outbox_delivery (outbox_id, state, next_attempt_at, remote_ref, words, done_at)
    VALUES (@id, @state, @nextAttemptAt, @remoteRef, @words, @doneAt)
    ON CONFLICT (outbox_id) DO UPDATE SET state = excluded.state, next_attempt_at = excluded.next_attempt_at,
      remote_ref = CASE WHEN excluded.remote_ref = '' THEN remote_ref ELSE excluded.remote_ref END, words = excluded.words, done_at = excluded.done_at`);
  const setStatus = c.prepare('UPDATE outbox SET status = ?, last_error = ? WHERE id = ?');
  const bumpAttempts = c.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?');
  const depth = c.prepare<[number], { waiting: number; failed: number; oldest: string | null }>(`SELECT
      coalesce(sum(status = 'pending'), 0) AS waiting, coalesce(sum(status = 'failed'), 0) AS failed,
      min(CASE WHEN status IN ('pending', 'failed') THEN created_at END) AS oldest
    FROM outbox WHERE channel_id = ? AND status IN ('pending', 'failed')`);

  const set = (id: number, state: DeliveryState, extra: { nextAttemptAt?: string | null; remoteRef?: string; words?: string; doneAt?: string | null } = {}) =>
    upsert.run({ id, state, nextAttemptAt: extra.nextAttemptAt ?? null, remoteRef: extra.remoteRef ?? '', words: extra.words ?? '', doneAt: extra.doneAt ?? null });

  return {
    /** pending rows of a channel in the order they were written, from after `afterId` */
    candidates(channelId: number, afterId: number, limit: number): OutboxCandidate[] {
      return (candidates.all(channelId, afterId, limit) as Array<Omit<OutboxCandidate, 'payload'> & { payload: string }>)
        .map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    },
    /** written and committed before the request goes out */
    beginAttempt(id: number) {
      c.transaction(() => { bumpAttempts.run(id); set(id, 'sending'); })();
    },
    done(id: number, words: string, remoteRef: string, at: string) {
      c.transaction(() => { setStatus.run('sent', '', id); set(id, 'done', { words, remoteRef, doneAt: at }); })();
    },
    /** not sent, on purpose (superseded by a newer count, the order was cancelled, stock sync is off): done, in words */
    skip(id: number, words: string, at: string) {
      c.transaction(() => { setStatus.run('sent', '', id); set(id, 'skipped', { words, doneAt: at }); })();
    },
    /** try again later; `maybeArrived` when the last attempt went out and no answer came */
    later(id: number, error: string, nextAttemptAt: string, maybeArrived: boolean) {
      c.transaction(() => { setStatus.run('pending', error, id); set(id, maybeArrived ? 'no_answer' : 'waiting', { nextAttemptAt }); })();
    },
    /** kept pending, untouched by retries until `nextAttemptAt`, with the reason in words (unknown topic, blocked) */
    park(id: number, error: string, nextAttemptAt: string) {
      c.transaction(() => { setStatus.run('pending', error, id); set(id, 'waiting', { nextAttemptAt }); })();
    },
    /** the channel refused it for good: a person decides (Retry on the Sync screen) */
    fail(id: number, words: string) {
      c.transaction(() => { setStatus.run('failed', words, id); set(id, 'failed', { words }); })();
    },
    /** rows that were being sent when the app stopped may have arrived: check before sending again */
    recoverInFlight(): number {
      return c.prepare(`UPDATE outbox_delivery SET state = 'no_answer', next_attempt_at = NULL WHERE state = 'sending'`).run().changes;
    },
    retryFailed(channelId: number): number {
      return c.transaction(() => {
        c.prepare(`UPDATE outbox_delivery SET state = CASE WHEN state = 'failed' THEN 'no_answer' ELSE state END, next_attempt_at = NULL
          WHERE outbox_id IN (SELECT id FROM outbox WHERE channel_id = ? AND status IN ('pending', 'failed'))`).run(channelId);
        return c.prepare(`UPDATE outbox SET status = 'pending' WHERE channel_id = ? AND status = 'failed'`).run(channelId).changes;
      })();
    },
    /** "Sync now": every waiting row of the channel may go at once */
    wakeAll(channelId: number) {
      c.prepare(`UPDATE outbox_delivery SET next_attempt_at = NULL WHERE outbox_id IN (SELECT id FROM outbox WHERE channel_id = ? AND status = 'pending')`).run(channelId);
    },
    depth(channelId: number) {
      return depth.get(channelId) ?? { waiting: 0, failed: 0, oldest: null };
    },
    /** the newest pending count for this SKU on this channel: older ones are superseded by it */
    newerAvailableRow(channelId: number, sku: string, afterId: number): number | undefined {
      return (c.prepare(`SELECT id FROM outbox WHERE channel_id = ? AND topic = 'inventory.available' AND status = 'pending'
        AND id > ? AND json_extract(payload, '$.sku') = ? ORDER BY id DESC LIMIT 1`).get(channelId, afterId, sku) as { id: number } | undefined)?.id;
    },
    row(id: number) {
      return c.prepare(`SELECT o.id, o.topic, o.status, o.attempts, o.last_error AS lastError, d.state, d.words, d.remote_ref AS remoteRef
        FROM outbox o LEFT JOIN outbox_delivery d ON d.outbox_id = o.id WHERE o.id = ?`).get(id) as
        { id: number; topic: string; status: string; attempts: number; lastError: string; state: DeliveryState | null; words: string | null; remoteRef: string | null } | undefined;
    },
  };
}
export type OutboxDrainRepo = ReturnType<typeof createOutboxDrainRepo>;
