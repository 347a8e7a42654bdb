import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Transfer, TransferInput } from '../../../shared/contract/routing';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';

/**
 * Stock sent between locations. Leaving: a transfer movement out at the source. Arriving: a transfer
 * movement in at the destination. Between the two the units are in transit, on hand nowhere.
 */
export function createTransferService(repos: Repos, clock: Clock, actor: () => string) {
  const { routing, inventory, catalog } = repos;

  /** Nothing to write: each transfer movement marks its SKU dirty for every channel that takes counts (#7, inventory-repo). */
  function tell(_variantId: number, _locationId: number, _at: string) { /* see above */ }

  function get(id: number): Transfer {
    const t = routing.transfer(id);
    if (!t) throw new AppError('not_found', `Transfer ${id} does not exist.`, 'Reload the list of transfers.');
    return t;
  }

  function create(input: z.output<typeof TransferInput>): Transfer {
    return repos.transaction(() => {
      const locs = routing.locations();
      const from = locs.find((l) => l.id === input.fromLocationId);
      const to = locs.find((l) => l.id === input.toLocationId);
      if (!from || !to) throw new AppError('not_found', 'One of the two locations no longer exists.', 'Reload the screen and choose them again.');
      if (from.id === to.id) throw new AppError('invalid_request', 'A transfer goes to another location.', 'Choose a different destination.', { toLocationId: 'This is where the stock already is.' });
      const order = input.orderId ? repos.orders.record(input.orderId) : undefined;
      if (input.orderId && !order) throw new AppError('not_found', `Order ${input.orderId} does not exist.`);
      const lines = new Map<number, number>();
      for (const l of input.lines) lines.set(l.variantId, (lines.get(l.variantId) ?? 0) + l.quantity);
      const at = isoNow(clock);
      const who = actor();
      for (const [variantId, quantity] of lines) {
        const v = catalog.variantById(variantId);
        if (!v) throw new AppError('not_found', 'A SKU on the transfer is not in the catalog.', 'Reload the screen.');
        const b = inventory.balance(variantId, from.id);
        // stock promised to orders at the source stays there
        if (b.onHand - b.committed < quantity) {
          throw new AppError('conflict', `${from.name} has ${Math.max(0, b.onHand - b.committed)} × ${v.sku} free to send (${b.onHand} on hand, ${b.committed} reserved for orders); ${quantity} cannot go.`,
            'Send fewer, or count the shelf first if it holds more. Nothing was sent.', { lines: `At most ${Math.max(0, b.onHand - b.committed)} × ${v.sku}.` });
        }
      }
      const reason = input.reason || (order ? `for order ${order.number}` : '');
      const id = routing.insertTransfer({ fromLocationId: from.id, toLocationId: to.id, reason, orderId: order?.id ?? null, createdBy: who, at }, [...lines].map(([variantId, quantity]) => ({ variantId, quantity })));
      for (const [variantId, quantity] of lines) {
        inventory.recordOut({ variantId, locationId: from.id, kind: 'transfer', quantity: -quantity, reason: `sent to ${to.name}${reason ? `, ${reason}` : ''}`, actor: who, reference: `transfer:${id}`, at });
        tell(variantId, from.id, at);
      }
      if (order) repos.orders.addEvent(order.id, 'transfer', who, `Transfer ${id} sent from ${from.name} to ${to.name}: ${get(id).lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}`, { transferId: id }, at);
      return get(id);
    });
  }

  function receive(id: number): Transfer {
    return repos.transaction(() => {
      const t = get(id);
      if (t.status !== 'in_transit') throw new AppError('conflict', `Transfer ${id} is already ${t.status === 'received' ? 'received' : 'cancelled'}; nothing was recorded.`);
      const at = isoNow(clock);
      const who = actor();
      for (const l of t.lines) {
        inventory.record({ variantId: l.variantId, locationId: t.toLocationId, kind: 'transfer', quantity: l.quantity, reason: `arrived from ${t.fromLocationName}`, actor: who, reference: `transfer:${id}`, at });
        tell(l.variantId, t.toLocationId, at);
      }
      routing.closeTransfer(id, 'received', who, at);
      if (t.orderId) repos.orders.addEvent(t.orderId, 'transfer', who, `Transfer ${id} arrived at ${t.toLocationName}.`, { transferId: id }, at);
      return get(id);
    });
  }

  /** Called off while travelling: the units count again where they left from. */
  function cancel(id: number, reason: string): Transfer {
    return repos.transaction(() => {
      const t = get(id);
      if (t.status !== 'in_transit') throw new AppError('conflict', `Transfer ${id} is already ${t.status === 'received' ? 'received' : 'cancelled'}; nothing was changed.`);
      const at = isoNow(clock);
      const who = actor();
      for (const l of t.lines) {
        inventory.record({ variantId: l.variantId, locationId: t.fromLocationId, kind: 'transfer', quantity: l.quantity, reason: `transfer ${id} cancelled: ${reason}`, actor: who, reference: `transfer:${id}`, at });
        tell(l.variantId, t.fromLocationId, at);
      }
      routing.closeTransfer(id, 'cancelled', who, at);
      if (t.orderId) repos.orders.addEvent(t.orderId, 'transfer', who, `Transfer ${id} cancelled: ${reason}`, { transferId: id }, at);
      return get(id);
    });
  }

  return { create, receive, cancel, get, list: (status: Transfer['status'] | undefined, limit: number) => routing.transfers(status, limit) };
}
export type TransferService = ReturnType<typeof createTransferService>;
