import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { BinInput, DeliveryInput, LocationInput, MoveInput, ReceiveScanResult, SkuBins } from '../../../shared/contract/warehouse';
import { binCodeFrom } from '../../../shared/domain/bins';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import { resolveItemCode } from './scan-codes';

/**
 * Locations, bins and the stock in them. Every change of a count is a ledger movement (receive, transfer,
 * adjust) written with its balances and the channels' outbox rows in one transaction.
 */
export function createWarehouseService(repos: Repos, clock: Clock, actor: () => string, gsReplacement: () => string) {
  const { warehouse, inventory, catalog, deliveries, outbox } = repos;

  function tellChannels(variantId: number, locationId: number, at: string) {
    const v = catalog.variantById(variantId)!;
    const b = inventory.balance(variantId, locationId);
    outbox.enqueueForAllChannels('inventory.available', { sku: v.sku, locationId, available: b.onHand - b.committed }, at);
  }

  function saveLocation(input: z.output<typeof LocationInput>) {
    return repos.transaction(() => {
      const taken = warehouse.locationByCode(input.code);
      if (taken && taken.id !== input.id) {
        throw new AppError('invalid_request', `Another location already has the code ${input.code}.`, 'Choose another code.', { code: 'Another location already has this code.' });
      }
      if (input.id !== undefined) {
        if (!warehouse.location(input.id)) throw new AppError('not_found', 'This location no longer exists.', 'Reload the screen.');
        warehouse.updateLocation(input.id, input.code, input.name, input.address);
        return warehouse.location(input.id)!;
      }
      return warehouse.location(warehouse.insertLocation(input.code, input.name, input.address))!;
    });
  }

  function saveBin(input: z.output<typeof BinInput>) {
    return repos.transaction(() => {
      if (!warehouse.location(input.locationId)) throw new AppError('not_found', 'That location no longer exists.', 'Reload the screen.');
      const parts = { zone: input.zone, aisle: input.aisle, shelf: input.shelf, level: input.level };
      const code = input.code || binCodeFrom(parts);
      if (warehouse.binCodeTaken(input.locationId, code, input.id)) {
        throw new AppError('invalid_request', `Bin ${code} already exists here.`, 'Give this bin another zone, aisle, shelf or level, or another code.', { code: `Bin ${code} already exists here.` });
      }
      if (input.id !== undefined) {
        const bin = warehouse.bin(input.id);
        if (!bin || bin.locationId !== input.locationId) throw new AppError('not_found', 'This bin no longer exists.', 'Reload the screen.');
        warehouse.updateBin(input.id, parts, code);
        return warehouse.bin(input.id)!;
      }
      return warehouse.bin(warehouse.insertBin(input.locationId, parts, code))!;
    });
  }

  function archiveBin(binId: number, archived: boolean) {
    return repos.transaction(() => {
      const bin = warehouse.bin(binId);
      if (!bin) throw new AppError('not_found', 'This bin no longer exists.', 'Reload the screen.');
      if (archived && bin.units > 0) {
        throw new AppError('conflict', `Bin ${bin.code} still holds ${bin.units} unit(s).`, 'Move its stock to another bin first, then archive it.');
      }
      warehouse.setBinArchived(binId, archived ? isoNow(clock) : null);
      return warehouse.bin(binId)!;
    });
  }

  function skuBins(variantId: number, locationId: number): SkuBins {
    const v = catalog.variantById(variantId);
    const loc = warehouse.location(locationId);
    if (!v || !loc) throw new AppError('not_found', 'That SKU or location no longer exists.', 'Reload the screen.');
    const b = inventory.balance(variantId, locationId);
    return {
      variantId, sku: v.sku, title: v.title, locationId, locationName: loc.name, onHand: b.onHand, committed: b.committed,
      unbinned: inventory.unbinned(variantId, locationId), defaultBinId: warehouse.defaultBinOf(variantId, locationId), bins: warehouse.binsOf(variantId, locationId),
    };
  }

  function binAt(binId: number, locationId: number) {
    const bin = warehouse.bin(binId);
    if (!bin || bin.locationId !== locationId) throw new AppError('not_found', 'That bin is not at this location.', 'Reload the screen and choose the bin again.');
    if (bin.archived) throw new AppError('conflict', `Bin ${bin.code} is archived.`, 'Choose a bin in use, or bring this one back first.');
    return bin;
  }

  /** Units from one bin (or from no bin) to another at the same location: two transfer movements, on hand unchanged. */
  function move(input: z.output<typeof MoveInput>): SkuBins {
    return repos.transaction(() => {
      if (input.fromBinId === input.toBinId) throw new AppError('invalid_request', 'Choose a different bin to move to.', undefined, { toBinId: 'This is where the units already are.' });
      const from = input.fromBinId === null ? null : binAt(input.fromBinId, input.locationId);
      const to = input.toBinId === null ? null : binAt(input.toBinId, input.locationId);
      const sku = catalog.variantById(input.variantId)?.sku ?? '';
      const have = from ? inventory.binStock(input.variantId, from.id) : inventory.unbinned(input.variantId, input.locationId);
      if (have < input.quantity) {
        const where = from ? `bin ${from.code}` : 'outside a bin';
        throw new AppError('conflict', `Only ${have} × ${sku} ${from ? 'in' : 'are'} ${where}; ${input.quantity} cannot be moved.`, 'Count the bin first if the shelf holds more.', { quantity: `At most ${have}.` });
      }
      const at = isoNow(clock);
      const who = actor();
      const reason = input.reason || `moved ${from ? `from ${from.code}` : 'from no bin'} to ${to ? to.code : 'no bin'}`;
      const m = { variantId: input.variantId, locationId: input.locationId, kind: 'transfer' as const, reason, actor: who, reference: 'bin move', at };
      inventory.record({ ...m, quantity: -input.quantity, binId: from?.id ?? null });
      inventory.record({ ...m, quantity: input.quantity, binId: to?.id ?? null });
      return skuBins(input.variantId, input.locationId);
    });
  }

  /** A count of one bin: the difference is an adjust movement in that bin. */
  function countBin(input: { variantId: number; binId: number; counted: number; reason: string }): SkuBins {
    return repos.transaction(() => {
      const bin = warehouse.bin(input.binId);
      const v = catalog.variantById(input.variantId);
      if (!bin || !v) throw new AppError('not_found', 'That SKU or bin no longer exists.', 'Reload the screen.');
      const delta = input.counted - inventory.binStock(input.variantId, bin.id);
      if (delta === 0) throw new AppError('conflict', `Bin ${bin.code} already holds ${input.counted} × ${v.sku}; nothing was recorded.`);
      const at = isoNow(clock);
      inventory.record({ variantId: v.id, locationId: bin.locationId, kind: 'adjust', quantity: delta, reason: input.reason, actor: actor(), reference: `bin count ${bin.code}`, at, binId: bin.id });
      tellChannels(v.id, bin.locationId, at);
      return skuBins(v.id, bin.locationId);
    });
  }

  function createDelivery(input: z.output<typeof DeliveryInput>) {
    return repos.transaction(() => {
      if (!warehouse.location(input.locationId)) throw new AppError('not_found', 'That location no longer exists.', 'Reload the screen.');
      const fields: Record<string, string> = {};
      const variants = input.lines.map((l, i) => {
        const v = catalog.variantBySku(l.sku) ?? catalog.variantBySku(l.sku.toUpperCase());
        if (!v) fields[`lines.${i}.sku`] = `SKU ${l.sku} is not in the catalog: add it on the Catalog screen first.`;
        return v;
      });
      if (Object.keys(fields).length) throw new AppError('invalid_request', Object.values(fields)[0]!, 'Nothing was saved. Correct the SKUs and try again.', fields);
      const at = isoNow(clock);
      const id = deliveries.insert({ locationId: input.locationId, reference: input.reference, supplier: input.supplier, createdBy: actor(), at });
      input.lines.forEach((l, i) => deliveries.insertLine(id, variants[i]!.id, l.expected));
      return deliveries.get(id)!;
    });
  }

  function openDelivery(id: number) {
    const d = deliveries.get(id);
    if (!d) throw new AppError('not_found', `Delivery ${id} does not exist.`, 'Choose it from the list of deliveries.');
    if (d.status !== 'open') throw new AppError('conflict', `Delivery ${d.reference} is closed; nothing was recorded.`, 'Start a new delivery for goods that came later.');
    return d;
  }

  /**
   * One scan while receiving: a bin code chooses where the next units go; an item code receives one unit
   * (or a case) into that bin. Unknown codes are refused in words and nothing is recorded.
   */
  function receiveScan(input: { deliveryId: number; binId: number | null; code: string; quantity: number }): ReceiveScanResult {
    return repos.transaction((): ReceiveScanResult => {
      const d = openDelivery(input.deliveryId);
      const code = input.code.trim();
      const bin = warehouse.binByCode(d.locationId, code.replace(/^\][A-Za-z][0-9A-Za-z]/, ''));
      if (bin) {
        return { outcome: 'bin', message: `Receiving into bin ${bin.code}. Scan the items.`, code, binId: bin.id, delivery: d };
      }
      const item = resolveItemCode(repos, code, gsReplacement());
      if (item.kind === 'invalid') return { outcome: 'invalid', message: item.message, hint: 'Scan it again, or type the code.', code: item.code, binId: input.binId, delivery: d };
      if (item.kind === 'unknown') {
        return {
          outcome: 'unknown', message: `Unknown code ${item.code}: it is not on any product or bin of ${d.locationName}.`,
          hint: 'Add the barcode to its product on the Catalog screen, then scan it again. Nothing was received.', code: item.code, binId: input.binId, delivery: d,
        };
      }
      if (input.binId === null) {
        return { outcome: 'no_bin', message: 'Scan the bin first: the label on the shelf where these go.', hint: 'Nothing was received.', code: item.code, binId: null, delivery: d };
      }
      const target = binAt(input.binId, d.locationId);
      const units = input.quantity * item.units;
      const at = isoNow(clock);
      inventory.record({
        variantId: item.variant.id, locationId: d.locationId, kind: 'receive', quantity: units, reason: `delivery ${d.reference}`,
        actor: actor(), reference: deliveries.ref(d.id), at, binId: target.id,
      });
      tellChannels(item.variant.id, d.locationId, at);
      const after = deliveries.get(d.id)!;
      const line = after.lines.find((l) => l.variantId === item.variant.id)!;
      const expected = line.expected > 0 ? ` (${line.received} of ${line.expected} expected)` : ' (not on the delivery note)';
      const caseWords = item.units > 1 ? `a case of ${item.units}: ` : '';
      return {
        outcome: 'received', message: `Received ${caseWords}${units} × ${item.variant.sku} into ${target.code}${expected}.`,
        ...(line.expected > 0 && line.received > line.expected ? { hint: `More ${item.variant.sku} than the supplier announced: check the delivery note.` } : {}),
        code: item.code, binId: target.id, delivery: after,
      };
    });
  }

  /** Takes back the last receiving scan (a scan of the wrong item, a double scan): an adjust movement that points at it. */
  function undoReceipt(deliveryId: number) {
    return repos.transaction(() => {
      openDelivery(deliveryId);
      const last = deliveries.lastReceipt(deliveryId);
      if (!last) throw new AppError('conflict', 'Nothing received on this delivery yet, so there is nothing to take back.');
      const at = isoNow(clock);
      inventory.record({ variantId: last.variantId, locationId: last.locationId, kind: 'adjust', quantity: -last.quantity, reason: deliveries.undoReason(last.id),
        actor: actor(), reference: deliveries.ref(deliveryId), at, binId: last.binId });
      tellChannels(last.variantId, last.locationId, at);
      return deliveries.get(deliveryId)!;
    });
  }

  function closeDelivery(deliveryId: number) {
    return repos.transaction(() => {
      openDelivery(deliveryId);
      deliveries.close(deliveryId, isoNow(clock));
      return deliveries.get(deliveryId)!;
    });
  }

  function delivery(id: number) {
    const d = deliveries.get(id);
    if (!d) throw new AppError('not_found', `Delivery ${id} does not exist.`, 'Choose it from the list of deliveries.');
    return d;
  }

  return { saveLocation, saveBin, archiveBin, skuBins, move, countBin, createDelivery, receiveScan, undoReceipt, closeDelivery, delivery };
}
export type WarehouseService = ReturnType<typeof createWarehouseService>;
