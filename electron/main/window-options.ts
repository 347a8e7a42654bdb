import type { BrowserWindowConstructorOptions } from 'electron';

/** Kept pure so a unit test can hold the security settings in place where Electron cannot run. */
export function mainWindowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    // Linux and Windows show it in the task bar; macOS takes the app bundle's icon.icns
    ...(iconPath ? { icon: iconPath } : {}),
    width: 1400,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    title: 'Packbench',
    backgroundColor: '#0f172a',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export { isTrustedRendererUrl } from './app-protocol';
