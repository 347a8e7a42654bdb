import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_SKUS, startSyncStation, type SyncStation } from '../support/sync-station';

const stations: SyncStation[] = [];
afterEach(async () => { vi.restoreAllMocks(); while (stations.length) await stations.pop()!.close(); });

const ORDERS = 110;

describe('a shop that fails one request in five', () => {
  it('over 500+ operations with 20% injected faults, every order lands once and every shipment takes effect once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const s = await startSyncStation({ requestTimeoutMs: 700, emulator: { faults: { rate: 0, slowMs: 150, seed: 20261130 } } });
    stations.push(s);
    s.emu.faults.configure({ rate: 0.2 });
    const skus = DEMO_SKUS(s.core);
    const woo = Array.from({ length: ORDERS }, (_, i) => s.placeOrder([{ sku: skus[i % skus.length]!, quantity: 1 + (i % 2) }]));
    const ids = await s.waitFor('every order', () => { const l = woo.map((w) => s.localId(w)); return l.every(Boolean) ? (l as number[]) : null; }, 120_000);

    // shipments are written with tracking, as a bought label writes them, while the engine is paused
    const ws = s.core.workspace();
    ws.sync.stop();
    for (const id of ids) await s.pack(id);
    ws.repos.db.$client.prepare(`UPDATE outbox SET payload = json_set(payload, '$.tracking', json_object('company', 'UPS', 'number', '1Z999AA1' || printf('%010d', json_extract(payload, '$.orderId')), 'url', ''))
      WHERE topic = 'order.fulfilled'`).run();
    ws.sync.start();
    await s.waitFor('every shipment', () => woo.every((w) => s.emu.store.order(w).status === 'completed') && ws.repos.outboxDrain.depth(s.channelId).waiting === 0, 180_000);

    const ops = s.emu.ops.length;
    const faults = s.emu.ops.filter((o) => o.fault && !o.fault.startsWith('latency')).length;
    expect(ops).toBeGreaterThanOrEqual(500);
    expect(faults / ops).toBeGreaterThan(0.1);
    // orders: each exactly once here, its stock reserved once
    expect((await s.client.call('orders.list', { q: '', channelId: s.channelId, limit: 500 })).total).toBe(ORDERS);
    // shipments: each order completed once, one tracking note each, nothing failed
    for (const w of woo) {
      expect(s.emu.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['completed']);
      expect(s.emu.store.effectsFor('note.created', w).filter((e) => 'customerNote' in e && e.customerNote)).toHaveLength(1);
    }
    expect(ws.repos.outboxDrain.depth(s.channelId).failed).toBe(0);
    const kinds = new Set(s.emu.ops.map((o) => o.fault?.split(':')[0]).filter(Boolean));
    expect([...kinds].sort()).toEqual(['429', '5xx', 'garbage', 'latency', 'reset', 'timeout', 'truncated']);
  }, 300_000);
});
