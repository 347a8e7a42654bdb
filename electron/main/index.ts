import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/contract/errors';
import { createCore, type Core } from '../core/create-core';
import { desktopDevices } from '../core/devices/desktop-devices';
import { isTrustedRendererUrl, mainWindowOptions } from './window-options';

const CALL = 'packbench:call';
const EVENT = 'packbench:event';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let core: Core | undefined;
// userData becomes <appData>/Packbench, the same folder the browser station uses by default
app.setName('Packbench');

function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
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
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const dataDir = argValue('--data-dir') ?? process.env.PACKBENCH_DATA_DIR ?? app.getPath('userData');
  try {
    core = createCore({ dataDir, version: app.getVersion(), devices: desktopDevices() });
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError('storage', String(e));
    dialog.showErrorBox('Packbench could not start', `${err.message}\n\n${err.hint ?? ''}`);
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
