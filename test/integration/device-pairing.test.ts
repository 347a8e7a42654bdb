import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { deviceCookieName, fromThisComputer } from '../../electron/core/hosts/device-access';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { startWebHost, type WebHost } from '../../electron/core/hosts/web-host';
import type { ApiClient } from '../../shared/rpc/client';
import { tempDir } from '../support/temp-dir';

function get(host: WebHost, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; location: string; setCookie: string[]; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ''), setCookie: res.headers['set-cookie'] ?? [], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Answer = { ok: boolean; result?: unknown; error?: { code: string; message: string } };

/** A phone's socket: the device cookie only, no station key. */
async function phoneSocket(host: WebHost, cookie: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api`, { headers: { cookie, origin: `http://127.0.0.1:${host.port}`, host: `127.0.0.1:${host.port}` } });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); ws.once('unexpected-response', (_q, res) => reject(new Error(`refused with ${res.statusCode}`))); });
  let id = 0;
  const call = (method: string, input: unknown = {}) => new Promise<Answer>((resolve) => {
    const mine = ++id;
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as Answer & { type: string; id: number };
      if (m.type === 'response' && m.id === mine) { ws.off('message', onMessage); resolve(m); }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id: mine, method, input }));
  });
  return { ws, call, closed };
}

describe('pairing phones with per-device tokens (real station socket)', () => {
  let data: ReturnType<typeof tempDir>;
  let statics: ReturnType<typeof tempDir>;
  let core: Core;
  let host: WebHost;
  let desk: ApiClient;
  beforeEach(async () => {
    data = tempDir();
    statics = tempDir();
    writeFileSync(join(statics.path, 'index.html'), '<!doctype html><title>Packbench</title>');
    mkdirSync(join(statics.path, 'assets'));
    core = createCore({ dataDir: data.path });
    host = await startWebHost({ core, staticDir: statics.path });
    desk = createInMemoryClient(core);
  });
  afterEach(async () => { desk.close(); await host.close(); core.close(); data.remove(); statics.remove(); });

  async function pair(name: string): Promise<string> {
    const offer = await desk.call('phones.offer', { name });
    const r = await get(host, `/pair?code=${offer.code}`);
    expect(r.status).toBe(303);
    expect(r.location).toBe('/#picker');
    const cookie = r.setCookie.find((c) => c.startsWith(`${deviceCookieName(host.port)}=`))!;
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    return cookie.split(';')[0]!;
  }

  it('is off by default: no pairing code is offered and a pairing address is refused', async () => {
    expect((await desk.call('phones.state', {})).lan).toBe(false);
    await expect(desk.call('phones.offer', { name: 'Anna' })).rejects.toMatchObject({ message: 'Phones and tablets are switched off for this station.' });
    expect((await get(host, '/pair?code=anything')).status).toBe(403);
  });

  it('an unpaired device is refused: no page, no socket, with a made-up or used-up code', async () => {
    await desk.call('phones.setLan', { enabled: true });
    const made = `${deviceCookieName(host.port)}=not-a-real-token`;
    expect((await get(host, '/', { cookie: made })).status).toBe(401);
    await expect(phoneSocket(host, made)).rejects.toThrow('refused with 401');
    const offer = await desk.call('phones.offer', { name: 'Anna' });
    expect((await get(host, `/pair?code=${offer.code}`)).status).toBe(303);
    const again = await get(host, `/pair?code=${offer.code}`);
    expect(again.status).toBe(403);
    expect(again.body).toContain('This phone was not paired');
  });

  it('a paired phone walks pick lists only; revoked, its open socket is closed at once and it is refused from then on', async () => {
    await desk.call('phones.setLan', { enabled: true });
    const cookie = await pair("Anna's phone");
    expect((await get(host, '/', { cookie })).status).toBe(200);
    expect((await get(host, '/api/session', { cookie })).status).toBe(204);
    const phone = await phoneSocket(host, cookie);
    expect(await phone.call('picking.lists', { active: true })).toMatchObject({ ok: true, result: [] });
    const other = await phone.call('orders.list', {});
    expect(other).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'A paired phone or tablet can only walk pick lists.' } });
    const [device] = (await desk.call('phones.state', {})).devices;
    expect(device).toMatchObject({ name: "Anna's phone", revokedAt: null });

    await desk.call('phones.revoke', { id: device!.id });
    expect(await phone.closed).toBe(4401);
    expect((await get(host, '/api/session', { cookie })).status).toBe(401);
    await expect(phoneSocket(host, cookie)).rejects.toThrow('refused with 401');
    expect((await desk.call('phones.state', {})).devices[0]!.revokedAt).not.toBeNull();
  });

  it('switching phones off refuses every paired device at once', async () => {
    await desk.call('phones.setLan', { enabled: true });
    const cookie = await pair('Tablet');
    const phone = await phoneSocket(host, cookie);
    await desk.call('phones.setLan', { enabled: false });
    expect(await phone.closed).toBe(4401);
    expect((await get(host, '/', { cookie })).status).toBe(401);
  });

  it('the station key counts only from this computer', () => {
    expect(fromThisComputer({ socket: { remoteAddress: '127.0.0.1' } } as never)).toBe(true);
    expect(fromThisComputer({ socket: { remoteAddress: '::ffff:127.0.0.1' } } as never)).toBe(true);
    expect(fromThisComputer({ socket: { remoteAddress: '192.168.1.23' } } as never)).toBe(false);
  });
});
