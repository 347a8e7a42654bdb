import { isoNow } from '../../clock';
import type { OutboxCandidate } from '../../store/outbox-drain-repo';
import type { ChannelRecord } from '../../store/sync-repo';
import { asChannelError, isChannelError, type ChannelError } from '../channel-error';
import type { PushReceipt } from '../channel-types';
import type { SalesChannel } from '../sales-channel';
import { backoffMs } from './backoff';
import type { EngineContext } from './engine-context';
import { planPush, type PushPlan } from './push-topics';

/** What one delivery tells the drain: carry on, or stop this round (the channel is unreachable, throttling or refusing the keys). */
export type DeliveryVerdict = { halt: boolean; failure: ChannelError | null };

const UNKNOWN_TOPIC_RECHECK_MS = 60 * 60_000;
const CONFLICT_RECHECK_MS = 15_000;

/**
 * Sends one outbox row. The attempt is recorded before the request goes out; a row that may have arrived
 * (no answer, or found mid-send after a crash) is looked up on the channel before it is sent again, so a
 * change takes effect once. Every push, retry and failure lands on the order's timeline.
 */
type Event = (orderId: number | null, kind: string, words: string, details: Record<string, unknown>) => void;

function timeline(ctx: EngineContext, row: OutboxCandidate): Event {
  const who = ctx.actor();
  return (orderId, kind, words, details) => {
    if (orderId === null) return;
    const last = ctx.repos.sync.lastEventOf(orderId);
    // a row retried while the shop stays away would fill the timeline with the same sentence
    if (last && last.kind === kind && last.message === words) return;
    ctx.repos.orders.addEvent(orderId, kind, who, words, { outboxId: row.id, topic: row.topic, ...details }, isoNow(ctx.clock));
  };
}

/** The plan for a row, or null when it could not even be prepared (kept, and looked at again later). */
export function planOrPark(ctx: EngineContext, channel: ChannelRecord, adapter: SalesChannel, row: OutboxCandidate): PushPlan | null {
  try {
    return planPush(ctx.repos, channel, adapter, row);
  } catch (e) {
    ctx.log('error', channel, `A ${row.topic} change could not be prepared for ${channel.name}; it is kept and will be tried again.`, String(e));
    ctx.repos.outboxDrain.park(row.id, 'The change could not be prepared; it is kept and will be tried again.', new Date(Date.now() + UNKNOWN_TOPIC_RECHECK_MS).toISOString());
    return null;
  }
}

/** Rows that need no call to the shop: done on purpose, waiting for a decision, or of a topic not known yet. */
export function settle(ctx: EngineContext, channel: ChannelRecord, row: OutboxCandidate, plan: Exclude<PushPlan, { kind: 'push' }>): void {
  const { repos } = ctx;
  const event = timeline(ctx, row);
  if (plan.kind === 'unknown') {
    if (row.state !== 'waiting' || row.nextAttemptAt === null) ctx.log('warning', channel, plan.words, `outbox ${row.id} topic ${row.topic}`);
    repos.outboxDrain.park(row.id, plan.words, new Date(Date.now() + UNKNOWN_TOPIC_RECHECK_MS).toISOString());
  } else if (plan.kind === 'skip') {
    repos.transaction(() => { repos.outboxDrain.skip(row.id, plan.words, isoNow(ctx.clock)); if (!plan.quiet) event(plan.orderId, 'sync_skipped', plan.words, {}); });
  } else {
    repos.transaction(() => { repos.outboxDrain.park(row.id, plan.words, new Date(Date.now() + CONFLICT_RECHECK_MS).toISOString()); event(plan.orderId, 'sync_waiting', plan.words, {}); });
  }
}

/**
 * Sends one outbox row. The attempt is recorded before the request goes out; a row that may have arrived
 * (no answer, or found mid-send after a crash) is looked up on the channel before it is sent again, so a
 * change takes effect once. Every push, retry and failure lands on the order's timeline.
 */
