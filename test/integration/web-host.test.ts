import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { startWebHost, type WebHost } from '../../electron/core/hosts/web-host';
import { tempDir } from '../support/temp-dir';

type Reply = { status: number; type: string; body: string; csp: string; location: string; setCookie: string[] };

/** Raw HTTP so the path reaches the server exactly as written (fetch would normalise "..") */
function get(host: WebHost, path: string, headers: Record<string, string> = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, csp: String(res.headers['content-security-policy'] ?? ''),
        location: String(res.headers.location ?? ''), setCookie: res.headers['set-cookie'] ?? [],
      }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser station host on a real socket', () => {
  const data = tempDir();
  const statics = tempDir();
  let core: Core;
  let host: WebHost;
  beforeAll(async () => {
    writeFileSync(join(statics.path, 'index.html'), '<!doctype html><title>Packbench</title>');
    mkdirSync(join(statics.path, 'assets'));
    writeFileSync(join(statics.path, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(data.path, 'secret.txt'), 'not for the web');
    core = createCore({ dataDir: data.path });
    host = await startWebHost({ core, staticDir: statics.path });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    data.remove();
    statics.remove();
  });

  it('listens on loopback only and refuses requests without the token in words', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await get(host, '/');
    expect(r.status).toBe(401);
    expect(r.body).toMatch(/token/);
    expect((await get(host, '/?token=wrong')).status).toBe(401);
  });

  it('swaps the token in the address for this station\'s cookie and a clean address, then serves by cookie under a strict CSP', async () => {
    const first = await get(host, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(first.setCookie).toEqual([`pb_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const deep = await get(host, `/orders?x=1&token=${host.token}`);
    expect(deep).toMatchObject({ status: 303, location: '/orders?x=1' });
    const page = await get(host, '/', { cookie: `pb_token_${host.port}=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.csp).toContain("default-src 'none'");
    const asset = await get(host, '/assets/app.js', { cookie: `pb_token_${host.port}=${host.token}` });
    expect(asset).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
  });

  it('takes only its own cookie: another station\'s, or an unnamed one, does not open it', async () => {
    expect((await get(host, '/', { cookie: `pb_token=${host.token}` })).status).toBe(401);
    expect((await get(host, '/', { cookie: `pb_token_${host.port + 1}=${host.token}` })).status).toBe(401);
    const second = await startWebHost({ core, staticDir: statics.path });
    try {
      // both cookies side by side, as a browser holding two stations sends them: each station reads its own
      const both = `pb_token_${host.port}=${host.token}; pb_token_${second.port}=${second.token}`;
      expect((await get(host, '/', { cookie: both })).status).toBe(200);
      expect((await get(second, '/', { cookie: both })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('answers only under the names it serves, so a DNS-rebinding page gets nothing even with the token', async () => {
    const auth = { cookie: `pb_token_${host.port}=${host.token}` };
    const evil = await get(host, '/', { ...auth, host: `evil.example:${host.port}` });
    expect(evil.status).toBe(421);
    expect(evil.body).not.toContain('<title>Packbench</title>');
    expect((await get(host, `/?token=${host.token}`, { host: 'evil.example' })).status).toBe(421);
    for (const name of ['127.0.0.1', 'localhost']) expect((await get(host, '/', { ...auth, host: `${name}:${host.port}` })).status).toBe(200);

    const rebound = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { headers: { host: `evil.example:${host.port}`, origin: `http://evil.example:${host.port}` } });
    const outcome = await new Promise<string>((resolve) => {
      rebound.once('open', () => resolve('open'));
      rebound.once('unexpected-response', (_q, res) => resolve(String(res.statusCode)));
      rebound.once('error', () => resolve('error'));
    });
    rebound.terminate();
    expect(outcome).toBe('401');
  });

  it('tells the page whether its key still works, and says what to do in a page when it does not', async () => {
    expect((await get(host, '/api/session', { cookie: `pb_token_${host.port}=${host.token}` })).status).toBe(204);
    const stale = await get(host, '/', { cookie: `pb_token_${host.port}=stale-token-from-an-earlier-start` });
    expect(stale.status).toBe(401);
    expect(stale.type).toContain('text/html');
    expect(stale.body).toContain('Open the address the station printed when it started');
    expect(stale.body).toContain('restart the station');
    expect(stale.body).not.toContain('<script');
  });

  it('refuses a token a guesser could find (under 128 bits), in words', async () => {
    await expect(startWebHost({ core, staticDir: statics.path, token: 'a' })).rejects.toMatchObject({ message: expect.stringMatching(/too short: it holds about 4 bits.*at least 128/) });
    await expect(startWebHost({ core, staticDir: statics.path, token: '0123456789abcdef0123456789abcde' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(startWebHost({ core, staticDir: statics.path, token: 'has space and sixty characters in it so long enough anyway!!' })).rejects.toMatchObject({ message: expect.stringMatching(/only letters, digits/) });
    const ok = await startWebHost({ core, staticDir: statics.path, token: '0123456789abcdef0123456789abcdef' });
    await ok.close();
  });

  it('never serves files outside the app folder and answers odd addresses without crashing', async () => {
    const auth = { cookie: `pb_token_${host.port}=${host.token}` };
    for (const path of ['/../secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const r = await get(host, path, auth);
      expect(r.body).not.toContain('not for the web');
    }
    expect((await get(host, '/%E0%A4%A', auth)).status).toBe(400);
    const folder = await get(host, '/assets', auth);
    expect(folder).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    // still serving
    expect((await get(host, '/', auth)).status).toBe(200);
  });

  it('answers garbage on the socket with a typed error and keeps the connection', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    const messages: unknown[] = [];
    await new Promise<void>((resolve, reject) => { ws.on('open', () => resolve()); ws.on('error', reject); });
    ws.on('message', (d) => messages.push(JSON.parse(d.toString())));
    ws.send('{not json');
    ws.send(JSON.stringify({ type: 'request', id: 7, method: 'orders.list', input: { limit: 'many' } }));
    ws.send(JSON.stringify({ type: 'request', id: 8, method: 'workspace.info', input: {} }));
    await new Promise((r) => setTimeout(r, 300));
    ws.close();
    expect(messages).toEqual(expect.arrayContaining([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_request' }) }),
      // in words for the packer; the field path stays in `fields` for the form, and the method name in the log
      expect.objectContaining({ id: 7, ok: false, error: expect.objectContaining({ code: 'invalid_request', message: 'The number of rows asked for must be a number.', fields: { limit: expect.any(String) } }) }),
      expect.objectContaining({ id: 8, ok: true }),
    ]));
  });
});
