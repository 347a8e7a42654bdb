import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import type { ApiClient } from '../../shared/rpc/client';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { tempDir } from '../support/temp-dir';

const fixedClock = { now: () => new Date('2026-11-27T10:00:00.000Z') };

describe('services through the typed client over an in-memory transport', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let client: ApiClient;
  beforeEach(() => {
    dir = tempDir();
    core = createCore({ dataDir: dir.path, clock: fixedClock, actor: 'tester' });
    client = createInMemoryClient(core);
  });
  afterEach(() => {
    client.close();
    core.close();
    dir.remove();
  });

  it('seeds a marked demo workspace on first start', async () => {
    const info = await client.call('workspace.info', {});
    expect(info.kind).toBe('demo');
    expect(info.counts.orders).toBe(60);
    expect(info.counts.skus).toBeGreaterThanOrEqual(35);
    expect(info.counts.skus).toBeLessThanOrEqual(45);
  });

  it('lists, searches by accented name without the accent, and opens an order with its timeline', async () => {
    const all = await client.call('orders.list', {});
    expect(all.total).toBe(60);
    const zoe = await client.call('orders.list', { q: 'Zoe Muller' });
    expect(zoe.total).toBeGreaterThan(0);
    expect(zoe.rows.every((r) => r.customerName === 'Zoë Müller')).toBe(true);
    const tokyo = await client.call('orders.list', { q: '東京' });
    expect(tokyo.total).toBeGreaterThan(0);
    const detail = await client.call('orders.get', { id: zoe.rows[0]!.id });
    expect(detail.shipTo.name).toBe('Zoë Müller');
    expect(detail.events.map((e) => e.kind)).toContain('created');
    expect(detail.events.map((e) => e.kind)).toContain('reserved');
    expect(detail.lines.length).toBeGreaterThan(0);
  });

  it('finds orders by SKU and by any barcode form of that SKU', async () => {
    const order = (await client.call('orders.list', {})).rows[0]!;
    const detail = await client.call('orders.get', { id: order.id });
    const sku = detail.lines[0]!.sku;
    const bySku = await client.call('orders.list', { q: sku });
    expect(bySku.rows.map((r) => r.id)).toContain(order.id);
    const stock = await client.call('inventory.list', { q: sku });
    const variantId = stock.rows[0]!.variantId;
    const codes = core.workspace().repos.catalog.barcodesOf(variantId);
    const gtin = codes.find((c) => c.symbology !== 'code128')!.code;
    const scanned = gtin.replace(/^0+(?=\d{12,13}$)/, ''); // as printed: EAN-13 or UPC-A
    const byCode = await client.call('orders.list', { q: scanned });
    expect(byCode.rows.map((r) => r.id)).toContain(order.id);
  });

  it('adjusts stock with a reason as a ledger movement that shows in history', async () => {
    const row = (await client.call('inventory.list', {})).rows[0]!;
    const updated = await client.call('inventory.adjust', { variantId: row.variantId, locationId: row.locationId, countedOnHand: row.onHand + 5, reason: 'found a box behind the shelf' });
    expect(updated.onHand).toBe(row.onHand + 5);
    expect(updated.available).toBe(updated.onHand - updated.committed);
    const history = await client.call('inventory.history', { variantId: row.variantId, locationId: row.locationId });
    expect(history[0]).toMatchObject({ kind: 'adjust', onHandDelta: 5, reason: 'found a box behind the shelf', actor: 'tester' });
  });

  it('answers bad requests with typed errors in words, never a stack trace', async () => {
    await expect(client.call('inventory.adjust', { variantId: 1, locationId: 1, countedOnHand: 3, reason: '' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(client.call('orders.get', { id: 999999 })).rejects.toMatchObject({ code: 'not_found' });
    const err = await client.call('orders.get', { id: -1 } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).not.toMatch(/at .*\.ts:\d+/);
    const raw = await core.handle('no.such.method', {});
    expect(raw).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const garbage = await core.handle('orders.list', 'not an object');
    expect(garbage).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses invalid order transitions and releases stock on cancel', async () => {
    const order = (await client.call('orders.list', { status: 'open' })).rows[0]!;
    await expect(client.call('orders.transition', { id: order.id, to: 'shipped' })).rejects.toMatchObject({ code: 'invalid_transition' });
    const before = await client.call('orders.get', { id: order.id });
    const line = before.lines.find((l) => l.variantId !== null)!;
    const cancelled = await client.call('orders.transition', { id: order.id, to: 'cancelled', reason: 'customer asked' });
    expect(cancelled.status).toBe('cancelled');
    const afterLine = cancelled.lines.find((l) => l.id === line.id)!;
    expect(afterLine.available).toBeGreaterThan(line.available!);
    expect(cancelled.events.at(-1)?.message).toContain('customer asked');
  });
});
