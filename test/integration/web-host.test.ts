import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { startWebHost, type WebHost } from '../../electron/core/hosts/web-host';
import { tempDir } from '../support/temp-dir';

/** Raw HTTP so the path reaches the server exactly as written (fetch would normalise "..") */
function get(host: WebHost, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: string; csp: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, csp: String(res.headers['content-security-policy'] ?? '') }));
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

  it('serves the app with the token, then by cookie, under a strict CSP', async () => {
    const page = await get(host, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.csp).toContain("default-src 'none'");
    const asset = await get(host, '/assets/app.js', { cookie: `pb_token=${host.token}` });
    expect(asset).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
  });

  it('never serves files outside the app folder and answers odd addresses without crashing', async () => {
    const auth = { cookie: `pb_token=${host.token}` };
    for (const path of ['/../secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const r = await get(host, path, auth);
      expect(r.body).not.toContain('not for the web');
    }
    expect((await get(host, '/%E0%A4%A', auth)).status).toBe(400);
    const folder = await get(host, '/assets', auth);
    expect(folder).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    // still serving
    expect((await get(host, `/?token=${host.token}`)).status).toBe(200);
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
