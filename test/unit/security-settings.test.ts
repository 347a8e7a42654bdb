import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, mainWindowOptions } from '../../electron/main/window-options';
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

  it('trusts only the page Packbench loaded', () => {
    const app = 'file:///opt/packbench/out/renderer/index.html';
    expect(isTrustedRendererUrl('file:///opt/packbench/out/renderer/index.html', app)).toBe(true);
    expect(isTrustedRendererUrl('file:///tmp/evil.html', app)).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', app)).toBe(false);
    expect(isTrustedRendererUrl('not a url', app)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
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
