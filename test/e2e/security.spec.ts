import WebSocket from 'ws';
import { expect, startStation, test, type Station } from './station';
import { AppShell } from './page-models/app-shell';

type SocketOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number | null };

/** Tries a WebSocket to the station from Node, as any other program on this computer could. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? null });
      socket.terminate();
    });
    socket.once('error', () => resolve({ opened: false, status: null }));
  });
}

const apiUrl = (station: Station, token?: string) =>
  `${station.origin.replace(/^http/, 'ws')}/api${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

test('a page request without the token gets 401 and no app', async ({ page, station }) => {
  const response = await page.goto(station.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('#root')).toHaveCount(0);
  await expect(page.locator('body')).toContainText('Open the address the station printed when it started');
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);

  const wrong = await page.request.get(`${station.origin}/?token=not-the-token`);
  expect(wrong.status()).toBe(401);
  // the built files are behind the token too, not only the page
  const asset = await page.request.get(`${station.origin}/index.html`);
  expect(asset.status()).toBe(401);
});

test('a WebSocket to /api without the token, with a wrong token or from another origin is refused', async ({ station }) => {
  const none = await openSocket(apiUrl(station));
  expect(none).toEqual({ opened: false, status: 401 });

  const wrong = await openSocket(apiUrl(station, station.token.slice(0, -1) + (station.token.endsWith('A') ? 'B' : 'A')));
  expect(wrong).toEqual({ opened: false, status: 401 });

  const empty = await openSocket(apiUrl(station, ''));
  expect(empty).toEqual({ opened: false, status: 401 });

  // a web page elsewhere that learned the token still cannot drive the station
  const foreign = await openSocket(apiUrl(station, station.token), { origin: 'http://evil.example' });
  expect(foreign).toEqual({ opened: false, status: 401 });
});

test('a WebSocket with the token answers requests', async ({ station }) => {
  const outcome = await openSocket(apiUrl(station, station.token));
  expect(outcome.opened).toBe(true);
  if (!outcome.opened) return;
  const answer = await new Promise<unknown>((resolve) => {
    outcome.socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; id?: number };
      if (m.type === 'response' && m.id === 7) resolve(m);
    });
    outcome.socket.send(JSON.stringify({ type: 'request', id: 7, method: 'workspace.info', input: {} }));
  });
  expect(answer).toMatchObject({ ok: true, result: { kind: 'demo', counts: { orders: 60 } } });
  outcome.socket.close();
});

test('the app page carries a strict Content-Security-Policy and works with the token', async ({ page, station }) => {
  const shell = new AppShell(page);
  const response = await page.goto(station.url);
  expect(response?.status()).toBe(200);
  // the key left the address bar (and so the history) at once
  expect(page.url()).toBe(`${station.origin}/`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");

  await expect(shell.connection).toHaveText(/Connected/);
  await expect(shell.badge).toHaveText('DEMO WORKSPACE');
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  // a script injected into the page is blocked by the policy, and the app itself trips nothing
  const injected = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    return w.injected === true;
  });
  expect(injected).toBe(false);
  expect(shell.cspViolations.filter((v) => !v.includes('inline script'))).toEqual([]);

  // after the first visit the token lives in a strict, script-proof cookie, so a reload keeps working
  const cookies = await page.context().cookies(station.origin);
  const cookie = cookies.find((c) => c.name === `pb_token_${new URL(station.origin).port}`);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('pb_token');
  await page.reload();
  await expect(shell.connection).toHaveText(/Connected/);
  expect(page.url()).toBe(`${station.origin}/`);
});

test('a page whose station was restarted says to open the new address instead of retrying for ever', async ({ page }) => {
  const first = await startStation();
  const port = Number(new URL(first.origin).port);
  const shell = new AppShell(page);
  await shell.open(first);
  await first.stop();
  // the same address, a new key: the page's cookie is stale now
  const second = await startStation({ port });
  try {
    await expect(page.getByTestId('stale-key')).toContainText('Open the address the station printed when it started', { timeout: 15_000 });
    await expect(page.getByTestId('stale-key')).toContainText('restart the station');
    // opening the address again without the key gets the same advice, as a page with no script
    const again = await page.goto(second.origin + '/');
    expect(again?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('If the station was restarted, it printed a new address');
  } finally {
    await second.stop();
  }
});
