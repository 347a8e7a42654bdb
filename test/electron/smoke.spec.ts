import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const pathFile = join(root, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : '';
const hasElectron = binary !== '' && existsSync(binary);

if (!hasElectron) console.log('Electron smoke test SKIPPED: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).');
test.skip(!hasElectron, 'SKIPPED: the Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1); the browser-station e2e suite covers the same renderer and core.');

test('the desktop window opens the demo queue with a sandboxed, isolated page', async () => {
  const app = await electron.launch({ executablePath: binary, args: [root, '--data-dir', mkdtempSync(join(tmpdir(), 'pb-electron-'))] });
  const page = await app.firstWindow();
  await expect(page.getByText(/demo workspace/i).first()).toBeVisible();
  // served from the privileged app:// origin, not from a file: URL
  expect(page.url()).toMatch(/^app:\/\/packbench\//);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  // the preload's narrow door is there, and nothing else of Electron or Node
  expect(await page.evaluate(() => Object.keys((globalThis as { packbench?: object }).packbench ?? {}).sort())).toEqual(['call', 'onMessage']);
  await app.close();
});