export async function deliver(ctx: EngineContext, channel: ChannelRecord, adapter: SalesChannel, row: OutboxCandidate, plan: Extract<PushPlan, { kind: 'push' }>,
  signal: AbortSignal, stopped: () => boolean): Promise<DeliveryVerdict> {
  const { repos } = ctx;
  const ok: DeliveryVerdict = { halt: false, failure: null };
  const at = () => isoNow(ctx.clock);
  const event = timeline(ctx, row);
  const attempt = row.attempts + 1;
  const pushCtx = { idempotencyKey: row.idempotencyKey, attempt, signal };
  let mayHaveArrived = row.state === 'no_answer' || row.state === 'sending';
  const finish = (receipt: PushReceipt & { ref?: string | null }, how: string) => {
    if (stopped()) return;
    repos.transaction(() => {
      repos.outboxDrain.done(row.id, receipt.words, receipt.remoteRef ?? '', at());
      repos.sync.markPushed(channel.id, at());
      if (receipt.ref && row.topic === 'inventory.available') repos.sync.saveSkuRef(channel.id, String(row.payload.sku), receipt.ref, true, null, at());
      // a status the channel does not mirror is not news on the timeline
      if (receipt.outcome !== 'not_applicable') event(plan.orderId, 'sync_push', attempt > 1 ? `${receipt.words} (${how})` : receipt.words, { attempt, outcome: receipt.outcome, remoteRef: receipt.remoteRef });
    });
  };
  try {
    if (mayHaveArrived) {
      const found = await adapter.lookupPush(plan.op, pushCtx);
      if (found.found) {
        finish({ outcome: 'already_applied', remoteRef: found.remoteRef, words: found.words }, `found on ${channel.name} after an unanswered attempt; not sent again`);
        return ok;
      }
    }
    if (stopped()) return ok;
    repos.outboxDrain.beginAttempt(row.id);
    mayHaveArrived = true;
    const receipt = await plan.run(pushCtx);
    finish(receipt, `attempt ${attempt}`);
    return ok;
  } catch (e) {
    if (stopped()) return { halt: true, failure: null };
    const err = asChannelError(e, channel.name);
    if (!isChannelError(e)) ctx.log('error', channel, err.words, `bug: ${String(e)}`);
    return failed(ctx, channel, row, plan, err, mayHaveArrived, attempt, event);
  }
}

function failed(ctx: EngineContext, channel: ChannelRecord, row: OutboxCandidate, plan: Extract<PushPlan, { kind: 'push' }>, err: ChannelError,
  mayHaveArrived: boolean, attempt: number, event: Event): DeliveryVerdict {
  const { repos } = ctx;
  const what = describe(row, plan);
  if (err.kind === 'permanent') {
    // the shop's own words usually name it already: its name is said once
    const refused = err.words.includes(channel.name) ? `${what.charAt(0).toUpperCase()}${what.slice(1)} was not accepted: ${err.words}` : `${channel.name} did not accept ${what}: ${err.words}`;
    const words = `${refused} It waits for Retry on the Sync screen.`;
    repos.transaction(() => { repos.outboxDrain.fail(row.id, words); event(plan.orderId, 'sync_failed', words, { attempt }); });
    ctx.log('error', channel, words, err.detail);
    return { halt: false, failure: err };
  }
  const wait = err.kind === 'rate_limited' ? (err.retryAfterMs ?? 1000) : Math.max(err.retryAfterMs ?? 0, backoffMs(attempt, ctx.timing.retryBaseMs, ctx.timing.retryMaxMs));
  const next = new Date(Date.now() + wait);
  const words = `Sending ${what} to ${channel.name} did not work (attempt ${attempt}): ${err.words}`;
  repos.transaction(() => {
    repos.outboxDrain.later(row.id, words, next.toISOString(), mayHaveArrived);
    // the same sentence while the shop stays away is written once; the next try time is in the details
    if (err.kind !== 'rate_limited') event(plan.orderId, 'sync_retry', `Sending ${what} to ${channel.name} did not work: ${err.words}`, { attempt, kind: err.kind, nextTryAt: next.toISOString() });
  });
  if (err.kind === 'transient') ctx.log('warning', channel, words, err.detail);
  return { halt: err.kind !== 'transient', failure: err };
}

function describe(row: OutboxCandidate, plan: Extract<PushPlan, { kind: 'push' }>): string {
  switch (plan.op.kind) {
    case 'fulfilment': return `the shipment of order ${plan.op.push.orderNumber} (parcel ${plan.op.push.parcelNo})`;
    case 'status': return `the status of order ${plan.op.push.orderNumber}`;
    case 'refund': return `the refund of order ${plan.op.push.orderNumber}`;
    case 'available': return `the stock count of ${String(row.payload.sku)}`;
  }
}
