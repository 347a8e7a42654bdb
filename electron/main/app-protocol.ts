import { extname, join, normalize, sep } from 'node:path';

/**
 * The desktop renderer is served from app://packbench/, a privileged, secure custom protocol, never
 * from file:. A file: URL names any path (and on Windows any UNC host), so trusting "the same path"
 * trusts too much; one fixed origin is exact. Kept free of 'electron' so it is tested where Electron
 * cannot run; electron/main/index.ts does the wiring.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'packbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export function privilegedSchemes() {
  return [{
    scheme: APP_SCHEME,
    // standard: real origins and relative URLs; secure: a secure context like https (no mixed-content holes)
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true },
  }];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm', '.json': 'application/json', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};

export type AppRequest = { ok: true; file: string; type: string } | { ok: false; status: 400 | 403 | 404 };

/** Which built file an app:// request names; nothing outside the renderer folder, nothing from another host. */
export function resolveAppRequest(requestUrl: string, rendererDir: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return { ok: false, status: 403 };
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0')) return { ok: false, status: 400 };
  const root = normalize(rendererDir + sep);
  const file = normalize(join(rendererDir, relative));
  if (!file.startsWith(root)) return { ok: false, status: 404 };
  return { ok: true, file, type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

/**
 * Only the page Packbench loaded may navigate or talk to the core: exactly app://packbench, or in
 * development exactly the dev server's origin.
 */
export function isTrustedRendererUrl(frameUrl: string, trustedUrl: string): boolean {
  try {
    const a = new URL(frameUrl);
    const b = new URL(trustedUrl);
    if (a.protocol !== b.protocol || a.username || a.password) return false;
    if (a.protocol === `${APP_SCHEME}:`) return a.host === APP_HOST && b.host === APP_HOST;
    if (a.protocol === 'http:' || a.protocol === 'https:') return a.origin === b.origin;
    return false;
  } catch {
    return false;
  }
}

/** Camera, microphone, geolocation, notifications, HID/USB/serial from the page …: none is needed. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/** Devices are opened by the main process drivers (node-hid, usb), never by the page. */
export function devicePermissionAllowed(_deviceType: string): boolean {
  return false;
}

/** Sites a link in the app may open in the system browser: carriers' tracking pages and Packbench's own help. */
export const EXTERNAL_HOSTS: readonly string[] = [
  'www.ups.com', 'www.fedex.com', 'tools.usps.com', 'www.dhl.com', 'www.dhl.de', 'www.royalmail.com', 'www.parcelforce.com',
  'www.dpd.co.uk', 'tracking.dpd.de', 'www.gls-group.com', 'www.postnl.nl', 'www.laposte.fr', 'www.canadapost-postescanada.ca',
  'auspost.com.au', 'www.evri.com', 'www.ontrac.com', 'github.com',
];

export function externalUrlAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && u.port === '' && EXTERNAL_HOSTS.includes(u.hostname.toLowerCase());
  } catch {
    return false;
  }
}
