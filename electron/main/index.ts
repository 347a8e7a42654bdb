import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { createCore, type Core } from '../core/create-core';
import { desktopDevices } from '../core/devices/desktop-devices';
import { contentSecurityPolicy } from '../core/hosts/content-security';
import { listBackups } from '../core/store/backups';
import { restoreBackupOffline } from '../core/store/restore';
import {
  APP_ENTRY_URL, APP_SCHEME, devicePermissionAllowed, externalUrlAllowed, isTrustedRendererUrl, permissionAllowed, privilegedSchemes, resolveAppRequest,
} from './app-protocol';
import { safeStorageBox } from './safe-storage-box';
import { mainWindowOptions } from './window-options';

const CALL = 'packbench:call';
const EVENT = 'packbench:event';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let core: Core | undefined;
// userData becomes <appData>/Packbench, the same folder the browser station uses by default
app.setName('Packbench');
// before ready: app:// gets real origins and a secure context
protocol.registerSchemesAsPrivileged(privilegedSchemes());

const rendererDir = join(import.meta.dirname, '../renderer');

function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY_URL;
}

/** Serves the built renderer on app://packbench/, with the same CSP as the browser station. */
function serveRenderer(): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppRequest(request.url, rendererDir);
    if (!found.ok) return new Response(null, { status: found.status });
    const headers = { 'content-type': found.type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
    try {
      return new Response(await readFile(found.file), { headers });
    } catch {
      // a client-side route: the single page answers it
      return new Response(await readFile(join(rendererDir, 'index.html')), { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
    }
  });
}

function createWindow(c: Core) {
  const win = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), join(import.meta.dirname, '../../resources/icons/icon.png')));
  const stop = c.onEvent((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT, { type: 'event', event, payload });
  });
  win.on('closed', stop);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl());
}

app.on('web-contents-created', (_e, contents) => {
  // The app is one page: no navigation away, no new windows; links open in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, rendererUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // only known sites (carrier tracking, help) open, and only in the system browser
    if (externalUrlAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** Opens the core; a database that cannot be used offers its latest backup before giving up. */
function openCore(dataDir: string): Core | undefined {
  for (;;) {
    try {
      // keys (shops, carriers) go to the OS keychain where there is one; otherwise the core seals them with a key file
      const secretBox = safeStorageBox(safeStorage);
      return createCore({ dataDir, version: app.getVersion(), devices: desktopDevices(), ...(secretBox ? { secretBox } : {}) });
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError('storage', 'Packbench could not start because of an unexpected problem.', String(e));
      const latest = err.code === 'storage' ? listBackups(dataDir)[0] : undefined;
      if (!latest) {
        dialog.showErrorBox('Packbench could not start', `${err.message}\n\n${err.hint ?? ''}`);
        return undefined;
      }
      const choice = dialog.showMessageBoxSync({
        type: 'error', title: 'Packbench could not start', message: err.message,
        detail: `The latest backup is from ${new Date(latest.createdAt).toLocaleString()}. Restoring it keeps the current file beside it.`,
        buttons: ['Restore the latest backup', 'Quit'], defaultId: 0, cancelId: 1,
      });
      if (choice !== 0) return undefined;
      try {
        restoreBackupOffline(dataDir, 'latest');
      } catch (r) {
        dialog.showErrorBox('The backup could not be restored', r instanceof AppError ? `${r.message}\n\n${r.hint ?? ''}` : String(r));
        return undefined;
      }
    }
  }
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  session.defaultSession.setDevicePermissionHandler((details) => devicePermissionAllowed(details.deviceType));
  serveRenderer();
  const dataDir = argValue('--data-dir') ?? process.env.PACKBENCH_DATA_DIR ?? app.getPath('userData');
  core = openCore(dataDir);
  if (!core) {
    app.quit();
    return;
  }
  const c = core;
  ipcMain.handle(CALL, async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedRendererUrl(frameUrl, rendererUrl()) || event.senderFrame?.parent) {
      return { ok: false, error: { code: 'unauthorized', message: 'This page may not use Packbench.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_request', message: 'A request needs a method name.' } };
    return c.handle(method, input);
  });
  createWindow(c);
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(c); });
}).catch((e) => console.error('[main] start-up failed', e));

app.on('window-all-closed', () => {
  core?.close();
  app.quit();
});

process.on('uncaughtException', (e) => console.error('[main] unexpected error (app still running):', e));
