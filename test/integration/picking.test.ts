import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { walkKey } from '../../electron/core/store/pick-repo';
import type { PickListView } from '../../shared/contract/picking';
import type { ApiClient } from '../../shared/rpc/client';
import { renderAndDecode } from '../support/barcodes';
import { fixedClock } from '../support/rules-fixture';
import { tempDir } from '../support/temp-dir';

describe('pick lists on the demo workspace (real store)', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  beforeEach(() => {
    dir = tempDir();
    core = createCore({ dataDir: dir.path, clock: fixedClock, actor: 'picker' });
    client = createInMemoryClient(core);
  });
  afterEach(async () => { await core.workspace().print.idle(); client.close(); core.close(); dir.remove(); });

  async function batchOfTen(): Promise<PickListView> {
    const candidates = await client.call('picking.candidates', { locationId: 1, limit: 10 });
    expect(candidates).toHaveLength(10);
    const made = await client.call('picking.create', { kind: 'batch', locationId: 1, orderIds: candidates.map((c) => c.id) });
    expect(made.leftOut).toEqual([]);
    return client.call('picking.get', { listId: made.lists[0]!.id });
  }

  it('a batch of 10 is walked in bin order, wrong bin and item refused, one short stop, then the other orders are ready to pack and the short ones are short', async () => {
    const list = await batchOfTen();
    expect(list.members.map((m) => m.tote)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const keys = list.tasks.map((t) => walkKey(t.binCode));
    expect(keys).toEqual([...keys].sort());
    expect(list.units).toBe(list.tasks.reduce((n, t) => n + t.quantity, 0));

    const first = list.tasks[0]!;
    const other = list.tasks.find((t) => t.binCode !== first.binCode)!;
    expect(await client.call('picking.scan', { listId: list.id, code: first.sku })).toMatchObject({ outcome: 'bin_first', message: `Scan the bin first: ${first.binCode}.` });
    expect((await client.call('picking.scan', { listId: list.id, code: other.binCode })).outcome).toBe('wrong_bin');
    expect((await client.call('picking.scan', { listId: list.id, code: first.binCode })).outcome).toBe('bin');
    const wrongSku = list.tasks.find((t) => t.sku !== first.sku)!.sku;
    expect((await client.call('picking.scan', { listId: list.id, code: wrongSku })).message).toMatch(/^Wrong item: /);
    expect((await client.call('picking.scan', { listId: list.id, code: 'NOT-A-THING' })).outcome).toBe('unknown');

    // the third stop is short: its bin is empty
    const shortTask = list.tasks[2]!;
    let view = list;
    for (const t of list.tasks) {
      if (t.id === shortTask.id) {
        const r = await client.call('picking.short', { listId: list.id, taskId: t.id, reason: 'bin_empty' });
        expect(r.message).toContain(`${t.quantity} × ${t.sku} missing at ${t.binCode}, the bin is empty.`);
        view = r.view;
        continue;
      }
      if (t.binCode !== first.binCode || t.id !== first.id) await client.call('picking.scan', { listId: list.id, code: t.binCode });
      for (let n = 1; n <= t.quantity; n++) {
        const r = await client.call('picking.scan', { listId: list.id, code: t.sku });
        expect(r.outcome).toBe('item');
        expect(r.message).toContain(`${t.sku}: ${n} of ${t.quantity}. Put 1 into tote`);
        view = r.view;
      }
    }
    expect(view.status).toBe('done');
    const shortOrders = new Set(shortTask.allocations.map((a) => a.orderId));
    for (const m of view.members) expect(m.status).toBe(shortOrders.has(m.orderId) ? 'short' : 'picked');
    for (const id of shortOrders) {
      const o = await client.call('orders.get', { id });
      expect(o.status).toBe('short');
      expect(o.events.some((e) => e.kind === 'pick_short' && e.message.startsWith(`Short pick: `))).toBe(true);
    }
    const ready = await client.call('picking.readyToPack', {});
    expect(ready.map((r) => r.orderId).sort()).toEqual(view.members.filter((m) => !shortOrders.has(m.orderId)).map((m) => m.orderId).sort());

    // packed at the bench, it leaves the ready list
    const one = ready[0]!;
    const opened = await client.call('pack.open', { orderId: one.orderId });
    for (const l of opened.lines) for (let n = 0; n < l.expected; n++) await client.call('pack.scan', { sessionId: opened.sessionId, code: l.sku, quantity: 1 });
    await client.call('pack.complete', { sessionId: opened.sessionId });
    expect((await client.call('picking.readyToPack', {})).map((r) => r.orderId)).not.toContain(one.orderId);
    // a finished list takes no more scans
    await expect(client.call('picking.scan', { listId: list.id, code: first.binCode })).rejects.toMatchObject({ message: expect.stringContaining('is finished; nothing was recorded.') });
  });

  it('refuses an over-pick, leaves out orders already on a list, and walks a wave cut into carts', async () => {
    const list = await batchOfTen();
    const t = list.tasks[0]!;
    await client.call('picking.scan', { listId: list.id, code: t.binCode });
    const over = await client.call('picking.scan', { listId: list.id, code: t.sku, quantity: t.quantity + 1 });
    expect(over).toMatchObject({ outcome: 'over_pick', message: `Too many ${t.sku}: this stop takes ${t.quantity}, 0 already picked.` });

    const again = await client.call('picking.create', { kind: 'wave', locationId: 1, orderIds: [...list.members.map((m) => m.orderId), ...(await client.call('picking.candidates', { locationId: 1, limit: 7 })).map((c) => c.id)], totesPerList: 3 });
    expect(again.leftOut.map((l) => l.why)).toEqual(Array(10).fill(`it is already on pick list ${list.id}`));
    expect(again.lists.map((l) => l.orders)).toEqual([3, 3, 1]);
    expect(new Set(again.lists.map((l) => l.waveId))).toEqual(new Set([again.lists[0]!.id]));
    expect(again.lists[0]!.name).toMatch(/· cart 1 of 3$/);
  });

  it('prints a list on the thermal printer (the code on the label scans back) and as a page', async () => {
    const list = await batchOfTen();
    const job = await client.call('picking.printLabel', { listId: list.id });
    const full = await client.call('print.job', { jobId: job.id });
    expect(full.zpl).toContain('^CI28');
    const decoded = await renderAndDecode(full.zpl.split('^XZ')[0] + '^XZ');
    expect(decoded.map((d) => d.text)).toContain(`PICK-${list.id}`);
    const sheet = await client.call('picking.sheet', { listId: list.id });
    for (const t of list.tasks) expect(sheet.html).toContain(`<td class="mono">${t.binCode}</td>`);
    expect(sheet.html).toContain("default-src 'none'");
  });
});
