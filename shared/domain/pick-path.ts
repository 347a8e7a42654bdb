/**
 * A pick list as a walk: what each order needs, taken from the bins that hold it, in the order a picker
 * passes the bins (zone, aisle, shelf, level). Pure: the store hands in demands and bin stock.
 */
export type PickDemand = { orderId: number; orderLineId: number; variantId: number; sku: string; title: string; quantity: number; tote: string };
/** binId null: units at the location that are in no bin yet (a receiving area); they are walked last */
export type BinSupply = { binId: number | null; code: string; sortKey: string; variantId: number; available: number; home: boolean };
export type PickAllocation = { orderId: number; orderLineId: number; tote: string; quantity: number };
export type PickTask = {
  seq: number; binId: number | null; binCode: string; sortKey: string; variantId: number; sku: string; title: string;
  quantity: number; allocations: PickAllocation[];
};
export type Unplaced = { orderId: number; orderLineId: number; variantId: number; sku: string; quantity: number };

const NO_BIN_KEY = '\uffff';

function supplyOrder(a: BinSupply, b: BinSupply): number {
  // the home bin first (where receiving puts the SKU), then the others as the picker walks
  if (a.home !== b.home) return a.home ? -1 : 1;
  return (a.binId === null ? NO_BIN_KEY : a.sortKey).localeCompare(b.binId === null ? NO_BIN_KEY : b.sortKey) || a.code.localeCompare(b.code);
}

/**
 * Demands are served in the order given (the caller puts urgent and older orders first); each takes from
 * its SKU's bins until covered. Tasks are one per bin and SKU with the units for each tote, in walk order.
 */
export function buildPickPath(demands: readonly PickDemand[], supplies: readonly BinSupply[]): { tasks: PickTask[]; unplaced: Unplaced[] } {
  const byVariant = new Map<number, Array<BinSupply & { left: number }>>();
  for (const s of supplies) {
    if (s.available <= 0) continue;
    let list = byVariant.get(s.variantId);
    if (!list) byVariant.set(s.variantId, (list = []));
    list.push({ ...s, left: s.available });
  }
  for (const list of byVariant.values()) list.sort(supplyOrder);
  const tasks = new Map<string, PickTask>();
  const unplaced: Unplaced[] = [];
  for (const d of demands) {
    let need = d.quantity;
    for (const s of byVariant.get(d.variantId) ?? []) {
      if (need <= 0) break;
      const take = Math.min(need, s.left);
      if (take <= 0) continue;
      s.left -= take;
      need -= take;
      const key = `${s.binId ?? 'none'}:${d.variantId}`;
      let t = tasks.get(key);
      if (!t) {
        t = { seq: 0, binId: s.binId, binCode: s.code, sortKey: s.binId === null ? NO_BIN_KEY : s.sortKey, variantId: d.variantId, sku: d.sku, title: d.title, quantity: 0, allocations: [] };
        tasks.set(key, t);
      }
      t.quantity += take;
      t.allocations.push({ orderId: d.orderId, orderLineId: d.orderLineId, tote: d.tote, quantity: take });
    }
    if (need > 0) unplaced.push({ orderId: d.orderId, orderLineId: d.orderLineId, variantId: d.variantId, sku: d.sku, quantity: need });
  }
  const walk = [...tasks.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.binCode.localeCompare(b.binCode) || a.sku.localeCompare(b.sku));
  walk.forEach((t, i) => { t.seq = i + 1; });
  return { tasks: walk, unplaced };
}

/** A wave cut into carts: each list takes at most `totes` orders, in the order given. */
export function cutWave<T>(orders: readonly T[], totes: number): T[][] {
  const lists: T[][] = [];
  for (let i = 0; i < orders.length; i += totes) lists.push(orders.slice(i, i + totes));
  return lists;
}
