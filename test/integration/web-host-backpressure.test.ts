import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { startWebHost, type WebHost } from '../../electron/core/hosts/web-host';
import { CLOSE_TOO_SLOW } from '../../electron/core/hosts/socket-flow';
import { tempDir } from '../support/temp-dir';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(host: WebHost): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** A client that keeps working: sends one request at a time and waits for its answer. */
async function ask(ws: WebSocket, id: number, method: string, input: unknown): Promise<{ ok: boolean }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { type: string; id?: number; ok: boolean };
      if (m.type === 'response' && m.id === id) { ws.off('message', onMessage); resolve(m); }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, method, input }));
  });
}

describe('a browser tab that stops reading cannot make the station buffer without end', () => {
  let data: ReturnType<typeof tempDir>;
  let statics: ReturnType<typeof tempDir>;
  let core: Core;
  let host: WebHost;
  beforeEach(async () => {
    data = tempDir();
    statics = tempDir();
    writeFileSync(join(statics.path, 'index.html'), '<!doctype html>');
    core = createCore({ dataDir: data.path });
    host = await startWebHost({
      core, staticDir: statics.path,
      limits: { maxInFlight: 8, pauseAboveBytes: 256 * 1024, eventsAboveBytes: 64 * 1024, closeAboveBytes: 8 * 1024 * 1024, stalledCloseMs: 2000, maxPendingEvents: 200 },
    });
  });
  afterEach(async () => {
    await host.close();
    core.close();
    data.remove();
    statics.remove();
  });

  it('caps requests in flight, stops reading, coalesces its events, keeps other tabs served, then closes it with a reason', async () => {
    const frozen = await open(host);
    const healthy = await open(host);
    // a real socket that stops reading, as a frozen tab's does
    (frozen as unknown as { _socket: Socket })._socket.pause();
    const rssBefore = process.memoryUsage().rss;

    // 3000 requests with ~100 KB answers: 300 MB if the station answered them all into its buffers
    const request = JSON.stringify({ type: 'request', id: 1, method: 'orders.list', input: { limit: 500 } });
    for (let i = 0; i < 3000; i++) frozen.send(request);

    // meanwhile another tab changes stock: every change is an event the frozen tab should get
    const rows = (JSON.parse(JSON.stringify(await new Promise((resolve) => {
      healthy.once('message', (d) => resolve(JSON.parse(String(d))));
      healthy.send(JSON.stringify({ type: 'request', id: 1, method: 'inventory.list', input: { limit: 50 } }));
    }))) as { result: { rows: Array<{ variantId: number; locationId: number; onHand: number }> } }).result.rows;
    let maxBuffered = 0;
    let maxInFlight = 0;
    let coalesced = 0;
    for (let i = 0; i < 60; i++) {
      const r = rows[i % rows.length]!;
      const answer = await ask(healthy, 100 + i, 'inventory.adjust', { variantId: r.variantId, locationId: r.locationId, countedOnHand: r.onHand + 1 + i, reason: `recount ${i}` });
      expect(answer.ok).toBe(true);
      for (const c of host.stats().clients) {
        maxBuffered = Math.max(maxBuffered, c.maxBufferedAmount);
        maxInFlight = Math.max(maxInFlight, c.inFlight);
        coalesced = Math.max(coalesced, c.coalescedEvents);
      }
    }
    const frozenStats = host.stats().clients.find((c) => c.paused);
    expect(frozenStats?.paused).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(8);
    expect(coalesced).toBeGreaterThan(0);
    // what sits in the station's own buffers stays under the close limit plus one answer
    expect(maxBuffered).toBeLessThan(8 * 1024 * 1024 + 200 * 1024);

    // it read nothing for longer than the limit: closed with a reason, and the station forgot it
    const deadline = Date.now() + 8000;
    while (host.stats().clients.length > 1 && Date.now() < deadline) await sleep(100);
    expect(host.stats().clients).toHaveLength(1);
    expect(host.stats().closedTooSlow).toBe(1);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);

    // the healthy tab is still served
    expect((await ask(healthy, 999, 'workspace.info', {})).ok).toBe(true);
    healthy.close();
    frozen.terminate();
  });

  it('a reading tab gets the close reason and code', async () => {
    const ws = await open(host);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    (ws as unknown as { _socket: Socket })._socket.pause();
    for (let i = 0; i < 400; i++) ws.send(JSON.stringify({ type: 'request', id: i, method: 'orders.list', input: { limit: 500 } }));
    // stalled past stalledCloseMs (2 s) before it reads again
    await sleep(4500);
    (ws as unknown as { _socket: Socket })._socket.resume();
    const { code, reason } = await closed;
    expect([CLOSE_TOO_SLOW, 1006]).toContain(code);
    if (code === CLOSE_TOO_SLOW) expect(reason).toMatch(/stopped reading/);
    expect(host.stats().closedTooSlow).toBe(1);
  });
});
