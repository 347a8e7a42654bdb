import { beforeEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../shared/domain/order-state';
import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import { searchTerms } from '../../electron/core/store/orders-repo';
import { internalCode, printedBarcode } from '../support/pack-helpers';
import { usePackBench } from '../support/pack-bench';

// Issue #13: words for people (validation as sentences, no method names or field paths), codes typed
// in any case, quantities never taken for barcodes, and the queue search a shop expects.

/** A sentence a packer can read: no method name, no field path in brackets, none of zod's developer words. */
function expectWords(message: string): void {
  expect(message).toMatch(/^[A-Z"].*[.!?]$/);
  expect(message).not.toMatch(/\[|\]|\((?:q|quantity|countedOnHand|limit|host)\)|Too small|Too big|expected|Invalid input|orders\.list|pack\.|inventory\./);
}

describe('words a person reads', () => {
  const bench = usePackBench();
  let core: Core;
  let client: ApiClient;
  beforeEach(() => { ({ core, client } = bench); });

  it('refuses bad requests with sentences about the work; field paths stay in `fields` for forms, method names go to the log', async () => {
    const open = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
    const view = await client.call('pack.open', { orderId: open.id });
    const cases: Array<[Promise<unknown>, string, string]> = [
      [client.call('pack.multiply', { sessionId: view.sessionId, quantity: 0 }), 'A quantity is at least 1.', 'quantity'],
      [client.call('orders.list', { q: 'x'.repeat(201) }), 'The search text is too long: at most 200 characters.', 'q'],
      [client.call('inventory.adjust', { variantId: 1, locationId: 1, countedOnHand: -5, reason: 'recount' }), 'A count cannot be below zero.', 'countedOnHand'],
      [client.call('inventory.adjust', { variantId: 1, locationId: 1, countedOnHand: 1.5, reason: 'recount' }), 'Count whole units only.', 'countedOnHand'],
      [client.call('orders.list', { limit: 'many' as never }), 'The number of rows asked for must be a number.', 'limit'],
      [client.call('printers.save', { name: 'P', kind: 'tcp', host: 'not a host!!' }), 'That is not a printer address: type its IP address (like 192.168.1.50) or its host name (like zebra-bench.local), with no spaces or symbols.', 'host'],
      [client.call('pack.override', { sessionId: view.sessionId, lineId: view.lines[0]!.lineId, supervisor: 'A', reason: 'torn label' }), 'Name the supervisor who confirms this.', 'supervisor'],
    ];
    for (const [call, words, field] of cases) {
      const error = await call.then(() => null, (e: unknown) => e as { code: string; message: string; hint: string; fields: Record<string, string> });
      expect(error, words).not.toBeNull();
      expect(error!.code).toBe('invalid_request');
      expect(error!.message).toBe(words);
      expectWords(error!.message);
      expectWords(error!.hint);
      expect(Object.keys(error!.fields)).toContain(field);
    }
    const unknown = await core.handle('pack.teleport', {});
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expectWords(unknown.error.message);
      expect(unknown.error.message).not.toContain('teleport');
    }
  });

  it('never takes a mistyped quantity for a barcode: not counted as an unknown code, not assignable', async () => {
    const open = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
    const view = await client.call('pack.open', { orderId: open.id });
    const sku = view.lines[0]!.sku;
    for (const typed of ['x-3', 'x1.5', 'x', 'X 0']) {
      const r = await client.call('pack.scan', { sessionId: view.sessionId, code: typed });
      expect(r.outcome, typed).toBe('invalid_code');
      expectWords(r.message);
      await expect(client.call('pack.assignCode', { sessionId: view.sessionId, code: typed, sku, reason: 'typo test' })).rejects.toMatchObject({ code: 'invalid_request' });
    }
    // nor two scans run together, nor an order's own slip
    await expect(client.call('pack.assignCode', { code: '4'.repeat(60), sku, reason: 'two scans' })).rejects.toMatchObject({ message: expect.stringMatching(/two scans run together/) });
    await expect(client.call('pack.assignCode', { code: open.number, sku, reason: 'slip' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/packing slip code/) });
    const codes = core.workspace().repos.catalog.barcodesOf(core.workspace().repos.catalog.variantBySku(sku)!.id).map((b) => b.code);
    expect(codes.some((c) => /^x/i.test(c) || c === open.number)).toBe(false);
  });

  it('finds a code typed in another case: internal codes, SKUs, and in the queue search', async () => {
    const open = (await client.call('orders.list', { status: 'open', limit: 1 })).rows[0]!;
    const view = await client.call('pack.open', { orderId: open.id });
    const line = view.lines[0]!;
    const lower = internalCode(core, line.sku).toLowerCase();
    const r = await client.call('pack.scan', { sessionId: view.sessionId, code: lower });
    expect(r.outcome).toBe('accepted');
    expect((await client.call('scan.lookup', { code: line.sku.toLowerCase() })).kind).toBe('product');
    const found = await client.call('orders.list', { q: lower, limit: 100 });
    expect(found.rows.map((o) => o.id)).toContain(open.id);
  });

  it('says what a scanned code names: an order, a product with the orders still to pack, or nothing, in words', async () => {
    const open = (await client.call('orders.list', { status: 'open', limit: 100 })).rows.at(-1)!;
    const detail = await client.call('orders.get', { id: open.id });
    expect(await client.call('scan.lookup', { code: open.number })).toMatchObject({ kind: 'order', orderId: open.id });
    const product = await client.call('scan.lookup', { code: printedBarcode(core, detail.lines[0]!.sku) });
    expect(product).toMatchObject({ kind: 'product', sku: detail.lines[0]!.sku });
    if (product.kind !== 'product') throw new Error('not a product');
    expect(product.openOrders.map((o) => o.id)).toContain(open.id);
    expect(product.openOrders.every((o) => o.status === 'open' || o.status === 'picking')).toBe(true);
    expect(product.openOrderCount).toBeGreaterThanOrEqual(product.openOrders.length);
    const nothing = await client.call('scan.lookup', { code: 'NOPE-123' });
    expect(nothing.kind).toBe('unknown');
    if (nothing.kind === 'unknown') expectWords(nothing.message);
    expect(await client.call('station.ping', {})).toMatchObject({ at: expect.any(String) });
  });
});

describe('the queue search a shop expects', () => {
  const bench = usePackBench();
  let client: ApiClient;
  beforeEach(() => { ({ client } = bench); });
  const numbers = async (q: string) => (await client.call('orders.list', { q, limit: 500 })).rows.map((r) => r.number);

  it('finds orders by a SKU fragment and by a product title, and order numbers with or without their dash', async () => {
    const withMug = await numbers('MUG');
    expect(withMug.length).toBeGreaterThan(0);
    for (const n of withMug.slice(0, 5)) {
      const row = (await client.call('orders.list', { q: n, limit: 1 })).rows[0]!;
      const lines = (await client.call('orders.get', { id: row.id })).lines;
      expect(lines.some((l) => /mug/i.test(l.sku) || /mug/i.test(l.title))).toBe(true);
    }
    // a product title, in any case; every enamel camp mug is a mug
    const enamel = await numbers('enamel camp');
    expect(enamel.length).toBeGreaterThan(0);
    expect(await numbers('Enamel Camp')).toEqual(enamel);
    expect(enamel.every((n) => withMug.includes(n))).toBe(true);
    expect(await numbers('mp1060')).toEqual(['MP-1060']);
    expect(await numbers('MP-1060')).toEqual(['MP-1060']); // not also MP-1033 shipped to Vienna 1060
    expect(await numbers('wc-1056')).toEqual(['WC-1056']);
  });

  it('an emoji or symbols alone match nothing, rather than every order', async () => {
    for (const q of ['🙂', '🙂🙂', '—', '%%']) {
      const r = await client.call('orders.list', { q });
      expect(r.total, q).toBe(0);
    }
    expect(searchTerms('🙂')).toBeNull();
    expect(searchTerms('MP-1060 zoë')).toBe('"mp 1060"* "zoe"*');
  });

  it('the demo shows orders in every state, so every status filter shows something', async () => {
    for (const status of ORDER_STATUSES) {
      expect((await client.call('orders.list', { status })).total, status).toBeGreaterThan(0);
    }
    expect((await client.call('orders.list', {})).total).toBe(60);
    // the newest orders are still open, for the pack screen
    expect((await client.call('orders.list', { limit: 10 })).rows.every((o) => o.status === 'open')).toBe(true);
  });
});

describe('starting over keeps the station set up', () => {
  const bench = usePackBench();
  it('reset demo and start empty keep the label printers and the scanner settings', async () => {
    const { client } = bench;
    await client.call('printers.save', { name: 'Bench Zebra', kind: 'tcp', host: '127.0.0.1', port: 9100, isDefault: true });
    await client.call('station.saveScanner', { minLength: 6, maxGapMs: 30, suffix: 'Tab', prefix: '', layout: 'de', gsReplacement: '' });
    for (const method of ['workspace.startEmpty', 'workspace.resetDemo'] as const) {
      await client.call(method, { confirm: true });
      const printers = await client.call('printers.list', {});
      expect(printers.map((p) => [p.name, p.isDefault])).toEqual([['Virtual label printer', false], ['Bench Zebra', true]]);
      expect((await client.call('station.settings', {})).scanner).toMatchObject({ minLength: 6, maxGapMs: 30, suffix: 'Tab', layout: 'de' });
    }
    expect((await client.call('orders.list', {})).total).toBe(60);
  });
});
