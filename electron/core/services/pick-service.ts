import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import {
  SHORT_REASON_WORDS, type PickCandidatesInput, type PickCreateInput, type PickListSummary, type PickListView, type PickScanResult, type PickShortInput,
} from '../../../shared/contract/picking';
import { buildPickPath, cutWave, type PickDemand } from '../../../shared/domain/pick-path';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { OrdersService } from './orders-service';
import { resolveItemCode } from './scan-codes';

type Outcome = PickScanResult['outcome'];

/**
 * Pick lists: made from open orders, walked bin by bin. Every scan is written before it is answered;
 * a wrong bin or item is refused and recorded; a short stop puts its orders in "short" at once.
 */
export function createPickService(repos: Repos, clock: Clock, actor: () => string, orders: OrdersService, gsReplacement: () => string) {
  const { picks } = repos;

  function view(listId: number): PickListView {
    const summary = picks.summary(listId);
    if (!summary) throw new AppError('not_found', `Pick list ${listId} does not exist.`, 'Choose it again from the list of pick lists.');
    const tasks = picks.tasks(listId);
    return {
      ...summary,
      tasks: tasks.map(({ variantId: _v, binScannedAt, allocations, ...t }) => ({ ...t, binScanned: binScannedAt !== null, allocations: allocations.map(({ orderLineId: _l, ...a }) => a) })),
      members: picks.members(listId),
      currentTaskId: tasks.find((t) => t.status === 'open')?.id ?? null,
    };
  }

  function candidates(input: z.output<typeof PickCandidatesInput>) {
    return picks.candidates(input);
  }

  /** Why an order cannot go on a list now, in words; null when it can. */
  function refusal(orderId: number, locationId: number): string | null {
    const o = repos.orders.record(orderId);
    if (!o) return 'it no longer exists';
    if (o.status !== 'open') return `it is ${o.status.replace('_', ' ')}`;
    const onList = picks.activeListOf(orderId);
    if (onList) return `it is already on pick list ${onList}`;
    if (repos.pack.activeForOrder(orderId) || repos.pack.completedParcels(orderId) > 0) return 'the bench has started on it';
    if (!picks.demandLines(orderId, locationId).length) return o.locationId === locationId ? 'none of its items is in the catalog' : `it ships from ${o.locationName}`;
    return null;
  }

  /**
   * Makes one list (single, batch) or several (a wave, cut into carts). Orders that cannot be covered
   * by what the bins hold are left out, with why, and stay open.
   */
  function create(input: z.output<typeof PickCreateInput>): { lists: PickListSummary[]; leftOut: Array<{ orderId: number; number: string; why: string }> } {
    return repos.transaction(() => {
      const location = repos.catalog.locations().find((l) => l.id === input.locationId);
      if (!location) throw new AppError('not_found', 'That location no longer exists.', 'Reload the Picking screen.');
      const at = isoNow(clock);
      const who = actor();
      const leftOut: Array<{ orderId: number; number: string; why: string }> = [];
      const number = (id: number) => repos.orders.record(id)?.number ?? `#${id}`;
      const accepted: number[] = [];
      for (const id of [...new Set(input.orderIds)]) {
        const why = refusal(id, location.id);
        if (why) leftOut.push({ orderId: id, number: number(id), why });
        else accepted.push(id);
      }
      const groups = input.kind === 'wave' ? cutWave(accepted, input.totesPerList) : [accepted];
      const lists: PickListSummary[] = [];
      let waveId: number | null = null;
      groups.forEach((group, g) => {
        if (!group.length) return;
        const demands: PickDemand[] = group.flatMap((orderId, i) => picks.demandLines(orderId, location.id).map((l) => ({ ...l, orderId, tote: String(i + 1) })));
        const supplies = picks.supplies(location.id, [...new Set(demands.map((d) => d.variantId))]);
        const first = buildPickPath(demands, supplies);
        const unplaced = first.unplaced;
        let tasks = first.tasks;
        // an order the bins cannot cover stays off the list (its stock is not promised away from the others)
        const uncovered = new Set(unplaced.map((u) => u.orderId));
        if (uncovered.size) {
          for (const id of uncovered) {
            const lacks = unplaced.filter((u) => u.orderId === id).map((u) => `${u.quantity} × ${u.sku}`).join(', ');
            leftOut.push({ orderId: id, number: number(id), why: `the bins at ${location.name} do not hold enough (${lacks} missing)` });
          }
          const kept = group.filter((id) => !uncovered.has(id));
          ({ tasks } = buildPickPath(demands.filter((d) => !uncovered.has(d.orderId)).map((d) => ({ ...d, tote: String(kept.indexOf(d.orderId) + 1) })), supplies));
          group = kept;
        }
        if (!group.length) return;
        const name = input.name || (input.kind === 'single' ? `Order ${number(group[0]!)}` : input.kind === 'wave' ? `Wave ${at.slice(11, 16)} UTC` : `Batch of ${group.length}`);
        const listName = input.kind === 'wave' ? `${name} · cart ${g + 1} of ${groups.length}` : name;
        const listId = picks.insertList({ kind: input.kind, waveId, name: listName, locationId: location.id, createdBy: who, at });
        if (input.kind === 'wave' && waveId === null) { waveId = listId; picks.setWave(listId, listId); }
        group.forEach((orderId, i) => {
          picks.insertMember(listId, orderId, String(i + 1));
          repos.orders.addEvent(orderId, 'pick_list', who, `On pick list “${listName}” (tote ${i + 1})`, { pickListId: listId, tote: String(i + 1) }, at);
        });
        picks.insertTasks(listId, tasks);
        lists.push(picks.summary(listId)!);
      });
      if (!lists.length) {
        throw new AppError('conflict', `No pick list was made: ${leftOut.map((l) => `${l.number}: ${l.why}`).join('; ')}.`, 'Choose other orders, or receive stock into the bins first.');
      }
      return { lists, leftOut };
    });
  }

  function record(listId: number, taskId: number | null, code: string, outcome: Outcome, quantity: number, message: string) {
    if (outcome === 'done') return;
    picks.addScan({ listId, taskId, code, outcome, quantity, message, actor: actor(), at: isoNow(clock) });
  }

  /** Every stop is done or short: each order is picked (ready to pack) or short. */
  function finishIfDone(listId: number) {
    const tasks = picks.tasks(listId);
    if (tasks.some((t) => t.status === 'open')) return;
    const at = isoNow(clock);
    const who = actor();
    const list = picks.summary(listId)!;
    for (const m of picks.members(listId)) {
      if (m.status !== 'picking') continue;
      const mine = tasks.flatMap((t) => t.allocations).filter((a) => a.orderId === m.orderId);
      const short = mine.some((a) => a.picked < a.quantity);
      picks.setMemberStatus(listId, m.orderId, short ? 'short' : 'picked');
      if (!short) repos.orders.addEvent(m.orderId, 'picked', who, `Picked into tote ${m.tote} (“${list.name}”): ready to pack`, { pickListId: listId, tote: m.tote }, at);
    }
    picks.setListStatus(listId, 'done', at);
  }

  function activeList(listId: number) {
    const list = picks.summary(listId);
    if (!list) throw new AppError('not_found', `Pick list ${listId} does not exist.`, 'Choose it again from the list of pick lists.');
    if (list.status === 'done' || list.status === 'cancelled') {
      throw new AppError('conflict', `Pick list “${list.name}” is ${list.status === 'done' ? 'finished' : 'cancelled'}; nothing was recorded.`, 'Open another pick list.');
    }
    return list;
  }

  const stopWords = (t: { binCode: string; sku: string; title: string; quantity: number; picked: number }) => `${t.binCode}: ${t.quantity - t.picked} × ${t.sku} (${t.title})`;

  /** A scan on the list: the bin of the current stop, then its item. Anything else is refused, in words. */
  function scan(listId: number, raw: string, quantity: number): PickScanResult {
    const result = repos.transaction((): { outcome: Outcome; message: string; hint?: string } => {
      const list = activeList(listId);
      const at = isoNow(clock);
      if (list.status === 'open') picks.setListStatus(listId, 'picking', at, actor());
      const tasks = picks.tasks(listId);
      const current = tasks.find((t) => t.status === 'open');
      const code = raw.trim().replace(/^\][A-Za-z][0-9A-Za-z]/, '');
      if (!current) return { outcome: 'done', message: 'Everything on this list is picked.' };
      const refuse = (outcome: Outcome, message: string, hint: string) => {
        record(listId, current.id, code, outcome, 0, message);
        return { outcome, message, hint };
      };
      const bin = picks.binAt(list.locationId, code);
      if (bin) {
        if (bin.id !== current.binId) {
          return refuse('wrong_bin', `Wrong bin: this is ${bin.code}. The next stop is ${stopWords(current)}.`, `Go to ${current.binCode} and scan its label.`);
        }
        picks.binScanned(current.id, at);
        const message = `Bin ${bin.code}: take ${current.quantity - current.picked} × ${current.sku} (${current.title}).`;
        record(listId, current.id, code, 'bin', 0, message);
        return { outcome: 'bin', message };
      }
      const item = resolveItemCode(repos, code, gsReplacement());
      if (item.kind !== 'item') {
        return refuse('unknown', `Unknown code ${code.slice(0, 60)}: it is not a bin at ${list.locationName} nor a product.`, 'Scan the bin label, then the item barcode.');
      }
      if (current.binId !== null && !current.binScannedAt) {
        return refuse('bin_first', `Scan the bin first: ${current.binCode}.`, 'Scan the label on the shelf, then the item. Nothing was counted.');
      }
      if (item.variant.id !== current.variantId) {
        return refuse('wrong_item', `Wrong item: ${item.variant.sku} (${item.variant.title}) is not what ${current.binCode} should give. Take ${current.sku} (${current.title}).`, 'Put it back where it was. Nothing was counted.');
      }
      const units = quantity * ((item as { units?: number }).units ?? 1);
      if (current.picked + units > current.quantity) {
        return refuse('over_pick', `Too many ${current.sku}: this stop takes ${current.quantity}, ${current.picked} already picked.`, 'Put the extra back. Nothing was counted.');
      }
      // units go to the orders in the order they were served, each into its tote
      let left = units;
      const into: string[] = [];
      for (const a of current.allocations) {
        const room = a.quantity - a.picked;
        if (left <= 0 || room <= 0) continue;
        const n = Math.min(room, left);
        picks.addPicked(current.id, a.orderLineId, n);
        left -= n;
        into.push(`${n} into tote ${a.tote} (${a.number})`);
      }
      let message = `${current.sku}: ${current.picked + units} of ${current.quantity}. Put ${into.join(', ')}.`;
      if (current.picked + units >= current.quantity) {
        const next = tasks.find((t) => t.status === 'open' && t.id !== current.id);
        message += next ? ` Next: ${stopWords(next)}.` : ' That was the last stop.';
        // the next stop in the same bin needs no second scan of its label
        if (next && next.binId !== null && next.binId === current.binId) picks.binScanned(next.id, at);
      }
      record(listId, current.id, code, 'item', units, message);
      finishIfDone(listId);
      return { outcome: 'item', message };
    });
    return { ...result, view: view(listId) };
  }

  /** Where else a SKU is: other bins here, other locations with free stock, stock on its way here. */
  function elsewhere(variantId: number, locationId: number, exceptBin: number | null) {
    const out: Array<{ where: string; quantity: number }> = [];
    for (const s of picks.supplies(locationId, [variantId])) if (s.binId !== exceptBin && s.available > 0) out.push({ where: s.binId === null ? 'here, in no bin yet' : `bin ${s.code} here`, quantity: s.available });
    for (const l of repos.catalog.locations()) {
      if (l.id === locationId) continue;
      const b = repos.inventory.balance(variantId, l.id);
      if (b.onHand - b.committed > 0) out.push({ where: l.name, quantity: b.onHand - b.committed });
    }
    const coming = repos.routing.inTransitTo(variantId, locationId);
    if (coming > 0) out.push({ where: 'on its way here (transfer)', quantity: coming });
    return out;
  }

  /** The bin does not hold what the stop needs: the rest of the stop is short, and its orders become short. */
  function short(input: z.output<typeof PickShortInput>) {
    const result = repos.transaction(() => {
      const list = activeList(input.listId);
      const task = picks.tasks(input.listId).find((t) => t.id === input.taskId);
      if (!task) throw new AppError('not_found', 'That stop is not on this list.', 'Reload the pick list.');
      if (task.status !== 'open') throw new AppError('conflict', `${task.binCode} is already ${task.status === 'done' ? 'picked' : 'marked short'}.`);
      const at = isoNow(clock);
      const who = actor();
      const missing = task.quantity - task.picked;
      const reason = `${SHORT_REASON_WORDS[input.reason]}${input.note ? ` (${input.note})` : ''}`;
      picks.markShort(task.id, missing, reason);
      const where = elsewhere(task.variantId, list.locationId, task.binId);
      const whereWords = where.length ? `Elsewhere: ${where.map((w) => `${w.where} has ${w.quantity}`).join('; ')}.` : 'No other bin or location has any.';
      const message = `Short: ${missing} × ${task.sku} missing at ${task.binCode}, ${reason}. ${whereWords}`;
      record(input.listId, task.id, `short:${task.sku}`, 'short', missing, message);
      for (const a of task.allocations) {
        if (a.picked >= a.quantity) continue;
        repos.orders.addEvent(a.orderId, 'pick_short', who, `Short pick: ${a.quantity - a.picked} × ${task.sku} missing at ${task.binCode}, ${reason}. ${whereWords}`, { pickListId: input.listId, taskId: task.id, elsewhere: where }, at);
        if (repos.orders.status(a.orderId)?.status === 'open') orders.applyTransition(a.orderId, 'short', `${task.quantity - task.picked} × ${task.sku} missing at ${task.binCode}`, who, at);
      }
      finishIfDone(input.listId);
      return { message, elsewhere: where };
    });
    return { ...result, view: view(input.listId) };
  }

  /** Stops the list; orders not yet picked go back to open work. What is in the totes goes back to its bins. */
  function cancel(listId: number): PickListView {
    repos.transaction(() => {
      const list = activeList(listId);
      const at = isoNow(clock);
      for (const m of picks.members(listId)) {
        if (m.status !== 'picking') continue;
        picks.setMemberStatus(listId, m.orderId, 'removed');
        repos.orders.addEvent(m.orderId, 'pick_list', actor(), `Pick list “${list.name}” cancelled; the order is free for another list`, { pickListId: listId }, at);
      }
      picks.setListStatus(listId, 'cancelled', at);
    });
    return view(listId);
  }

  return { view, candidates, create, scan, short, cancel, lists: (active: boolean) => picks.lists(active, 200), readyToPack: () => picks.readyToPack(100) };
}
export type PickService = ReturnType<typeof createPickService>;
