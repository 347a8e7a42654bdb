import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mainWindowOptions } from '../../electron/main/window-options';
import {
  APP_ENTRY_URL, devicePermissionAllowed, externalUrlAllowed, isTrustedRendererUrl, permissionAllowed, privilegedSchemes, resolveAppRequest,
} from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/core/hosts/content-security';

describe('Electron window security settings', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;

  it('isolates and sandboxes the page with no Node integration', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('trusts exactly app://packbench (or the dev server\'s origin), never a file: URL', () => {
    expect(isTrustedRendererUrl('app://packbench/index.html', APP_ENTRY_URL)).toBe(true);
    expect(isTrustedRendererUrl('app://packbench/orders?x=1', APP_ENTRY_URL)).toBe(true);
    expect(isTrustedRendererUrl('app://evil.example/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isTrustedRendererUrl('app://user:pw@packbench/index.html', APP_ENTRY_URL)).toBe(false);
    // a UNC path on Windows: the same file name on another host
    expect(isTrustedRendererUrl('file://evil.example/opt/packbench/out/renderer/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/packbench/out/renderer/index.html', 'file:///opt/packbench/out/renderer/index.html')).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', APP_ENTRY_URL)).toBe(false);
    expect(isTrustedRendererUrl('not a url', APP_ENTRY_URL)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('registers app:// as a standard, secure scheme and serves only files of the renderer folder from it', () => {
    expect(privilegedSchemes()).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const dir = '/opt/packbench/out/renderer';
    expect(resolveAppRequest('app://packbench/', dir)).toEqual({ ok: true, file: `${dir}/index.html`, type: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://packbench/assets/index-1.js', dir)).toMatchObject({ ok: true, file: `${dir}/assets/index-1.js` });
    expect(resolveAppRequest('app://packbench/..%2f..%2fpackage.json', dir)).toEqual({ ok: false, status: 404 });
    // dot segments are resolved by the URL itself: the path stays inside the folder
    expect(resolveAppRequest('app://packbench/%2e%2e/%2e%2e/etc/passwd', dir)).toMatchObject({ ok: true, file: `${dir}/etc/passwd` });
    expect(resolveAppRequest('app://elsewhere/index.html', dir)).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('app://packbench/%E0%A4%A', dir)).toEqual({ ok: false, status: 400 });
  });

  it('grants the page no permission and no device, and opens only allow-listed https sites', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'hid', 'usb', 'serial', 'clipboard-read', 'openExternal']) expect(permissionAllowed(p)).toBe(false);
    for (const d of ['hid', 'usb', 'serial']) expect(devicePermissionAllowed(d)).toBe(false);
    expect(externalUrlAllowed('https://www.ups.com/track?tracknum=1Z999AA10123456784')).toBe(true);
    expect(externalUrlAllowed('http://www.ups.com/track')).toBe(false);
    expect(externalUrlAllowed('https://evil.example/')).toBe(false);
    expect(externalUrlAllowed('https://www.ups.com.evil.example/')).toBe(false);
    expect(externalUrlAllowed('https://user@www.ups.com/')).toBe(false);
    expect(externalUrlAllowed('file:///etc/passwd')).toBe(false);
    expect(externalUrlAllowed('javascript:alert(1)')).toBe(false);
  });

  it('the packaging config flips the Electron fuses: no RunAsNode, encrypted cookies, ASAR integrity', () => {
    const config = JSON.parse(readFileSync(new URL('../../electron-builder.json', import.meta.url), 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false, enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('denies by default and allows scripts only from the app itself', () => {
    expect(directive('default-src')).toBe("default-src 'none'");
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
  });
});
