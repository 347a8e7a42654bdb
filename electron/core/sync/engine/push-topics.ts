import type { Repos } from '../../store';
import type { OutboxCandidate } from '../../store/outbox-drain-repo';
import type { ChannelRecord } from '../../store/sync-repo';
import type { RemoteSnapshot } from '../../services/remote-order-updates';
import type { ChannelPush, PushContext, PushReceipt, Tracking } from '../channel-types';
import type { SalesChannel } from '../sales-channel';

/** What to do with one outbox row on one channel. */
export type PushPlan =
  /** send it: `run` makes the call, `op` names it for lookupPush */
  | { kind: 'push'; op: ChannelPush; orderId: number | null; run(ctx: PushContext): Promise<PushReceipt & { ref?: string | null }> }
  /** nothing to send, on purpose: done, with the reason (quiet: not worth a line on the timeline) */
  | { kind: 'skip'; orderId: number | null; words: string; quiet?: boolean }
  /** not now (the order is held in a conflict): keep it, ask again later */
  | { kind: 'wait'; orderId: number | null; words: string }
  /** a topic this version cannot send: kept pending, in words, never dropped */
  | { kind: 'unknown'; words: string };

/**
 * A status the channel says it does not mirror: settled here without a call, even while the shop is away,
 * and even ahead of earlier rows of its order (it changes nothing the shop sees).
 */
export function unmirroredStatus(row: OutboxCandidate, adapter: SalesChannel): string | null {
  if (row.topic !== 'order.status' || !adapter.mirroredStatuses) return null;
  const status = row.payload.status;
  return typeof status === 'string' && !adapter.mirroredStatuses.includes(status) ? status : null;
}

/** The entity a row belongs to: rows of one entity go out in the order they were written. */
export function entityOf(row: OutboxCandidate): string {
  const p = row.payload;
  if (row.topic.startsWith('order.') && typeof p.orderId === 'number') return `order:${p.orderId}`;
  if (row.topic === 'inventory.available' && typeof p.sku === 'string') return `sku:${p.sku}`;
  return `row:${row.id}`;
}

const asTracking = (t: unknown): Tracking | null => {
  if (!t || typeof t !== 'object') return null;
  const x = t as Record<string, unknown>;
  return typeof x.number === 'string' && x.number ? { company: String(x.company ?? ''), number: x.number, url: String(x.url ?? '') } : null;
};

export function planPush(repos: Repos, channel: ChannelRecord, adapter: SalesChannel, row: OutboxCandidate): PushPlan {
  const p = row.payload;
  const orderId = typeof p.orderId === 'number' ? p.orderId : null;
  const order = orderId ? repos.orders.record(orderId) : undefined;
  const version = orderId ? repos.sync.versionOfOrder(orderId) : undefined;
  const snapshot = version?.remote as RemoteSnapshot | undefined;
  const lineId = (sku: string) => snapshot?.externalLines?.find((l) => l.sku === sku)?.externalLineId ?? null;

  if (row.topic.startsWith('order.')) {
    if (!order) return { kind: 'skip', orderId: null, words: 'Not sent: the order no longer exists here.' };
    if (!version) return { kind: 'skip', orderId, words: `Not sent: order ${order.number} did not come from ${channel.name}.` };
  }

  switch (row.topic) {
    case 'order.fulfilled': {
      if (order!.status === 'cancelled') return { kind: 'skip', orderId, words: `Shipment of order ${order!.number} not sent to ${channel.name}: the order is cancelled.` };
      if (repos.sync.openConflict(orderId!)) return { kind: 'wait', orderId, words: `Shipment of order ${order!.number} waits: the order changed on ${channel.name} and is held until someone decides.` };
      const lines = Array.isArray(p.lines) ? (p.lines as Array<{ sku: string; quantity: number }>) : [];
      const push = {
        externalOrderId: order!.externalId, orderNumber: order!.number, parcelNo: Number(p.parcelNo ?? 1), final: p.final !== false,
        lines: lines.map((l) => ({ sku: String(l.sku), quantity: Number(l.quantity), externalLineId: lineId(String(l.sku)) })),
        tracking: asTracking(p.tracking), replacesTracking: typeof p.replacesTracking === 'string' && p.replacesTracking ? p.replacesTracking : null, notifyCustomer: true, remoteLocationId: snapshot?.remoteLocationId ?? null,
      };
      return { kind: 'push', op: { kind: 'fulfilment', push }, orderId, run: (ctx) => adapter.pushFulfilment(push, ctx) };
    }
    case 'order.status': {
      const unmirrored = unmirroredStatus(row, adapter);
      if (unmirrored) return { kind: 'skip', orderId, quiet: true, words: `${channel.name} is not told about "${unmirrored}"; it hears when the order ships.` };
      const push = { externalOrderId: order!.externalId, orderNumber: order!.number, status: typeof p.status === 'string' ? p.status : null, reason: String(p.reason ?? ''), note: null };
      return { kind: 'push', op: { kind: 'status', push }, orderId, run: (ctx) => adapter.pushOrderStatus(push, ctx) };
    }
    case 'order.refund': {
      const lines = Array.isArray(p.lines) ? (p.lines as Array<{ sku: string; quantity: number; restock?: boolean }>) : [];
      const push = {
        externalOrderId: order!.externalId, orderNumber: order!.number, amountMinor: Number(p.amountMinor ?? 0), currency: String(p.currency ?? order!.currency),
        reason: String(p.reason ?? ''), notifyCustomer: p.notifyCustomer !== false,
        lines: lines.map((l) => ({ sku: String(l.sku), quantity: Number(l.quantity), externalLineId: lineId(String(l.sku)), restock: l.restock === true })),
      };
      return { kind: 'push', op: { kind: 'refund', push }, orderId, run: (ctx) => adapter.pushRefund(push, ctx) };
    }
    case 'inventory.available': {
      // rows written before the coalescing pusher (#7): the SKU is marked dirty and goes out with the latest count
      const sku = String(p.sku ?? '');
      if (sku) repos.stockSync.mark(channel.id, sku, 'count from before the update', row.createdAt);
      return { kind: 'skip', orderId: null, quiet: true, words: `Stock count of ${sku} is sent by the stock pusher with the latest number.` };
    }
    default:
      return { kind: 'unknown', words: `Packbench does not know how to send "${row.topic}" changes to ${channel.name} yet. The change is kept and will go out once it does.` };
  }
}
